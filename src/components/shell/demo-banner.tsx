import { TriangleAlert } from "lucide-react";

/** Shown on every page while the built-in demo identity provider is the sign-in. */
export function DemoBanner() {
  return (
    <section aria-label="Demo mode" className="border-b border-amber-400 bg-amber-300 text-amber-950">
      <div className="mx-auto flex max-w-7xl items-start gap-2.5 px-4 py-2.5 text-sm sm:items-center sm:px-6 lg:px-8">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 sm:mt-0" />
        <p>
          <strong className="font-semibold">Demo sign-in:</strong> accounts come from the built-in demo identity provider.
          Configure <code className="rounded bg-amber-200/70 px-1 py-0.5 text-[0.8125rem] font-medium">OIDC_ISSUER</code> to use
          your company SSO.
        </p>
      </div>
    </section>
  );
}
