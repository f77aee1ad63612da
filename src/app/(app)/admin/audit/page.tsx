import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_SUBJECT_TYPES } from "@/core/audit";
import { describeAction, describeChange } from "@/components/audit/describe";
import { LocalTime } from "@/components/time/local-time";
import { ZoneNote } from "@/components/time/zone-note";
import { addDays, parseDayKey, startOfDay } from "@/core/time/zoned";
import { viewerZone } from "@/server/auth/viewer-zone";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Input, Select } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { HeadRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";

export const metadata: Metadata = { title: "Audit log" };

type Params = { action?: string; subject?: string; from?: string; to?: string; cursor?: string };

/** The start of a "YYYY-MM-DD" day in the viewer's zone (`after`: of the day after it). */
const dayStart = (value: string | undefined, zone: string, after = 0) => (parseDayKey(value) ? new Date(startOfDay(addDays(value!, after), zone)) : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const access = await allowedTo("audit:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const params = await searchParams;
  const subjectType = AUDIT_SUBJECT_TYPES.find((type) => type === params.subject);
  const { zone } = await viewerZone();
  const from = dayStart(params.from, zone);
  const to = dayStart(params.to, zone, 1);
  const trpc = await api();
  const [actions, { entries, nextCursor }] = await Promise.all([
    trpc.audit.actions(),
    trpc.audit.list({
      action: params.action?.slice(0, 60) || undefined,
      subjectType,
      from,
      to: from && to && to <= from ? undefined : to,
      cursor: params.cursor && /^\d{1,19}$/.test(params.cursor) ? params.cursor : undefined,
      limit: 50,
    }),
  ]);
  const filters = Object.entries(params).filter((entry): entry is [string, string] => entry[0] !== "cursor" && typeof entry[1] === "string");
  const olderHref = nextCursor ? `?${new URLSearchParams([...filters, ["cursor", nextCursor]])}` : undefined;

  return (
    <>
      <PageHeader title="Audit log" description={<>Every change of state, who made it, when, and why. Entries cannot be edited or deleted. <ZoneNote now={new Date()} /></>} />
      <form className="mb-4 flex flex-wrap items-end gap-3" action="/admin/audit">
        <div>
          <label htmlFor="action" className="mb-1 block text-sm font-medium text-slate-700">Action</label>
          <Select id="action" name="action" defaultValue={params.action ?? ""}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>{action}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="subject" className="mb-1 block text-sm font-medium text-slate-700">About</label>
          <Select id="subject" name="subject" defaultValue={subjectType ?? ""}>
            <option value="">Anything</option>
            {AUDIT_SUBJECT_TYPES.map((type) => (
              <option key={type} value={type}>{type}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block text-sm font-medium text-slate-700">From</label>
          <Input id="from" name="from" type="date" defaultValue={params.from} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block text-sm font-medium text-slate-700">To</label>
          <Input id="to" name="to" type="date" defaultValue={params.to} />
        </div>
        <button type="submit" className="h-10 rounded-lg bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          Filter
        </button>
        <Link href="/admin/audit" className="h-10 px-2 text-sm leading-10 font-medium text-indigo-700 hover:underline">Clear</Link>
      </form>
      {entries.length === 0 ? (
        <EmptyState title="No entries" description="Nothing matches these filters." />
      ) : (
        <Table caption="Audit log entries, newest first">
          <HeadRow columns={["When", "Who", "What", "Change", "Reason"]} />
          <TBody>
            {entries.map((entry) => (
              <Tr key={entry.id}>
                <Td className="whitespace-nowrap"><LocalTime at={entry.at} /></Td>
                <Td>{entry.actor?.name ?? "System"}</Td>
                <Td>
                  {describeAction(entry.action)} <span className="font-medium text-slate-900">{entry.subjectName}</span>
                  <div className="text-xs text-slate-500">{entry.action}</div>
                </Td>
                <Td>
                  {describeChange(entry.before, entry.after, zone).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </Td>
                <Td>{entry.reason ?? "—"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {olderHref && (
        <div className="mt-4 text-right">
          <Link href={olderHref} className="text-sm font-medium text-indigo-700 hover:underline">Older entries →</Link>
        </div>
      )}
    </>
  );
}
