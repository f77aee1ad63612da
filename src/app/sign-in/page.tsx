import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoBanner } from "@/components/shell/demo-banner";
import { SignInCard } from "@/components/shell/sign-in-card";
import { signInErrorMessage } from "@/components/shell/sign-in-errors";
import { signIn } from "@/server/auth/config";
import { signInUrlDiagnosed } from "@/server/auth/diagnosis";
import { currentActor } from "@/server/auth/session";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };


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
          error={error ? signInErrorMessage(error) : undefined}
        />
      </main>
    </>
  );
}
