import { ShieldAlert } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

/**
 * The page body when someone opens a page their roles do not allow. It is the page's content,
 * so it carries the h1. `action` names who may, e.g. "admin" or "admin or leadership".
 */
export function NotAllowed({ action }: { action?: string }) {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-xs">
      <div aria-hidden="true" className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-amber-100 text-amber-700">
        <ShieldAlert className="size-6" />
      </div>
      <h1 className="text-xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        {action ? (
          <>
            It needs the <strong className="font-semibold text-slate-900">{action}</strong> role. If you should have it, ask an admin
            of Rigshare.
          </>
        ) : (
          "Your roles don't include this page. If you think they should, ask an admin of Rigshare."
        )}
      </p>
      <ButtonLink href="/" variant="secondary" className="mt-6">
        Back to the home page
      </ButtonLink>
    </div>
  );
}
