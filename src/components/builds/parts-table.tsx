"use client";

import { clsx } from "clsx";
import { ChevronDown, ChevronRight, Copy } from "lucide-react";
import { Fragment, useState } from "react";
import type { CheckResult } from "@/core/builds/checks";
import { PART_CATEGORIES, type PartCategory } from "@/core/builds/parts";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form";
import { Table, TBody, Td, Tr } from "@/components/ui/table";
import { CheckStatusLabel, RULE_TITLES } from "./build-status";
import { AddLineButton, RemoveLineButton } from "./line-buttons";
import { InputCell, LinesHead, mobileLabel, type LineCells } from "./cell-input";
import { emptyPart, newKey, type BuildPayload, type DraftErrors, type PartDraft } from "./draft";
import { usd } from "./money";
import { CATEGORY_LABELS, SPECS_BY_CATEGORY, specsSummary } from "./spec-fields";
import { SpecInput } from "./spec-input";
import { useDraftLines } from "./use-draft-lines";

/** "GTX 1080 Ti", "part 3" while unnamed, "GTX 1080 Ti (line 4)" when two lines share a name. */
export function lineLabels(parts: PartDraft[]): string[] {
  const names = parts.map((p) => p.name.trim());
  return names.map((name, i) => {
    if (name === "") return `part ${i + 1}`;
    return names.filter((n) => n === name).length > 1 ? `${name} (line ${i + 1})` : name;
  });
}

/** Mobile: each line becomes a card of its cells; desktop: a plain table row. */
const cell = "max-md:block max-md:p-0 md:px-3";

export function PartsTable({
  parts,
  lines,
  errors,
  checks,
  totalMicros,
  readOnly,
  onChange,
  onTouch,
}: {
  parts: PartDraft[];
  /** The parsed lines, index for index. */
  lines: BuildPayload["parts"];
  errors: DraftErrors;
  checks: CheckResult[];
  totalMicros: number | null;
  readOnly: boolean;
  onChange: (parts: PartDraft[]) => void;
  onTouch: (errorKey: string) => void;
}) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  // Focus stays in the list: a new line's category, after a removal the name of the line that took its place.
  const lineEdits = useDraftLines(parts, onChange, { create: emptyPart, addFocus: "category", removeFocus: "name", addButtonId: "add-part" });
  const { update, remove, focusLater } = lineEdits;
  const labels = lineLabels(parts);

  const troubles = new Map<string, CheckResult[]>();
  for (const check of checks) {
    if (check.status === "pass") continue;
    for (const id of check.partIds) troubles.set(id, [...(troubles.get(id) ?? []), check]);
  }

  const toggle = (key: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const add = () => {
    const part = lineEdits.add();
    setExpanded((open) => new Set(open).add(part.key));
  };
  const duplicate = (index: number) => {
    const copy = { ...parts[index]!, key: newKey("part"), specs: { ...parts[index]!.specs } };
    onChange([...parts.slice(0, index + 1), copy, ...parts.slice(index + 1)]);
    focusLater(`${copy.key}-name`);
  };

  return (
    <div>
      <datalist id="ram-types">
        <option value="DDR4" />
        <option value="DDR5" />
      </datalist>
      <Table
        caption="Parts list"
        className="max-md:block md:min-w-[44rem] md:table-fixed"
        containerClassName="max-md:overflow-visible max-md:border-0 max-md:bg-transparent max-md:shadow-none"
      >
        <colgroup>
          <col className="w-36" />
          <col />
          <col className="w-20" />
          <col className="w-32" />
          <col className="w-28" />
          {!readOnly && <col className="w-22" />}
        </colgroup>
        <LinesHead
          columns={[["Category", "px-3"], ["Part", "px-3"], ["Qty", "px-3 text-right"], ["Unit price", "px-3 text-right"], ["Line total", "px-3 text-right"]]}
          editable={!readOnly}
          actionsClassName="px-3"
        />
        <TBody className="max-md:block max-md:space-y-3 max-md:divide-y-0">
          {parts.map((part, index) => {
            const label = labels[index]!;
            const line = lines[index]!;
            const specKeys = SPECS_BY_CATEGORY[part.category];
            const shown = (field: string) => errors[`parts.${part.key}.${field}`];
            const row: LineCells<PartDraft> = { draft: part, errorPrefix: "parts", errors, readOnly, update, onTouch };
            // A spec to fix keeps its panel open, so the error is never hidden in a folded row.
            const open = !readOnly && specKeys.length > 0 && (expanded.has(part.key) || specKeys.some((key) => shown(`specs.${key}`)));
            const problems = troubles.get(part.key) ?? [];
            const summary = specsSummary(part.category, line.specs);
            return (
              <Fragment key={part.key}>
                <Tr
                  className={clsx(
                    "max-md:grid max-md:grid-cols-2 max-md:gap-3 max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3",
                    open && "border-b-0 max-md:rounded-b-none max-md:border-b-0",
                  )}
                >
                  <Td className={cell}>
                    {readOnly ? (
                      CATEGORY_LABELS[part.category]
                    ) : (
                      <>
                        <span aria-hidden="true" className={mobileLabel}>Category</span>
                        <Select
                          id={`${part.key}-category`}
                          aria-label={`Category of ${label}`}
                          value={part.category}
                          onChange={(e) => update(part.key, { category: e.target.value as PartCategory })}
                        >
                          {PART_CATEGORIES.map((category) => (
                            <option key={category} value={category}>{CATEGORY_LABELS[category]}</option>
                          ))}
                        </Select>
                      </>
                    )}
                  </Td>
                  <InputCell
                    line={row}
                    field="name"
                    column="Part"
                    cellClassName={clsx(cell, "max-md:col-span-2 max-md:row-start-1")}
                    shown={<span className="font-medium text-slate-900">{part.name}</span>}
                    label={`Name of part ${index + 1}`}
                    maxLength={200}
                    placeholder="e.g. NVIDIA GeForce GTX 1080 Ti"
                    after={
                      <>
                        {!readOnly && specKeys.length > 0 ? (
                          <p className="mt-1 flex items-start gap-1 text-xs text-slate-600">
                            <button
                              type="button"
                              aria-expanded={open}
                              aria-controls={open ? `${part.key}-specs` : undefined}
                              onClick={() => toggle(part.key)}
                              className="inline-flex shrink-0 items-center gap-0.5 rounded font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                            >
                              {open ? <ChevronDown aria-hidden="true" className="size-3.5" /> : <ChevronRight aria-hidden="true" className="size-3.5" />}
                              Specs<span className="sr-only"> of {label}</span>
                            </button>
                            <span>{summary || "none yet"}</span>
                          </p>
                        ) : (
                          summary && <p className="mt-1 text-xs text-slate-500">{summary}</p>
                        )}
                        {problems.map((check) => (
                          <p key={check.rule} className="mt-1 text-xs">
                            <CheckStatusLabel status={check.status} className="text-xs [&_svg]:size-3.5" />
                            <span className="text-slate-600">: {RULE_TITLES[check.rule]}</span>
                          </p>
                        ))}
                      </>
                    }
                  />
                  <InputCell line={row} field="quantity" column="Qty" cellClassName={clsx(cell, "text-right max-md:text-left")} shown={part.quantity} label={`Quantity of ${label}`} inputMode="numeric" className="text-right" />
                  <InputCell line={row} field="unitPrice" column="Unit price" cellClassName={clsx(cell, "text-right max-md:text-left")} shown={usd(line.unitPriceMicros)} label={`Unit price of ${label} in dollars`} inputMode="decimal" prefix="$" className="text-right" />
                  <Td className={clsx(cell, "text-right whitespace-nowrap tabular-nums max-md:text-left", !readOnly && "md:pt-5")}>
                    <span aria-hidden="true" className={mobileLabel}>Line total</span>
                    {usd(line.quantity * line.unitPriceMicros)}
                  </Td>
                  {!readOnly && (
                    <Td className={clsx(cell, "max-md:col-span-2 md:pt-3.5")}>
                      <div className="flex items-center justify-end gap-1 max-md:justify-start">
                        <Button variant="ghost" size="sm" className="px-2" aria-label={`Duplicate ${label}`} title="Duplicate line" onClick={() => duplicate(index)}>
                          <Copy aria-hidden="true" />
                        </Button>
                        <RemoveLineButton label={label} title="Remove line" onClick={() => remove(index)} />
                      </div>
                    </Td>
                  )}
                </Tr>
                {open && (
                  <Tr id={`${part.key}-specs`} className="bg-slate-50 max-md:block max-md:rounded-b-lg max-md:border max-md:border-t-0 max-md:border-slate-200 [tbody_&]:hover:bg-slate-50">
                    <Td colSpan={6} className="max-md:block md:px-3 md:pt-1">
                      <fieldset>
                        <legend className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                          Specs the checks read <span className="sr-only">for {label}</span>
                        </legend>
                        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
                          {specKeys.map((key) => (
                            <SpecInput key={key} part={part} specKey={key} label={label} error={shown(`specs.${key}`)} onChange={update} onTouch={onTouch} />
                          ))}
                        </div>
                      </fieldset>
                    </Td>
                  </Tr>
                )}
              </Fragment>
            );
          })}
        </TBody>
        <tfoot className="border-t border-slate-200 max-md:mt-3 max-md:block max-md:rounded-lg max-md:border max-md:bg-white">
          <tr className="max-md:flex max-md:justify-between">
            <th scope="row" colSpan={4} className="px-4 py-3 text-right text-sm font-semibold text-slate-900 max-md:text-left">
              Build total
            </th>
            <td className="px-4 py-3 text-right text-sm font-semibold whitespace-nowrap text-slate-900 tabular-nums">
              {totalMicros === null ? "Too large" : usd(totalMicros)}
            </td>
            {!readOnly && <td className="max-md:hidden" />}
          </tr>
        </tfoot>
      </Table>
      {!readOnly && (
        <AddLineButton id="add-part" onClick={add}>
          Add part
        </AddLineButton>
      )}
    </div>
  );
}
