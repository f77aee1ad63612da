import { clsx } from "clsx";
import { useId, type ComponentProps, type ReactNode } from "react";

/**
 * A scroll box for wide tables: they scroll sideways on small screens instead of squeezing.
 * It is focusable so keyboard users can scroll it too, and named after the table's caption.
 */
export function TableContainer({ labelledBy, label, className, children }: { labelledBy?: string; label?: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : (label ?? "Table")}
      tabIndex={0}
      className={clsx("relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs", className)}
    >
      {children}
    </div>
  );
}

export function Table({
  caption,
  captionHidden = true,
  className,
  containerClassName,
  children,
  ...props
}: ComponentProps<"table"> & {
  /** What the table lists; tables should have one. Hidden visually unless `captionHidden={false}`. */
  caption?: ReactNode;
  captionHidden?: boolean;
  containerClassName?: string;
}) {
  const captionId = useId();
  return (
    <TableContainer labelledBy={caption ? captionId : undefined} className={containerClassName}>
      <table className={clsx("w-full border-collapse text-left text-sm", className)} {...props}>
        {caption && (
          <caption id={captionId} className={clsx(captionHidden ? "sr-only" : "px-4 pt-3 pb-2 text-left text-sm font-medium text-slate-700")}>
            {caption}
          </caption>
        )}
        {children}
      </table>
    </TableContainer>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={clsx("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={clsx("divide-y divide-slate-100", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={clsx("[tbody_&]:hover:bg-slate-50", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={clsx(
        "px-4 text-left",
        scope === "row"
          ? "py-3 align-top text-sm font-medium text-slate-900"
          : "py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={clsx("px-4 py-3 align-top text-slate-700", className)} {...props} />;
}

/** A column heading: its text, or with a class (`text-right` for numbers) or read only to screen readers. */
export type Column = ReactNode | { label: ReactNode; className?: string; srOnly?: boolean };

/** The heading of a row's buttons: screen readers hear "Actions", sighted people see the buttons. */
export const ACTIONS: Column = { label: "Actions", srOnly: true };

function isLabelled(column: Column): column is { label: ReactNode; className?: string; srOnly?: boolean } {
  return typeof column === "object" && column !== null && "label" in column;
}

/** The table's heading row, one `<th scope="col">` a column; false, null or undefined columns are left out (`manage && ACTIONS`). */
export function HeadRow({ columns, className }: { columns: readonly (Column | false | null | undefined)[]; className?: string }) {
  return (
    <THead className={className}>
      <Tr>
        {columns.map((column, index) => {
          if (column === false || column === null || column === undefined) return null;
          if (!isLabelled(column)) return <Th key={index}>{column}</Th>;
          return <Th key={index} className={column.className}>{column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}</Th>;
        })}
      </Tr>
    </THead>
  );
}

/**
 * A list as a table, or `empty` (an EmptyState) when there is nothing to list. `children` renders
 * one row (a `<Tr key=…>`).
 */
export function ListTable<T>({
  rows,
  columns,
  empty,
  children,
  ...table
}: Omit<ComponentProps<typeof Table>, "children"> & {
  rows: readonly T[];
  columns: readonly (Column | false | null | undefined)[];
  empty?: ReactNode;
  children: (row: T, index: number) => ReactNode;
}) {
  if (rows.length === 0) return <>{empty}</>;
  return (
    <Table {...table}>
      <HeadRow columns={columns} />
      <TBody>{rows.map((row, index) => children(row, index))}</TBody>
    </Table>
  );
}
