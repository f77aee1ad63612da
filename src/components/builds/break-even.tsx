"use client";

import { useId, useState } from "react";
import { PSU_BASE_LOAD_W } from "@/core/builds/checks";
import { countOf, partsOf, type Part } from "@/core/builds/parts";
import { breakEvenHoursEstimate } from "@/core/builds/premium";
import { Field, Input } from "@/components/ui/form";
import { parseDollars, usd } from "./money";

/** PRODUCT.md: GCP's P100 in June 2018, what the team's 1080 Tis stand in for. */
const DEFAULT_GPU_HOUR = "1.46";
/** PRODUCT.md: US commercial electricity, 2018. */
const DEFAULT_KWH = "0.13";

const hoursText = (hours: number) => `${hours.toLocaleString("en-US")} hour${hours === 1 ? "" : "s"}`;

function howLong(hours: number): string {
  const days = hours / 24;
  if (days < 1) return "less than a day round the clock";
  if (days < 60) return `about ${Math.round(days)} day${Math.round(days) === 1 ? "" : "s"} round the clock`;
  const months = days / (365.25 / 12);
  return `about ${months < 24 ? months.toFixed(1) : Math.round(months)} months round the clock`;
}

/**
 * When the build pays for itself against renting the same GPUs, under the simplest assumption:
 * every GPU busy, each billed at one cloud GPU-hour rate, and the machine drawing its GPUs'
 * board power plus the base load. The inputs let people try other rates.
 */
export function BreakEvenEstimate({ parts, totalMicros }: { parts: Part[]; totalMicros: number | null }) {
  const [rate, setRate] = useState(DEFAULT_GPU_HOUR);
  const [kwh, setKwh] = useState(DEFAULT_KWH);
  const id = useId();
  const rateParsed = parseDollars(rate);
  const kwhParsed = parseDollars(kwh);
  const gpus = countOf(parts, "gpu");
  const gpuWatts = partsOf(parts, "gpu").reduce((w, gpu) => w + gpu.quantity * (gpu.specs.boardPowerW ?? 0), 0);
  const watts = gpuWatts + PSU_BASE_LOAD_W;

  let result: string;
  if (totalMicros === null) result = "Fix the prices above to estimate.";
  else if (gpus === 0) result = "Add GPUs to estimate when the build pays for itself.";
  else if ("error" in rateParsed || "error" in kwhParsed) result = "Enter both rates to estimate.";
  else {
    const cloudPerHour = gpus * rateParsed.micros;
    // Rounded up: an estimate of savings should never flatter the build.
    const energyPerHour = Math.ceil((watts * kwhParsed.micros) / 1000);
    const hours = breakEvenHoursEstimate({ capexMicros: totalMicros, cloudRateMicrosPerHour: cloudPerHour, energyMicrosPerHour: energyPerHour });
    result =
      hours === null
        ? `Never: its electricity (${usd(energyPerHour)}/h) costs at least what the cloud charges (${usd(cloudPerHour)}/h).`
        : `After ${hoursText(hours)} of use, ${howLong(hours)}: ${usd(cloudPerHour)}/h of cloud GPUs against ${usd(energyPerHour)}/h of electricity.`;
  }

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 items-start gap-3">
        <Field label="Cloud $/GPU-hour" htmlFor={`${id}-rate`} error={"error" in rateParsed ? rateParsed.error : undefined}>
          <Input id={`${id}-rate`} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
        </Field>
        <Field label="Electricity $/kWh" htmlFor={`${id}-kwh`} error={"error" in kwhParsed ? kwhParsed.error : undefined}>
          <Input id={`${id}-kwh`} inputMode="decimal" value={kwh} onChange={(e) => setKwh(e.target.value)} />
        </Field>
      </div>
      <p className="text-sm font-medium text-slate-900">{result}</p>
      {gpus > 0 && (
        <p className="text-xs text-slate-600">
          Assumes {gpus === 1 ? "the GPU" : `all ${gpus} GPUs`} busy, each worth a cloud GPU-hour ($1.46 was GCP&apos;s P100 in June
          2018), and the machine drawing {watts.toLocaleString("en-US")} W ({gpuWatts.toLocaleString("en-US")} W of GPU board power +{" "}
          {PSU_BASE_LOAD_W} W for the rest). Idle time, amortization and price changes are left out; the savings report prices real use.
        </p>
      )}
    </div>
  );
}
