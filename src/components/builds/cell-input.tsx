import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { Input } from "@/components/ui/form";

/**
 * An input inside a table cell: no visible label (the column header is one), an accessible name
 * that says which line it belongs to ("Quantity of GTX 1080 Ti"), and its error right under it.
 */
export function CellInput({
  id,
  label,
  error,
  prefix,
  className,
  ...props
}: Omit<ComponentProps<"input">, "prefix"> & { id: string; label: string; error?: string; prefix?: ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div>
      <div className="relative">
        {prefix && (
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-slate-500">
            {prefix}
          </span>
        )}
        <Input
          id={id}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={clsx(prefix ? "pl-6" : undefined, className)}
          {...props}
        />
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
