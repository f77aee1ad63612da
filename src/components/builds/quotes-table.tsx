"use client";

import { clsx } from "clsx";
import { Plus, Trash2 } from "lucide-react";
import { premiumAvoided } from "@/core/builds/premium";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { PremiumText } from "./build-status";
import { CellInput } from "./cell-input";
import { emptyQuote, type BuildPayload, type DraftErrors, type QuoteDraft } from "./draft";
import { usd } from "./money";
import { useFocusLater } from "./use-focus-later";

const cell = "max-md:block max-md:p-0";
const mobileLabel = "mb-1 block text-xs font-medium text-slate-600 md:hidden";

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
  const focusLater = useFocusLater();

  const update = (key: string, change: Partial<QuoteDraft>) => onChange(quotes.map((q) => (q.key === key ? { ...q, ...change } : q)));
  const add = () => {
    const quote = emptyQuote();
    onChange([...quotes, quote]);
    focusLater(`${quote.key}-vendor`);
  };
  const remove = (index: number) => {
    const next = quotes.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? `${neighbour.key}-vendor` : "add-quote");
  };

  return (
    <div>
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-600">
          No vendor quotes yet. {readOnly ? "" : "Add what a vendor asked for a comparable machine to see the premium avoided."}
        </p>
      ) : (
        <Table caption="Vendor quotes" className="max-md:block" containerClassName="max-md:overflow-visible max-md:border-0 max-md:bg-transparent max-md:shadow-none">
          <THead className="max-md:sr-only">
            <Tr>
              <Th className="w-48">Vendor</Th>
              <Th>Description</Th>
              <Th className="w-40 text-right">Price</Th>
              <Th className="w-44 text-right">Premium avoided</Th>
              {!readOnly && (
                <Th className="w-14">
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </Tr>
          </THead>
          <TBody className="max-md:block max-md:space-y-3 max-md:divide-y-0">
            {quotes.map((quote, index) => {
              const line = lines[index]!;
              const label = quote.vendor.trim() ? `the ${quote.vendor.trim()} quote` : `quote ${index + 1}`;
              const error = (field: string) => errors[`quotes.${quote.key}.${field}`];
              return (
                <Tr key={quote.key} className="max-md:grid max-md:grid-cols-2 max-md:gap-3 max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3">
                  <Td className={clsx(cell, "max-md:col-span-2")}>
                    {readOnly ? (
                      <span className="font-medium text-slate-900">{quote.vendor}</span>
                    ) : (
                      <>
                        <span aria-hidden="true" className={mobileLabel}>Vendor</span>
                        <CellInput
                          id={`${quote.key}-vendor`}
                          label={`Vendor of quote ${index + 1}`}
                          value={quote.vendor}
                          maxLength={100}
                          placeholder="e.g. Lambda Labs"
                          error={error("vendor")}
                          onChange={(e) => update(quote.key, { vendor: e.target.value })}
                          onBlur={() => onTouch(`quotes.${quote.key}.vendor`)}
                        />
                      </>
                    )}
                  </Td>
                  <Td className={clsx(cell, "max-md:col-span-2")}>
                    {readOnly ? (
                      quote.description || "—"
                    ) : (
                      <>
                        <span aria-hidden="true" className={mobileLabel}>Description</span>
                        <CellInput
                          id={`${quote.key}-description`}
                          label={`Description of ${label}`}
                          value={quote.description}
                          maxLength={300}
                          placeholder="e.g. quad-GPU workstation"
                          error={error("description")}
                          onChange={(e) => update(quote.key, { description: e.target.value })}
                        />
                      </>
                    )}
                  </Td>
                  <Td className={clsx(cell, "text-right max-md:text-left")}>
                    {readOnly ? (
                      usd(line.priceMicros)
                    ) : (
                      <>
                        <span aria-hidden="true" className={mobileLabel}>Price</span>
                        <CellInput
                          id={`${quote.key}-price`}
                          label={`Price of ${label} in dollars`}
                          inputMode="decimal"
                          prefix="$"
                          value={quote.price}
                          className="text-right"
                          error={error("price")}
                          onChange={(e) => update(quote.key, { price: e.target.value })}
                          onBlur={() => onTouch(`quotes.${quote.key}.price`)}
                        />
                      </>
                    )}
                  </Td>
                  <Td className={clsx(cell, "text-right whitespace-nowrap tabular-nums max-md:text-left", !readOnly && "md:pt-5")}>
                    <span aria-hidden="true" className={mobileLabel}>Premium avoided</span>
                    {totalMicros === null || error("price") ? "—" : <PremiumText micros={premiumAvoided(totalMicros, line.priceMicros)} />}
                  </Td>
                  {!readOnly && (
                    <Td className={clsx(cell, "md:pt-3.5")}>
                      <Button variant="ghost" size="sm" className="px-2 text-red-700 hover:text-red-800" aria-label={`Remove ${label}`} title="Remove quote" onClick={() => remove(index)}>
                        <Trash2 aria-hidden="true" />
                      </Button>
                    </Td>
                  )}
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {!readOnly && (
        <Button id="add-quote" variant="secondary" className="mt-3" onClick={add}>
          <Plus aria-hidden="true" />
          Add quote
        </Button>
      )}
    </div>
  );
}
