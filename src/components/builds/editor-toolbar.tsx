"use client";

import { CircleAlert, CircleCheck, PencilLine } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The editor's save bar. It sticks to the top of the window so Save stays in reach down a long
 * parts list, and it says in words whether there is anything to save and what stands in the way.
 */
export function EditorToolbar({
  isNew,
  dirty,
  saving,
  errorCount,
  conflict,
  serverError,
  onLoadLatest,
  actions,
}: {
  isNew: boolean;
  dirty: boolean;
  saving: boolean;
  /** Fields to fix, once a save was attempted. */
  errorCount: number;
  conflict?: string;
  serverError?: string;
  onLoadLatest: () => void;
  actions: ReactNode;
}) {
  const state = saving
    ? "Saving…"
    : isNew
      ? dirty
        ? "Not created yet"
        : "Empty build"
      : dirty
        ? "Unsaved changes"
        : "All changes saved";
  return (
    <div className="sticky top-0 z-20 -mx-4 mb-6 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {/* On a phone the buttons need the row; the state is still announced and the Save button's state shows it. */}
        <p className="flex items-center gap-2 text-sm text-slate-700 max-sm:sr-only" role="status">
          {dirty ? <PencilLine aria-hidden="true" className="size-4 text-amber-700" /> : <CircleCheck aria-hidden="true" className="size-4 text-emerald-700" />}
          {state}
        </p>
        <div className="flex flex-wrap items-center gap-2 max-sm:w-full max-sm:justify-end">{actions}</div>
      </div>
      {(errorCount > 0 || conflict || serverError) && (
        <div role="alert" className="mt-3 flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-700" />
          <div className="min-w-0 space-y-2">
            {errorCount > 0 && <p>Fix {errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below before saving.</p>}
            {serverError && <p>{serverError}</p>}
            {conflict && (
              <>
                <p>{conflict}</p>
                <Button variant="secondary" size="sm" onClick={onLoadLatest}>
                  Load the latest version (discards your changes)
                </Button>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
