import { CircleCheck, Circle } from "lucide-react";
import Link from "next/link";
import type { SetupItem } from "@/core/identity/setup-checklist";

/** The first admin's way from an empty install to a portal people can use. */
export function SetupChecklist({ items }: { items: SetupItem[] }) {
  const done = items.filter((item) => item.done).length;
  return (
    <section aria-labelledby="setup-heading" className="mb-8 rounded-lg border border-indigo-200 bg-indigo-50/60 p-5">
      <h2 id="setup-heading" className="text-base font-semibold text-slate-900">Set up Rigshare</h2>
      <p className="mt-1 text-sm text-slate-600">
        {done} of {items.length} done. Each step ticks itself once it is done; this list goes away when all are.
      </p>
      <ol className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              className="flex h-full gap-2.5 rounded-lg border border-slate-200 bg-white p-3 text-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {item.done ? (
                <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
              ) : (
                <Circle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-400" />
              )}
              <span>
                <span className={item.done ? "font-medium text-slate-500 line-through" : "font-medium text-indigo-700"}>{item.label}</span>
                <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
                <span className="mt-0.5 block text-xs text-slate-600">{item.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
