import { Input } from "@/components/ui/form";
import type { PartDraft } from "./draft";
import { SPEC_FIELDS, type SpecKey } from "./spec-fields";

/** One spec attribute of a line, labelled "TDP (W)" on screen and "TDP (W) of Intel Core i7-7820X" for screen readers. */
export function SpecInput({
  part,
  specKey,
  label,
  error,
  onChange,
  onTouch,
}: {
  part: PartDraft;
  specKey: SpecKey;
  label: string;
  error?: string;
  onChange: (key: string, change: Partial<PartDraft>) => void;
  onTouch: (errorKey: string) => void;
}) {
  const field = SPEC_FIELDS[specKey];
  const id = `${part.key}-spec-${specKey}`;
  const described = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {field.label}
        {field.unit && <span className="font-normal text-slate-500"> ({field.unit})</span>}
      </label>
      <Input
        id={id}
        aria-label={`${field.label}${field.unit ? ` (${field.unit})` : ""} of ${label}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        inputMode={field.kind === "number" ? "numeric" : undefined}
        list={specKey === "ramType" ? "ram-types" : undefined}
        value={part.specs[specKey] ?? ""}
        onChange={(e) => onChange(part.key, { specs: { ...part.specs, [specKey]: e.target.value } })}
        onBlur={() => onTouch(`parts.${part.key}.specs.${specKey}`)}
        className="h-9"
      />
      {field.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {field.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
