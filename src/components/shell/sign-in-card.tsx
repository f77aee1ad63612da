import { CircleAlert, Gpu, Info } from "lucide-react";
import { SubmitButton } from "@/components/ui/submit-button";

/** The body of the sign-in page. The page owns `<main>`; this holds the h1. */
export function SignInCard({
  signIn,
  providerName,
  demo = false,
  error,
}: {
  /** A server action that starts the OpenID Connect sign-in. */
  signIn: () => Promise<void>;
  providerName: string;
  demo?: boolean;
  /** Already in words for people; shown as an alert. */
  error?: string;
}) {
  return (
    <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <div aria-hidden="true" className="mb-5 flex size-11 items-center justify-center rounded-lg bg-indigo-600 text-white">
        <Gpu className="size-6" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Rigshare</h1>
      <p className="mt-2 text-sm text-slate-600">Share the team&apos;s GPU machines fairly, and see what they save against the cloud.</p>

      {error && (
        <div role="alert" className="mt-6 flex gap-2.5 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-600" />
          <p>{error}</p>
        </div>
      )}

      <form action={signIn} className="mt-6">
        <SubmitButton className="w-full">Sign in with {providerName}</SubmitButton>
      </form>
      <p className="mt-3 text-center text-xs text-slate-600">
        You will continue to <span className="font-medium text-slate-800">{providerName}</span>.
      </p>

      {demo && (
        <div className="mt-6 flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
          <p>
            This is a demo: the demo identity provider offers ready-made accounts (a member, an admin and a leadership user) on its
            sign-in page.
          </p>
        </div>
      )}
    </div>
  );
}
