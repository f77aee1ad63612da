import { clsx } from "clsx";
import { CircleAlert } from "lucide-react";
import { Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from "react";

/** The ids of a field's hint and error, derived from the control's id so both sides agree. */
export function fieldMessageIds(htmlFor: string) {
  return { hintId: `${htmlFor}-hint`, errorId: `${htmlFor}-error` };
}

/**
 * The aria props that tie a control to its field's hint and error. `Field` applies them to its
 * direct child; call this yourself when the control is nested deeper or rendered elsewhere.
 */
export function fieldControlProps(htmlFor: string, { hint, error }: { hint?: ReactNode; error?: ReactNode }) {
  const { hintId, errorId } = fieldMessageIds(htmlFor);
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? (true as const) : undefined };
}

type ControlAria = { id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" };

/**
 * A labelled form control with an optional hint and error. When the only child is the control
 * (`id={htmlFor}`), it gets `aria-describedby` and `aria-invalid`; otherwise spread
 * `fieldControlProps(htmlFor, { hint, error })` onto the control yourself.
 */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  required,
  className,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  /** Marks the label visibly; still set `required` on the control itself. */
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldMessageIds(htmlFor);
  const aria = fieldControlProps(htmlFor, { hint, error });
  // Wire the child only when it is the labelled control itself, not a wrapper around it.
  const only = Children.count(children) === 1 && isValidElement<ControlAria>(children) && children.props.id === htmlFor ? children : null;
  const control = only
    ? cloneElement(only as ReactElement<ControlAria>, {
        "aria-describedby": [only.props["aria-describedby"], aria["aria-describedby"]].filter(Boolean).join(" ") || undefined,
        "aria-invalid": only.props["aria-invalid"] ?? aria["aria-invalid"],
      })
    : children;

  return (
    <div className={clsx("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {control}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {/* Present from the start so an error that appears after submitting is announced. */}
      <div aria-live="polite">
        {error && (
          <p id={errorId} className="flex items-start gap-1.5 text-sm text-red-700">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="sr-only">
                {label}
                {": "}
              </span>
              {error}
            </span>
          </p>
        )}
      </div>
    </div>
  );
}

const CONTROL = clsx(
  "block w-full rounded-lg border border-slate-300 bg-white text-sm text-slate-900 shadow-xs transition-colors",
  "placeholder:text-slate-500 hover:border-slate-400",
  "focus:border-indigo-600 focus:outline-2 focus:-outline-offset-1 focus:outline-indigo-600",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
  "aria-invalid:border-red-600 aria-invalid:focus:outline-red-600",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={clsx(CONTROL, "h-10 px-3", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={clsx(CONTROL, "h-10 px-3", className)} {...props} />;
}

export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={clsx(CONTROL, "min-h-16 px-3 py-2", className)} {...props} />;
}

/** A form the page handles itself: submitting runs `onSubmit` (a mutation, say) instead of loading a page. */
export function ActionForm({ onSubmit, ...props }: Omit<ComponentProps<"form">, "onSubmit"> & { onSubmit: () => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    />
  );
}

/** A checkbox with its label beside it: clicking either toggles it. */
export function CheckboxLabel({ checked, onChange, className, children }: { checked: boolean; onChange: (checked: boolean) => void; className?: string; children: ReactNode }) {
  return (
    <label className={clsx("flex items-center gap-2 text-sm text-slate-800", className)}>
      <input type="checkbox" className="size-4 rounded border-slate-300 accent-indigo-600" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
}

/** `list` with `item` in it when `on`, without it otherwise (for a group of checkboxes). */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}
