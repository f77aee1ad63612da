import { clsx } from "clsx";
import { CircleCheck, CircleX, TriangleAlert } from "lucide-react";
import type { CheckResult, CheckStatus, CheckSummary, RuleId } from "@/core/builds/checks";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { BuildStatus } from "@/contracts/builds";
import { usd } from "./money";

export const STATUS_LABELS: Record<BuildStatus, string> = { planned: "Planned", ordered: "Ordered", in_service: "In service" };
const STATUS_TONES: Record<BuildStatus, BadgeTone> = { planned: "neutral", ordered: "info", in_service: "success" };

export function BuildStatusBadge({ status }: { status: BuildStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export const RULE_TITLES: Record<RuleId, string> = {
  "cpu-socket": "CPU socket",
  "ram-type": "RAM type",
  "ram-capacity": "RAM slots and capacity",
  "gpu-slots": "GPU slots",
  "pcie-lanes": "PCIe lanes",
  "psu-headroom": "PSU headroom",
  "card-length": "GPU card length",
};

const CHECK_LOOK: Record<CheckStatus, { word: string; icon: typeof CircleCheck; className: string }> = {
  pass: { word: "Pass", icon: CircleCheck, className: "text-emerald-700" },
  warn: { word: "Warning", icon: TriangleAlert, className: "text-amber-700" },
  fail: { word: "Fail", icon: CircleX, className: "text-red-700" },
};

/** An icon and a word, so the status never rests on colour alone. */
export function CheckStatusLabel({ status, className }: { status: CheckStatus; className?: string }) {
  const { word, icon: Icon, className: tone } = CHECK_LOOK[status];
  return (
    <span className={clsx("inline-flex items-center gap-1 font-medium", tone, className)}>
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {word}
    </span>
  );
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "All 7 checks pass", "1 failure, 1 warning, 5 passed". */
export function checkSummaryText(summary: CheckSummary): string {
  if (summary.fail === 0 && summary.warn === 0) return `All ${summary.pass} checks pass`;
  return [
    summary.fail > 0 ? counted(summary.fail, "failure", "failures") : null,
    summary.warn > 0 ? counted(summary.warn, "warning", "warnings") : null,
    summary.pass > 0 ? `${summary.pass} passed` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

export function CheckList({ checks, headingLevel = 3 }: { checks: CheckResult[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="divide-y divide-slate-100">
      {checks.map((check) => (
        <li key={check.rule} className="py-3 first:pt-0 last:pb-0">
          <div className="flex items-baseline justify-between gap-3">
            <Heading className="text-sm font-semibold text-slate-900">{RULE_TITLES[check.rule]}</Heading>
            <CheckStatusLabel status={check.status} className="text-sm" />
          </div>
          <p className="mt-1 text-sm break-words text-slate-600">{check.message}</p>
        </li>
      ))}
    </ul>
  );
}

/** "Saves $4,008.00" or "Costs $200.00 more": the sign in words, not only in colour. */
export function PremiumText({ micros }: { micros: number }) {
  if (micros === 0) return <span className="text-slate-700">Same price</span>;
  return micros > 0 ? (
    <span className="font-medium text-emerald-800">Saves {usd(micros)}</span>
  ) : (
    <span className="font-medium text-red-700">Costs {usd(-micros)} more</span>
  );
}
