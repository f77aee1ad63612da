import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ZoneSync } from "@/components/time/zone-sync";
import { ToastProvider } from "@/components/ui/toast";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rigshare", template: "%s · Rigshare" },
  description: "Share the team's GPU machines fairly, and see what they save against the cloud.",
  // The files are in public/: /favicon.ico answers the browsers that ask for it without reading the page.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/site.webmanifest",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* Sets the zone cookie from the first page (sign-in), so the first signed-in page is in the viewer's zone. */}
        <ZoneSync />
        <TRPCReactProvider>
          <ToastProvider>{children}</ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
