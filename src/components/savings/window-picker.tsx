"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { BUCKET_SIZES, type BucketSize } from "@/core/costs/buckets";
import { BUCKET_LABELS, WINDOW_PRESETS, windowSearch, type WindowPreset, type WindowRequest } from "./window";

/**
 * The window (and, on the dashboard, the bucket) the page shows. It is a plain GET form, so the
 * choice lives in the address and can be shared; with JavaScript it navigates without a reload.
 */
export function WindowPicker({ request, path, buckets = true, error }: { request: WindowRequest; path: string; buckets?: boolean; error?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [preset, setPreset] = useState<WindowPreset>(request.preset);
  const [bucket, setBucket] = useState<BucketSize>(request.bucket);
  const [fromDay, setFromDay] = useState(request.fromDay);
  const [toDay, setToDay] = useState(request.toDay);
  const id = useId();
  const bucketLegend = `${id}-bucket`;

  return (
    <ActionForm
      action={path}
      method="get"
      aria-label="Choose a window"
      className="flex flex-wrap items-start gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
      onSubmit={() => startTransition(() => router.push(`${path}?${windowSearch({ preset, bucket, fromDay, toDay })}`, { scroll: false }))}
    >
      <Field label="Window" htmlFor={`${id}-preset`} className="w-44">
        <Select id={`${id}-preset`} name="window" value={preset} onChange={(e) => setPreset(e.target.value as WindowPreset)}>
          {WINDOW_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      {preset === "custom" && (
        <>
          <Field label="From (UTC)" htmlFor={`${id}-from`} className="w-40">
            <Input id={`${id}-from`} name="from" type="date" required value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
          </Field>
          <Field label="To (UTC, included)" htmlFor={`${id}-to`} className="w-40">
            <Input id={`${id}-to`} name="to" type="date" required value={toDay} min={fromDay || undefined} onChange={(e) => setToDay(e.target.value)} />
          </Field>
        </>
      )}
      {buckets && (
        <fieldset>
          <legend id={bucketLegend} className="mb-1.5 block text-sm font-medium text-slate-800">
            Per
          </legend>
          <div className="inline-flex h-10 rounded-lg border border-slate-300 bg-slate-50 p-0.5 shadow-xs">
            {BUCKET_SIZES.map((b) => (
              <label
                key={b}
                className={clsx(
                  "flex cursor-pointer items-center rounded-md px-3 text-sm font-medium transition-colors has-focus-visible:outline-2 has-focus-visible:outline-indigo-600",
                  bucket === b ? "bg-white text-indigo-700 shadow-xs ring-1 ring-slate-200" : "text-slate-700 hover:text-slate-900",
                )}
              >
                <input type="radio" name="bucket" value={b} checked={bucket === b} onChange={() => setBucket(b)} className="sr-only" />
                {BUCKET_LABELS[b]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Button type="submit" variant="secondary" loading={pending} className="mt-6.5">
        Apply
      </Button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      )}
    </ActionForm>
  );
}
