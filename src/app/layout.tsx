import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rigshare", template: "%s · Rigshare" },
  description: "Share the team's GPU machines fairly, and see what they save against the cloud.",
};

/**
 * Every page renders per request: Next puts the proxy's per-request CSP nonce on its scripts only
 * while rendering, so a page prerendered at build time would have scripts the browser refuses.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <ToastProvider>{children}</ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
