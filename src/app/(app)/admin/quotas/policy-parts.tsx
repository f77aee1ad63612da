"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/form";
import type { PolicyForm } from "./use-policy-form";

/** Where a blank field's value comes from: the built-in values for the fleet row, the fleet's for a team. */
export type InheritedFrom = "built-in" | "fleet";

export const sourceOf = (from: InheritedFrom) => (from === "built-in" ? "built-in value" : "fleet default");

/** A stored value as form text: blank when it inherits. */
export const inputText = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** Closes the team dialog a policy form is in; undefined for the fleet's form, which is on the page. */
const CloseDialog = createContext<(() => void) | undefined>(undefined);
export const usePolicyDialogClose = () => useContext(CloseDialog);

/** The Edit button of a team's row, opening that team's policy form (the children) in a dialog. */
export function EditTeamPolicy({ team, what, description, children }: { team: { name: string }; what: string; description: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit the ${what} of ${team.name}`}>
        Edit
      </Button>
      {open && (
        <Dialog open title={`${what[0]!.toUpperCase()}${what.slice(1)} of ${team.name}`} description={description} onClose={() => setOpen(false)} size="lg" className="text-left">
          <CloseDialog value={() => setOpen(false)}>{children}</CloseDialog>
        </Dialog>
      )}
    </>
  );
}

/**
 * The whole-number fields of a policy form. Blank inherits the value the hint and placeholder
 * show; `zero` says what 0 means. A value the form or the server refused is named under its field.
 */
export function PolicyNumberFields<K extends string>(props: {
  form: PolicyForm<K>;
  inherited: (key: K) => string;
  inheritedFrom: InheritedFrom;
  zero: string;
  invalidMessage: string;
  error: ReturnType<typeof describeError> | undefined;
}) {
  const { form, error } = props;
  const { ids, values } = form;
  return form.fields.map((f) => {
    const id = `${ids}-${f.key}`;
    const serverError = error?.field === `values.${f.key}` ? error.message.replace(/^values\.\w+: /, "") : undefined;
    const inherited = props.inherited(f.key);
    return (
      <Field key={f.key} label={f.label} htmlFor={id} hint={`Blank: ${sourceOf(props.inheritedFrom)} (${inherited}). 0: ${props.zero}.`} error={form.invalid.includes(f.key) ? props.invalidMessage : serverError}>
        <Input id={id} inputMode="numeric" value={values[f.key]} placeholder={`${inherited} (${props.inheritedFrom})`} onChange={(e) => form.setValues({ ...values, [f.key]: e.target.value })} />
      </Field>
    );
  });
}
