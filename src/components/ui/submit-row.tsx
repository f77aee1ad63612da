import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/** A dialog form's last row: Cancel, then the submit button ("Save" unless told otherwise). */
export function SubmitRow({ onCancel, loading, label = "Save", variant }: { onCancel: () => void; loading: boolean; label?: ReactNode; variant?: ButtonVariant }) {
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={variant} loading={loading}>{label}</Button>
    </div>
  );
}
