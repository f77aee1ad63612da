import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Inbox } from "lucide-react";
import { formatWindow } from "@/components/format";
import { NotAllowed } from "@/components/shell/not-allowed";
import type { RouterOutputs } from "@/trpc/types";
import { formatDuration } from "@/components/slices/times";
import { LocalTime } from "@/components/time/local-time";
import { ZoneNote } from "@/components/time/zone-note";
import { viewerZone } from "@/server/auth/viewer-zone";
import { SliceRealUse } from "@/components/telemetry/slice-real-use";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { ExtensionDecision, RequestDecision } from "./decisions";

type QueueRequest = RouterOutputs["slices"]["queue"]["requests"][number];
type QueueExtension = RouterOutputs["slices"]["queue"]["extensions"][number];

export const metadata: Metadata = { title: "Requests" };

/** The queue and the instant it was read at (to tell requests whose start has passed). */
async function loadQueue() {
  const queue = await (await api()).slices.queue();
  return { queue, now: Date.now() };
}

export default async function QueuePage() {
  const access = await allowedTo("slices:decide");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const [{ queue, now }, { zone }] = await Promise.all([loadQueue(), viewerZone()]);
  const empty = queue.requests.length === 0 && queue.extensions.length === 0;

  return (
    <>
      <PageHeader title="Requests" description={<>Slice requests and extensions waiting for a decision, oldest first. Approving assigns specific GPUs. <ZoneNote now={now} /></>} />
      {empty ? (
        <EmptyState icon={Inbox} title="Nothing to decide" description="No slice requests or extensions are waiting. New ones appear here as people ask." />
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="queue-requests" className="space-y-4">
            <h2 id="queue-requests" className="text-lg font-semibold text-slate-900">Slice requests ({queue.requests.length})</h2>
            {queue.requests.length === 0 ? (
              <p className="text-sm text-slate-600">No slice requests are waiting.</p>
            ) : (
              queue.requests.map((request) => <RequestCard key={request.slice.id} request={request} now={now} zone={zone} />)
            )}
          </section>
          <section aria-labelledby="queue-extensions" className="space-y-4">
            <h2 id="queue-extensions" className="text-lg font-semibold text-slate-900">Extensions ({queue.extensions.length})</h2>
            {queue.extensions.length === 0 ? (
              <p className="text-sm text-slate-600">No extensions are waiting.</p>
            ) : (
              queue.extensions.map((extension) => <ExtensionCard key={extension.id} extension={extension} />)
            )}
          </section>
        </div>
      )}
    </>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt className="font-medium text-slate-500">{term}</dt>
          <dd className="mt-0.5 text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RequestCard({ request, now, zone }: { request: QueueRequest; now: number; zone: string }) {
  const { slice, problems, quotaOnly, suggestion } = request;
  const started = slice.start.getTime() < now;
  return (
    <Card role="article" aria-label={`Request of ${slice.requester.name} for ${slice.machine.name}`}>
      <CardHeader
        headingLevel={3}
        title={`${slice.requester.name} (${slice.team.name}) · ${slice.machine.name}`}
        description={<>Asked <LocalTime at={slice.createdAt} /></>}
        actions={problems.length === 0 ? <Badge tone="success">Fits</Badge> : quotaOnly ? <Badge tone="warning">Over quota</Badge> : <Badge tone="danger">Does not fit</Badge>}
      />
      <CardBody className="space-y-4">
        <Facts
          items={[
            [
              "When",
              <>
                <LocalTime at={slice.start} end={slice.end} kind="window" /> ({formatDuration(slice.end.getTime() - slice.start.getTime())})
                {started && <span className="block text-slate-600">Its start has passed: if approved it starts at the approval.</span>}
              </>,
            ],
            ["Asks for", `${slice.gpuCount} GPU${slice.gpuCount === 1 ? "" : "s"}, ${slice.threads} threads, ${slice.ramGb} GB RAM`],
            ["Purpose", slice.purpose],
          ]}
        />
        {problems.length > 0 && (
          <div className={quotaOnly ? "rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" : "rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"}>
            <p className="font-medium">{quotaOnly ? "Over quota: approving needs a written override reason." : "As it stands this cannot be approved:"}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            {suggestion && (
              <p className="mt-2">
                Earliest window that fits: <LocalTime className="font-medium" at={suggestion.start} end={suggestion.end} kind="window" />. Only the requester can move the window; a rejection can suggest it.
              </p>
            )}
          </div>
        )}
        <RequestDecision
          request={{
            sliceId: slice.id,
            machine: slice.machine.name,
            requester: slice.requester.name,
            gpuCount: slice.gpuCount,
            machineGpus: request.machineGpus.map((g) => ({ id: g.id, index: g.index })),
            proposedGpuIds: request.proposedGpuIds ?? [],
            quotaOnly,
            suggestion: suggestion ? formatWindow(suggestion.start, suggestion.end, zone) : null,
          }}
        />
      </CardBody>
    </Card>
  );
}

function ExtensionCard({ extension }: { extension: QueueExtension }) {
  const { slice } = extension;
  const gpus = slice.gpus.map((g) => `GPU ${g.index}`).join(", ");
  return (
    <Card role="article" aria-label={`Extension asked by ${slice.requester.name} on ${slice.machine.name}`}>
      <CardHeader headingLevel={3} title={`${slice.requester.name} (${slice.team.name}) · ${slice.machine.name}, ${gpus}`} description={<>Asked <LocalTime at={extension.createdAt} /></>} />
      <CardBody className="space-y-4">
        <Facts
          items={[
            ["Current window", <LocalTime key="window" at={slice.start} end={slice.effectiveEnd} kind="window" />],
            ["Asks to end", <><LocalTime at={extension.requestedEnd} /> ({formatDuration(extension.requestedEnd.getTime() - slice.effectiveEnd.getTime())} more)</>],
            ["Why", extension.reason],
            ["Purpose", slice.purpose],
          ]}
        />
        <SliceRealUse sliceId={slice.id} />
        <ExtensionDecision extension={{ id: extension.id, requester: slice.requester.name, machine: slice.machine.name }} />
      </CardBody>
    </Card>
  );
}
