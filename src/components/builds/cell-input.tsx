import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { Input } from "@/components/ui/form";
import { Td, Th, THead, Tr } from "@/components/ui/table";
import type { DraftErrors } from "./draft";

/** On phones each line is a card without the table's header, so every cell names its column. */
export const mobileLabel = "mb-1 block text-xs font-medium text-slate-600 md:hidden";

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

/** What the cells of one parts or quotes line share: its draft, its errors, how it changes. */
export interface LineCells<D extends { key: string }> {
  draft: D;
  /** Where its errors are keyed: "parts" or "quotes". */
  errorPrefix: string;
  errors: DraftErrors;
  readOnly: boolean;
  update: (key: string, change: Partial<D>) => void;
  onTouch: (errorKey: string) => void;
}

type TextField<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * An editable cell of a line: read-only, just `shown`; otherwise the input of the draft's `field`
 * under the column's name (seen on phones only), touched on blur, and whatever `after` adds below.
 */
export function InputCell<D extends { key: string }>({
  line,
  field,
  column,
  cellClassName,
  shown,
  after,
  ...input
}: Omit<ComponentProps<typeof CellInput>, "id" | "value" | "error" | "onChange" | "onBlur"> & {
  line: LineCells<D>;
  field: TextField<D>;
  column: string;
  cellClassName: string;
  shown: ReactNode;
  after?: ReactNode;
}) {
  const { draft } = line;
  const errorKey = `${line.errorPrefix}.${draft.key}.${field}`;
  return (
    <Td className={cellClassName}>
      {line.readOnly ? (
        shown
      ) : (
        <>
          <span aria-hidden="true" className={mobileLabel}>{column}</span>
          <CellInput
            id={`${draft.key}-${field}`}
            value={draft[field] as string}
            error={line.errors[errorKey]}
            onChange={(e) => line.update(draft.key, { [field]: e.target.value } as Partial<D>)}
            onBlur={() => line.onTouch(errorKey)}
            {...input}
          />
        </>
      )}
      {after}
    </Td>
  );
}

/**
 * The header of a parts or quotes table, each column as [name, class]: hidden on phones, where
 * every line is a card whose cells name their column; while editable, an Actions column last.
 */
export function LinesHead({ columns, editable, actionsClassName }: { columns: [name: string, className?: string][]; editable: boolean; actionsClassName: string }) {
  return (
    <THead className="max-md:sr-only">
      <Tr>
        {columns.map(([name, className]) => (
          <Th key={name} className={className}>{name}</Th>
        ))}
        {editable && (
          <Th className={actionsClassName}>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </Tr>
    </THead>
  );
}
