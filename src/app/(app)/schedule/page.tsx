import type { Metadata } from "next";
import Link from "next/link";
import { clsx } from "clsx";
import { Server } from "lucide-react";
import { can } from "@/core/permissions";
import { NotAllowed } from "@/components/shell/not-allowed";
import { requestHref } from "@/components/slices/request-href";
import { formatWeekday } from "@/components/format";
import { ZoneNote } from "@/components/time/zone-note";
import { viewerZone } from "@/server/auth/viewer-zone";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { Legend } from "./legend";
import { ScheduleList } from "./schedule-list";
import { scheduleWindow, shiftWindow, STEP_DAYS, windowAround, windowParams, ZOOMS, zoomOf, type ScheduleWindow, type Zoom } from "./schedule-window";
import { Timeline } from "./timeline";

export const metadata: Metadata = { title: "Schedule" };

type Params = { from?: string; to?: string; view?: string };

async function loadSchedule(params: Params, zone: string) {
  const window = scheduleWindow(params, Date.now(), zone);
  const data = await (await api()).slices.schedule({ from: new Date(window.from), to: new Date(window.to) });
  return { window, data, now: data.now.getTime() };
}

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Params> }) {
  const access = await allowedTo("schedule:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const params = await searchParams;
  const { zone } = await viewerZone();
  const { window, data, now } = await loadSchedule(params, zone);
  const view = params.view === "list" ? "list" : "timeline";
  const canRequest = can(access.actor.roles, "slices:request");
  const windowLabel = `${formatWeekday(window.from, zone)} to ${formatWeekday(window.to - 1, zone)}`;
  const href = (w: ScheduleWindow, v: string = view) => `/schedule?${new URLSearchParams({ ...windowParams(w), ...(v === "list" ? { view: "list" } : {}) })}`;
  const zoom = zoomOf(window);

  return (
    <>
      <PageHeader
        title="Schedule"
        description={<>Who holds which GPU, and the requests waiting for an admin. <ZoneNote now={now} /></>}
        actions={canRequest && <ButtonLink href={requestHref()}>Request a slice</ButtonLink>}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Schedule window" className="flex flex-wrap items-center gap-2">
          <ButtonLink size="sm" variant="secondary" href={href(shiftWindow(window, -STEP_DAYS, zone))}>← Earlier</ButtonLink>
          <ButtonLink size="sm" variant="secondary" href={href(windowAround(now, zoom ?? "weeks", zone))}>Today</ButtonLink>
          <ButtonLink size="sm" variant="secondary" href={href(shiftWindow(window, STEP_DAYS, zone))}>Later →</ButtonLink>
          <p className="text-sm font-medium text-slate-700" aria-live="polite">{windowLabel} ({zone})</p>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <Segmented
            label="Zoom"
            items={(Object.keys(ZOOMS) as Zoom[]).map((z) => ({ href: href(windowAround(now, z, zone)), label: ZOOMS[z].label, current: zoom === z }))}
          />
          <Segmented
            label="View"
            items={[
              { href: href(window, "timeline"), label: "Timeline", current: view === "timeline" },
              { href: href(window, "list"), label: "List", current: view === "list" },
            ]}
          />
        </div>
      </div>

      {data.machines.length === 0 ? (
        <EmptyState
          icon={Server}
          title="No machines in service"
          description="Once an admin adds a machine to the inventory, its GPUs appear here."
          action={<ButtonLink href="/inventory" variant="secondary">Go to the inventory</ButtonLink>}
        />
      ) : view === "list" ? (
        <ScheduleList machines={data.machines} now={now} windowLabel={windowLabel} />
      ) : (
        <>
          <p className="sr-only">
            The timeline draws each hold as a bar. The <Link href={href(window, "list")}>list view</Link> gives the same information as tables.
          </p>
          <Legend canRequest={canRequest} />
          <Timeline machines={data.machines} range={window} now={now} canRequest={canRequest} canDecide={can(access.actor.roles, "slices:decide")} />
        </>
      )}
    </>
  );
}

/** A row of linked choices, the current one marked for sight and for screen readers. */
function Segmented({ label, items }: { label: string; items: { href: string; label: string; current: boolean }[] }) {
  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-slate-600" id={`segmented-${label}`}>{label}</span>
      <ul aria-labelledby={`segmented-${label}`} className="flex rounded-lg border border-slate-300 bg-white p-0.5 shadow-xs">
        {items.map((item) => (
          <li key={item.label}>
            <Link
              href={item.href}
              aria-current={item.current ? "true" : undefined}
              className={clsx(
                "block rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
                item.current ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
