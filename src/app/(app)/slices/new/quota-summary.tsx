import Link from "next/link";
import type { QuotaPolicy } from "@/core/slices/quotas";
import { SectionCard } from "@/components/ui/card";

const limit = (value: number | undefined, unit: (n: number) => string) => (value === undefined ? "no limit" : unit(value));
const plural = (word: string) => (n: number) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** The limits a request is checked against, so nobody is surprised by a quota refusal. */
export function QuotaSummary({ policy, teamName }: { policy: { quotas: QuotaPolicy; autoApprove: boolean }; teamName: string }) {
  const { user, team } = policy.quotas;
  return (
    <SectionCard className="h-fit" title="Your limits" description="Checked when you ask and again when an admin approves.">
      <dl className="space-y-3 text-sm">
        <Item term="GPUs at once (you)" value={limit(user.maxConcurrentGpus, plural("GPU"))} />
        <Item term="Longest slice" value={limit(user.maxSliceHours, plural("hour"))} />
        <Item term="Booking ahead" value={limit(user.maxDaysAhead, (n) => `up to ${plural("day")(n)}`)} />
        <Item term={`GPUs at once (${teamName})`} value={limit(team.maxConcurrentGpus, plural("GPU"))} />
        <Item term={`GPU-hours a month (${teamName})`} value={limit(team.maxGpuHoursPerMonth, plural("hour"))} />
        <Item term="Approval" value={policy.autoApprove ? "automatic when it fits" : "by an admin"} />
      </dl>
      <p className="mt-4 text-sm text-slate-600">
        Over a limit? Ask anyway: the form offers to send it to an admin as an exception. See who holds what on the{" "}
        <Link href="/schedule" className="font-medium text-indigo-700 hover:underline">schedule</Link>.
      </p>
    </SectionCard>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{term}</dt>
      <dd className="text-right font-medium text-slate-900">{value}</dd>
    </div>
  );
}
