"use client";

import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/states";
import { useWidth } from "./use-width";

/**
 * The frame of a chart: the drawing is one image to assistive technology, named by a sentence
 * that says what it shows (the table under each chart holds the numbers), and it is drawn at the
 * frame's measured width so it fits any screen.
 */
export function ChartFrame({ summary, height, legend, children }: { summary: string; height: number; legend?: ReactNode; children: (width: number) => ReactNode }) {
  const { ref, width } = useWidth<HTMLDivElement>();
  return (
    <figure className="space-y-3">
      {legend}
      <div ref={ref} role="img" aria-label={summary} style={{ height }} className="w-full">
        {width > 0 ? children(width) : <Skeleton className="h-full w-full" />}
      </div>
    </figure>
  );
}

/** The tooltip box of every savings chart. */
export function ChartTooltip({ title, lines }: { title: string; lines: { label: string; value: string; color?: string }[] }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-lg">
      <p className="font-medium text-slate-900">{title}</p>
      <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        {lines.map((line) => (
          <div key={line.label} className="contents">
            <dt className="flex items-center gap-1.5 text-slate-600">
              {line.color && <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ background: line.color }} />}
              {line.label}
            </dt>
            <dd className="text-right font-medium text-slate-900 tabular-nums">{line.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
