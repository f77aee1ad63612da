import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import type { describeError } from "@/components/trpc-error";
import type { PolicyForm } from "./use-policy-form";

/**
 * The end of a policy form (quotas, idle GPUs): the audited reason, an error that belongs to no
 * value field, and Cancel / Save.
 */
export function PolicyFormFooter(props: {
  form: Pick<PolicyForm<string>, "ids" | "reason" | "setReason" | "close">;
  error: ReturnType<typeof describeError> | undefined;
  saving: boolean;
  saveLabel: string;
}) {
  const { form, error } = props;
  const { ids } = form;
  return (
    <>
      <Field label="Reason for the change (optional, kept in the audit log)" htmlFor={`${ids}-reason`} error={error?.field === "reason" ? error.message : undefined}>
        <Input id={`${ids}-reason`} value={form.reason} onChange={(e) => form.setReason(e.target.value)} maxLength={500} />
      </Field>
      {error && !error.field?.startsWith("values.") && error.field !== "reason" && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        {form.close && (
          <Button variant="secondary" onClick={form.close}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={props.saving}>{props.saveLabel}</Button>
      </div>
    </>
  );
}
