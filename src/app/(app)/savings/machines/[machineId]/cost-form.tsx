"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { dollarsInputText, parseDollars } from "@/components/money";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { formatUsd, MAX_KWH_MICROS } from "@/core/costs/money";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { UnplacedError } from "../../../inventory/form-alert";
import { formErrors } from "../../../inventory/form-errors";

type MachineCosts = RouterOutputs["savings"]["machineCosts"];

function Group({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="grid gap-x-6 gap-y-4 border-t border-slate-200 pt-6 first:border-t-0 first:pt-0 md:grid-cols-3">
      <div>
        <h2 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="grid content-start gap-4 sm:grid-cols-2 md:col-span-2">{children}</div>
    </div>
  );
}

/** Dollars are typed as text and converted to micro-dollars exactly; errors show at their field. */
/** A price SKU picker; the machine's current SKU stays listed even when the catalog no longer has it. */
function SkuSelect({ id, value, skus, onChange }: { id: string; value: string; skus: string[]; onChange: (e: { target: { value: string } }) => void }) {
  return (
    <Select id={id} value={value} onChange={onChange}>
      {[...new Set([value, ...skus])].map((sku) => (
        <option key={sku} value={sku}>
          {sku}
        </option>
      ))}
    </Select>
  );
}

export function CostForm({ costs, build, vcpuSkus, ramSkus }: { costs: MachineCosts; build: { name: string; totalMicros: bigint } | null; vcpuSkus: string[]; ramSkus: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [useBuild, setUseBuild] = useState(costs.purchasePriceMicros === null && build !== null);
  const [values, setValues] = useState({
    purchasePrice: costs.purchasePriceMicros === null ? "" : dollarsInputText(costs.purchasePriceMicros),
    amortizationMonths: String(costs.amortizationMonths),
    baselineWatts: String(costs.baselineWatts),
    kwhPrice: dollarsInputText(costs.kwhPriceMicros),
    maintenance: dollarsInputText(costs.maintenancePerMonthMicros),
    vcpuSku: costs.vcpuSku,
    ramSku: costs.ramSku,
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.savings.updateMachineCosts.mutationOptions({
      onSuccess: () => {
        toast.success(`Cost settings of ${costs.name} saved`);
        router.push("/savings");
        router.refresh();
      },
    }),
  );
  const server = save.error ? formErrors(save.error) : undefined;
  const errorOf = (field: string, serverField = field) => local[field] ?? server?.fields[serverField];
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const fieldId = (field: string) => `${id}-${field}`;

  function submit() {
    const errors: Record<string, string> = {};
    const money = (field: "purchasePrice" | "kwhPrice" | "maintenance", max?: bigint) => {
      const parsed = parseDollars(values[field], { max });
      if (!parsed.ok) errors[field] = parsed.error;
      return parsed.ok ? parsed.micros : 0n;
    };
    const whole = (field: "amortizationMonths" | "baselineWatts") => {
      const text = values[field].trim();
      if (!/^\d+$/.test(text)) errors[field] = "must be a whole number";
      return Number(text);
    };
    const purchasePriceMicros = useBuild ? null : money("purchasePrice");
    const input = {
      machineId: costs.id,
      purchasePriceMicros,
      amortizationMonths: whole("amortizationMonths"),
      baselineWatts: whole("baselineWatts"),
      kwhPriceMicros: money("kwhPrice", MAX_KWH_MICROS),
      maintenancePerMonthMicros: money("maintenance"),
      vcpuSku: values.vcpuSku,
      ramSku: values.ramSku,
    };
    setLocal(errors);
    const first = Object.keys(errors)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    save.mutate(input);
  }

  return (
    <Card>
      <CardBody>
        <ActionForm
          noValidate
          className="space-y-6"
          onSubmit={submit}
        >
          <Group title="Purchase" description="Capex, spread straight-line over the amortization months from the in-service date.">
            <fieldset className="sm:col-span-2">
              <legend className="mb-2 text-sm font-medium text-slate-800">Capex</legend>
              <div className="space-y-2 text-sm">
                <label className="flex items-start gap-2">
                  <input type="radio" name="capex" className="mt-0.5 size-4 accent-indigo-600" checked={useBuild} disabled={!build} onChange={() => setUseBuild(true)} />
                  <span>
                    Use the build total
                    <span className="block text-slate-600">{build ? `${formatUsd(build.totalMicros)} — ${build.name}` : "No build is linked to this machine."}</span>
                  </span>
                </label>
                <label className="flex items-start gap-2">
                  <input type="radio" name="capex" className="mt-0.5 size-4 accent-indigo-600" checked={!useBuild} onChange={() => setUseBuild(false)} />
                  <span>Purchase price</span>
                </label>
              </div>
            </fieldset>
            {!useBuild && (
              <Field label="Purchase price (USD)" htmlFor={fieldId("purchasePrice")} required error={errorOf("purchasePrice", "purchasePriceMicros")}>
                <Input id={fieldId("purchasePrice")} inputMode="decimal" value={values.purchasePrice} onChange={set("purchasePrice")} placeholder="6,000.00" />
              </Field>
            )}
            <Field label="Amortization (months)" htmlFor={fieldId("amortizationMonths")} required hint="36 months (3 years) is the common convention." error={errorOf("amortizationMonths")}>
              <Input id={fieldId("amortizationMonths")} inputMode="numeric" value={values.amortizationMonths} onChange={set("amortizationMonths")} />
            </Field>
          </Group>

          <Group title="Running costs" description="Energy is baseline power all the time plus each GPU's board power while held.">
            <Field label="Baseline power (W)" htmlFor={fieldId("baselineWatts")} required hint="CPU, board, disks and fans when idle." error={errorOf("baselineWatts")}>
              <Input id={fieldId("baselineWatts")} inputMode="numeric" value={values.baselineWatts} onChange={set("baselineWatts")} />
            </Field>
            <Field label="Electricity price (USD per kWh)" htmlFor={fieldId("kwhPrice")} required hint="US commercial was about 0.13 in 2018." error={errorOf("kwhPrice", "kwhPriceMicros")}>
              <Input id={fieldId("kwhPrice")} inputMode="decimal" value={values.kwhPrice} onChange={set("kwhPrice")} />
            </Field>
            <Field label="Maintenance (USD per month)" htmlFor={fieldId("maintenance")} required hint="Repairs, spare parts, hosting; 0 if none." error={errorOf("maintenance", "maintenancePerMonthMicros")}>
              <Input id={fieldId("maintenance")} inputMode="decimal" value={values.maintenance} onChange={set("maintenance")} />
            </Field>
          </Group>

          <Group title="Cloud comparison" description="The cloud VM's CPU and RAM prices a slice's threads and RAM are compared with.">
            <Field label="vCPU price SKU" htmlFor={fieldId("vcpuSku")} error={errorOf("vcpuSku")}>
              <SkuSelect id={fieldId("vcpuSku")} value={values.vcpuSku} skus={vcpuSkus} onChange={set("vcpuSku")} />
            </Field>
            <Field label="RAM price SKU" htmlFor={fieldId("ramSku")} error={errorOf("ramSku")}>
              <SkuSelect id={fieldId("ramSku")} value={values.ramSku} skus={ramSkus} onChange={set("ramSku")} />
            </Field>
          </Group>

          <UnplacedError errors={server} />
          <div className="flex justify-end gap-2 border-t border-slate-200 pt-5">
            <ButtonLink href="/savings" variant="secondary">
              Cancel
            </ButtonLink>
            <Button type="submit" loading={save.isPending}>
              Save cost settings
            </Button>
          </div>
        </ActionForm>
      </CardBody>
    </Card>
  );
}
