"use client";

import { clsx } from "clsx";
import { premiumAvoided } from "@/core/builds/premium";
import { Table, TBody, Td, Tr } from "@/components/ui/table";
import { PremiumText } from "./build-status";
import { AddLineButton, RemoveLineButton } from "./line-buttons";
import { InputCell, LinesHead, mobileLabel, type LineCells } from "./cell-input";
import { emptyQuote, type BuildPayload, type DraftErrors, type QuoteDraft } from "./draft";
import { usd } from "./money";
import { useDraftLines } from "./use-draft-lines";

const cell = "max-md:block max-md:p-0";

export function QuotesTable({
  quotes,
  lines,
  errors,
  totalMicros,
  readOnly,
  onChange,
  onTouch,
}: {
  quotes: QuoteDraft[];
  lines: BuildPayload["quotes"];
  errors: DraftErrors;
  totalMicros: number | null;
  readOnly: boolean;
  onChange: (quotes: QuoteDraft[]) => void;
  onTouch: (errorKey: string) => void;
}) {
  const { update, add, remove } = useDraftLines(quotes, onChange, { create: emptyQuote, addFocus: "vendor", removeFocus: "vendor", addButtonId: "add-quote" });

  return (
    <div>
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-600">
          No vendor quotes yet. {readOnly ? "" : "Add what a vendor asked for a comparable machine to see the premium avoided."}
        </p>
      ) : (
        <Table caption="Vendor quotes" className="max-md:block" containerClassName="max-md:overflow-visible max-md:border-0 max-md:bg-transparent max-md:shadow-none">
          <LinesHead columns={[["Vendor", "w-48"], ["Description"], ["Price", "w-40 text-right"], ["Premium avoided", "w-44 text-right"]]} editable={!readOnly} actionsClassName="w-14" />
          <TBody className="max-md:block max-md:space-y-3 max-md:divide-y-0">
            {quotes.map((quote, index) => {
              const line = lines[index]!;
              const label = quote.vendor.trim() ? `the ${quote.vendor.trim()} quote` : `quote ${index + 1}`;
              const error = (field: string) => errors[`quotes.${quote.key}.${field}`];
              const row: LineCells<QuoteDraft> = { draft: quote, errorPrefix: "quotes", errors, readOnly, update, onTouch };
              return (
                <Tr key={quote.key} className="max-md:grid max-md:grid-cols-2 max-md:gap-3 max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3">
                  <InputCell line={row} field="vendor" column="Vendor" cellClassName={clsx(cell, "max-md:col-span-2")} shown={<span className="font-medium text-slate-900">{quote.vendor}</span>} label={`Vendor of quote ${index + 1}`} maxLength={100} placeholder="e.g. Lambda Labs" />
                  <InputCell line={row} field="description" column="Description" cellClassName={clsx(cell, "max-md:col-span-2")} shown={quote.description || "—"} label={`Description of ${label}`} maxLength={300} placeholder="e.g. quad-GPU workstation" />
                  <InputCell line={row} field="price" column="Price" cellClassName={clsx(cell, "text-right max-md:text-left")} shown={usd(line.priceMicros)} label={`Price of ${label} in dollars`} inputMode="decimal" prefix="$" className="text-right" />
                  <Td className={clsx(cell, "text-right whitespace-nowrap tabular-nums max-md:text-left", !readOnly && "md:pt-5")}>
                    <span aria-hidden="true" className={mobileLabel}>Premium avoided</span>
                    {totalMicros === null || error("price") ? "—" : <PremiumText micros={premiumAvoided(totalMicros, line.priceMicros)} />}
                  </Td>
                  {!readOnly && (
                    <Td className={clsx(cell, "md:pt-3.5")}>
                      <RemoveLineButton label={label} title="Remove quote" onClick={() => remove(index)} />
                    </Td>
                  )}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {!readOnly && (
        <AddLineButton id="add-quote" onClick={add}>
          Add quote
        </AddLineButton>
      )}
    </div>
  );
}
