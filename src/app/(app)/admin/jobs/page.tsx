import type { Metadata } from "next";
import Link from "next/link";
import { clsx } from "clsx";
import { ListChecks } from "lucide-react";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { RetryJobButton } from "./retry-job";

export const metadata: Metadata = { title: "Background jobs" };

const VIEWS = [
  { view: "waiting", label: "Queued and running" },
  { view: "failed", label: "Failed" },
  { view: "done", label: "Done" },
] as const;
type View = (typeof VIEWS)[number]["view"];

const TONES: Record<string, BadgeTone> = { created: "neutral", retry: "warning", active: "info", completed: "success", cancelled: "neutral", failed: "danger" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const access = await allowedTo("jobs:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const requested = (await searchParams).view;
  const view: View = VIEWS.some((v) => v.view === requested) ? (requested as View) : "waiting";
  const trpc = await api();
  const { counts, jobs } = await trpc.background.jobs({ view, limit: 100 });
  const queues = [...new Set(counts.map((c) => c.name))];
  const states = ["created", "retry", "active", "completed", "failed", "cancelled"];
  return (
    <>
      <PageHeader title="Background jobs" description="Deliveries, reminders and periodic work in the job queue (pg-boss, in the portal's PostgreSQL). Failed deliveries were retried with backoff first." />
      <div className="grid gap-6">
        <SectionCard title="Queues">
          {queues.length === 0 ? (
            <p className="text-sm text-slate-600">No jobs yet.</p>
          ) : (
            <Table caption="Jobs per queue and state">
              <THead>
                <Tr>
                  <Th>Queue</Th>
                  {states.map((s) => <Th key={s} className="text-right">{s}</Th>)}
                </Tr>
              </THead>
              <TBody>
                {queues.map((q) => (
                  <Tr key={q}>
                    <Td className="font-mono text-xs">{q}</Td>
                    {states.map((s) => <Td key={s} className="text-right tabular-nums">{counts.find((c) => c.name === q && c.state === s)?.count ?? 0}</Td>)}
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </SectionCard>
        <Card>
          <CardHeader title="Latest jobs" />
          <nav aria-label="Job views" className="flex gap-2 border-b border-slate-200 px-5 py-3">
            {VIEWS.map((v) => (
              <Link key={v.view} href={`/admin/jobs?view=${v.view}`} aria-current={v.view === view ? "page" : undefined} className={clsx("rounded-md px-3 py-1.5 text-sm font-medium", v.view === view ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100")}>
                {v.label}
              </Link>
            ))}
          </nav>
          <CardBody>
            <ListTable caption="Latest jobs" columns={["Queue", "State", "Tries", "Due", "Error", ACTIONS]} rows={jobs} empty={<EmptyState icon={ListChecks} headingLevel={3} title="Nothing here" description={view === "failed" ? "No job has failed." : "No jobs in this view."} />}>
              {(j) => (
                <Tr key={j.id}>
                  <Td><div className="font-mono text-xs">{j.name}</div><div className="font-mono text-[11px] text-slate-500">{j.id}</div></Td>
                  <Td><Badge tone={TONES[j.state] ?? "neutral"}>{j.state}</Badge></Td>
                  <Td className="tabular-nums">{j.retryCount} of {j.retryLimit + 1}</Td>
                  <Td className="whitespace-nowrap"><LocalTime at={j.startAfter} /></Td>
                  <Td className="max-w-sm text-xs break-words text-rose-800">{j.error}</Td>
                  <Td className="text-right">{j.state === "failed" && <RetryJobButton jobId={j.id} />}</Td>
                </Tr>
              )}
            </ListTable>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
