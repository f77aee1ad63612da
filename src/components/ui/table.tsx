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
