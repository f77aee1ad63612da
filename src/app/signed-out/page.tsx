import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { DemoBanner } from "@/components/shell/demo-banner";
import { ButtonLink } from "@/components/ui/button";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Signed out" };

/** Where sign-out ends, after the identity provider ended its own session (RP-initiated logout). */
export default async function SignedOutPage({ searchParams }: { searchParams: Promise<{ idp?: string }> }) {
  const { idp } = await searchParams;
  const e = env();
  return (
    <>
      {e.RIGSHARE_DEMO_IDP === "1" && <DemoBanner />}
      <main id="main" className="flex min-h-[80vh] items-center justify-center px-4">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <div aria-hidden="true" className="mb-5 flex size-11 items-center justify-center rounded-lg bg-emerald-600 text-white">
            <CircleCheck className="size-6" />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">You are signed out</h1>
          <p className="mt-2 text-sm text-slate-600">
            {idp === "unreachable"
              ? `Your Rigshare session has ended. ${e.OIDC_PROVIDER_NAME} could not be reached, so you may still be signed in there: close the browser to be sure.`
              : `Your Rigshare session has ended, and so has your ${e.OIDC_PROVIDER_NAME} session in this browser.`}
          </p>
          <ButtonLink href="/sign-in" className="mt-6 w-full">
            Sign in again
          </ButtonLink>
        </div>
      </main>
    </>
  );
}
