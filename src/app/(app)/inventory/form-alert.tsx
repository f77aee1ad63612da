import { clsx } from "clsx";
import type { formErrors } from "./form-errors";

/** The server's refusal when it names no field; one that does is shown under its field instead. */
export function UnplacedError({ errors, className }: { errors: ReturnType<typeof formErrors> | undefined; className?: string }) {
  if (!errors || Object.keys(errors.fields).length > 0) return null;
  return (
    <p role="alert" className={clsx("text-sm text-red-700", className)}>
      {errors.message}
    </p>
  );
}
