"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { parseDollars } from "@/components/money";
import { UNIT_LABELS, type CatalogUnit } from "@/components/savings/format";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Select, Textarea } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import { useToast } from "@/components/ui/toast";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { UnplacedError } from "../../inventory/form-alert";
import { dateFromInput, formErrors } from "../../inventory/form-errors";

/** The catalog speaks "gpu-hour"; the API takes "gpu_hour". */
const API_UNIT = { "gpu-hour": "gpu_hour", "vcpu-hour": "vcpu_hour", "gb-hour": "gb_hour" } as const;

type SkuOption = { sku: string; unit: CatalogUnit; provider: string };

export function AddPriceButton({ skus }: { skus: SkuOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Add a price
      </Button>
      {open && <AddPriceDialog skus={skus} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddPriceDialog({ skus, onClose }: { skus: SkuOption[]; onClose: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [sku, setSku] = useState("");
  const [provider, setProvider] = useState("");
  const [unit, setUnit] = useState<CatalogUnit>("gpu-hour");
  const [price, setPrice] = useState("");
  const [from, setFrom] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState("");
  const [priceError, setPriceError] = useState<string>();
  const add = useMutation(
    trpc.savings.addPrice.mutationOptions({
      onSuccess: useSuccess(`Price for ${sku.trim()} added`, onClose),
    }),
  );
  const server = add.error ? formErrors(add.error) : undefined;
  const known = skus.find((s) => s.sku === sku.trim());
  const errorOf = (field: string) => server?.fields[field];

  return (
    <Dialog open title="Add a price" description="Prices are never edited: a new price for a SKU takes over from its effective date." onClose={onClose}>
      <ActionForm
        className="space-y-4"
        noValidate
        onSubmit={() => {
          const parsed = parseDollars(price);
          setPriceError(parsed.ok ? undefined : parsed.error);
          if (!parsed.ok) return;
          add.mutate({ sku: sku.trim(), provider: provider.trim(), unit: API_UNIT[unit], priceMicros: parsed.micros, effectiveFrom: dateFromInput(from) ?? new Date(Number.NaN), sourceNote: note });
        }}
      >
        <Field label="SKU" htmlFor={`${id}-sku`} required hint="An existing SKU gets a new price; a new name starts a new SKU." error={errorOf("sku")}>
          <Input
            id={`${id}-sku`}
            list={`${id}-skus`}
            required
            autoComplete="off"
            value={sku}
            onChange={(e) => {
              setSku(e.target.value);
              const match = skus.find((s) => s.sku === e.target.value.trim());
              if (match) {
                setUnit(match.unit);
                setProvider(match.provider);
              }
            }}
          />
        </Field>
        <datalist id={`${id}-skus`}>
          {skus.map((s) => (
            <option key={s.sku} value={s.sku} />
          ))}
        </datalist>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Provider" htmlFor={`${id}-provider`} required error={errorOf("provider")}>
            <Input id={`${id}-provider`} required value={provider} onChange={(e) => setProvider(e.target.value)} placeholder="GCP" />
          </Field>
          <Field label="Unit" htmlFor={`${id}-unit`} hint={known ? `Fixed by the SKU's history.` : undefined} error={errorOf("unit")}>
            <Select id={`${id}-unit`} value={unit} disabled={Boolean(known)} onChange={(e) => setUnit(e.target.value as CatalogUnit)}>
              {Object.entries(UNIT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  per {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Price (USD per ${UNIT_LABELS[unit]})`} htmlFor={`${id}-price`} required hint="Up to 6 decimals, e.g. 1.46 or 0.031611." error={priceError ?? errorOf("priceMicros")}>
            <Input id={`${id}-price`} inputMode="decimal" required value={price} onChange={(e) => setPrice(e.target.value)} placeholder="0.00" />
          </Field>
          <Field label="Effective from (UTC)" htmlFor={`${id}-from`} required error={errorOf("effectiveFrom")}>
            <Input id={`${id}-from`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
        </div>
        <Field label="Source" htmlFor={`${id}-note`} hint="Where the price comes from, so others can check it." error={errorOf("sourceNote")}>
          <Textarea id={`${id}-note`} value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} placeholder="GCP us-central1 on-demand pricing page, Nov 2026" />
        </Field>
        <UnplacedError errors={server} />
        <SubmitRow onCancel={onClose} loading={add.isPending} label="Add price" />
      </ActionForm>
    </Dialog>
  );
}

export function DeletePriceButton({ entry }: { entry: { id: string; sku: string; price: string; from: string } }) {
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const remove = useMutation(
    trpc.savings.deletePrice.mutationOptions({
      onSuccess: useSuccess(`Price of ${entry.sku} from ${entry.from} deleted`, () => setOpen(false)),
    }),
  );
  const error = remove.error ? formErrors(remove.error) : undefined;
  const label = `${entry.sku} at ${entry.price} from ${entry.from}`;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-label={`Delete ${label}`}>
        <Trash2 aria-hidden="true" />
      </Button>
      {open && (
        <Dialog open title="Delete this price?" description={`${label}. Reports recompute with the SKU's other prices; the audit log keeps the entry.`} onClose={() => setOpen(false)}>
          <ActionForm
            className="space-y-4"
            onSubmit={() => remove.mutate({ entryId: entry.id, reason })}
          >
            <Field label="Reason" htmlFor={`${id}-reason`} required hint="For the audit log, e.g. “typo: 1.64 instead of 1.46”." error={error?.fields.reason ?? (error && !error.fields.reason ? error.message : undefined)}>
              <Textarea id={`${id}-reason`} required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" loading={remove.isPending}>
                Delete price
              </Button>
            </div>
          </ActionForm>
        </Dialog>
      )}
    </>
  );
}

/** Picks the GPU-hour SKU a GPU model is priced as; saved with its own button so a change is deliberate. */
export function CloudSkuForm({ model, skus }: { model: { id: string; name: string; cloudSku: string | null }; skus: { sku: string; current: string | null }[] }) {
  const trpc = useTRPC();
  const toast = useToast();
  const id = useId();
  const [value, setValue] = useState(model.cloudSku ?? "");
  const save = useMutation(
    trpc.savings.setCloudEquivalent.mutationOptions({
      onSuccess: useSuccess(value ? `${model.name} is now priced as ${value}` : `${model.name} has no cloud equivalent now`),
      onError: (e) => toast.error(formErrors(e).message),
    }),
  );
  const changed = value !== (model.cloudSku ?? "");
  return (
    <ActionForm
      className="flex flex-wrap items-center gap-2"
      onSubmit={() => save.mutate({ gpuModelId: model.id, cloudSku: value || null })}
    >
      <label htmlFor={`${id}-sku`} className="sr-only">
        Cloud equivalent of {model.name}
      </label>
      <Select id={`${id}-sku`} value={value} onChange={(e) => setValue(e.target.value)} className="w-auto min-w-56">
        <option value="">None</option>
        {skus.map((s) => (
          <option key={s.sku} value={s.sku}>
            {s.sku}
            {s.current ? ` — ${s.current}/GPU-hour` : ""}
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm" variant="secondary" disabled={!changed} loading={save.isPending} aria-label={`Save the cloud equivalent of ${model.name}`}>
        Save
      </Button>
    </ActionForm>
  );
}
