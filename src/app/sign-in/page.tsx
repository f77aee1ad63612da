import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoBanner } from "@/components/shell/demo-banner";
import { SignInCard } from "@/components/shell/sign-in-card";
import { signIn } from "@/server/auth/config";
import { signInUrlDiagnosed } from "@/server/auth/diagnosis";
import { currentActor } from "@/server/auth/session";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  deactivated: "Your account is deactivated. Ask an admin of Rigshare to reactivate it.",
  "missing-claims": "Your identity provider did not send an e-mail address. Ask IT to release the email claim to Rigshare.",
  AccessDenied: "Sign-in was cancelled or refused at the identity provider.",
  Configuration: "Sign-in is misconfigured. An admin should check the logs: each failed sign-in is logged with its cause.",
  IdpUnreachable: "The identity provider cannot be reached right now. Try again later; if it lasts, tell an admin.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  if (await currentActor()) redirect("/");
  const e = env();
  const redirectTo = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";

  async function startSignIn() {
    "use server";
    redirect(await signInUrlDiagnosed(() => signIn("oidc", { redirectTo, redirect: false })));
  }

  return (
    <>
      {e.RIGSHARE_DEMO_IDP === "1" && <DemoBanner />}
      <main id="main" className="flex min-h-[80vh] items-center justify-center px-4">
        <SignInCard
          signIn={startSignIn}
          providerName={e.OIDC_PROVIDER_NAME}
          demo={e.RIGSHARE_DEMO_IDP === "1"}
          error={error ? (ERRORS[error] ?? "Sign-in failed. Please try again.") : undefined}
        />
      </main>
    </>
  );
}
