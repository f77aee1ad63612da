"use client";

import { useId, useState } from "react";
import { inputText, usePolicyDialogClose } from "./policy-parts";
import { parseLimit } from "./quota-fields";

/**
 * The state of a policy form (quotas, idle GPUs): its whole-number fields as typed, the ones the
 * last try refused, the reason kept in the audit log, and the team dialog it may sit in.
 */
export function usePolicyForm<K extends string>(fields: readonly { key: K; label: string }[], stored: Partial<Record<K, number | null>> | null) {
  const ids = useId();
  const close = usePolicyDialogClose();
  const [values, setValues] = useState<Record<K, string>>(() => Object.fromEntries(fields.map((f) => [f.key, inputText(stored?.[f.key])])) as Record<K, string>);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<K[]>([]);
  return {
    ids,
    fields,
    values,
    setValues,
    reason,
    setReason,
    invalid,
    /** Closes the team's dialog; undefined for the fleet's form on the page. */
    close,
    /** After a save: the reason cleared and the dialog closed. */
    saved() {
      setReason("");
      close?.();
    },
    /** The fields as stored (blank inherits: null), or null after marking those that are not whole numbers or that `allowed` refuses. */
    parse(allowed: (value: number | null) => boolean = () => true): Record<K, number | null> | null {
      const parsed = fields.map((f) => [f.key, parseLimit(values[f.key])] as const);
      const bad = parsed.filter(([, p]) => !p.ok || !allowed(p.value)).map(([key]) => key);
      setInvalid(bad);
      if (bad.length > 0) return null;
      return Object.fromEntries(parsed.map(([key, p]) => [key, p.ok ? p.value : null])) as Record<K, number | null>;
    },
  };
}

export type PolicyForm<K extends string> = ReturnType<typeof usePolicyForm<K>>;
