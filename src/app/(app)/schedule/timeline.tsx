"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useRef, useState, type CSSProperties, type MouseEvent } from "react";
import { formatDateTime, formatTime, formatWindow, zoneAbbreviation } from "@/components/format";
import { requestHref } from "@/components/slices/request-href";
import type { RouterOutputs } from "@/trpc/types";
import { useViewerZone } from "@/components/time/zone-context";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { assignLanes, CLICK_REQUEST_MS, dayTicks, fractionOf, requestAtClick, spanOf } from "./timeline-geometry";

type ScheduleMachine = RouterOutputs["slices"]["schedule"]["machines"][number];
type ScheduleHold = ScheduleMachine["holds"][number];
type SchedulePending = ScheduleMachine["pending"][number];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** Narrowest a day may get before the timeline scrolls sideways instead. */
const MIN_DAY_PX = 44;
const LANE_PX = 30;

type Range = { from: number; to: number };
type PendingItem = Omit<SchedulePending, "start" | "end"> & { start: number; end: number };
type Selected = { kind: "hold"; machine: ScheduleMachine; hold: ScheduleHold } | { kind: "pending"; machine: ScheduleMachine; pending: SchedulePending };

/**
 * The schedule as a timeline: one row per GPU, grouped by machine, with the approved holds as
 * bars, the pending requests greyed in a row of their own, day gridlines (days of the viewer's
 * zone, 23 or 25 hours long where its clocks change) and a line at
 * "now". Bars are buttons that open their details; a click on a free stretch of a GPU row opens
 * the request form for that machine and hour. The list view carries the same data as text.
 */
export function Timeline({
  machines,
  range,
  now,
  canRequest,
  canDecide,
}: {
  machines: ScheduleMachine[];
  range: Range;
  now: number;
  canRequest: boolean;
  canDecide: boolean;
}) {
  const router = useRouter();
  const { zone } = useViewerZone();
  const scroller = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [hover, setHover] = useState<{ gpuId: string; start: number; end: number } | null>(null);
  const ticks = dayTicks(range, zone);
  const days = ticks.length;
  const nowAt = fractionOf(range, now);
  const fine = days <= 7;

  // Wide windows scroll sideways on narrow screens: start with "now" in view rather than two weeks ago.
  useEffect(() => {
    const box = scroller.current;
    if (!box || nowAt === null || box.scrollWidth <= box.clientWidth) return;
    const label = box.querySelector<HTMLElement>("[data-label-column]")?.offsetWidth ?? 0;
    const track = box.scrollWidth - label;
    box.scrollLeft = Math.max(0, label + nowAt * track - box.clientWidth * 0.6);
  }, [nowAt]);

  // One 1-pixel line per midnight (and per 6 hours when zoomed in), placed at its instant: days differ in length across DST.
  const lines = [
    ...ticks.map((t) => ({ at: t.start, color: "rgb(203 213 225)" })),
    ...(fine ? ticks.flatMap((t) => t.hours.map((h) => ({ at: h.at, color: "rgb(226 232 240)" }))) : []),
  ];
  const grid: CSSProperties = {
    backgroundImage: lines.map((l) => `linear-gradient(${l.color}, ${l.color})`).join(", "),
    backgroundSize: lines.map(() => "1px 100%").join(", "),
    backgroundPosition: lines.map((l) => `${(fractionOf(range, l.at) ?? 0) * 100}% 0`).join(", "),
    backgroundRepeat: "no-repeat",
  };

  function gapAt(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    return requestAtClick(range, (event.clientX - box.left) / box.width, now, zone);
  }

  return (
    <>
      <div
        ref={scroller}
        role="region"
        aria-label="Timeline of GPU holds (scrolls sideways)"
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <div className="grid grid-cols-[8.5rem_1fr] sm:grid-cols-[11rem_1fr]" style={{ minWidth: `calc(8.5rem + ${days * MIN_DAY_PX}px)` }}>
          <div data-label-column className="sticky left-0 z-20 flex items-end border-r border-b border-slate-200 bg-white px-3 pb-1.5 text-xs font-medium text-slate-500">
            GPU · times in {zoneAbbreviation(range.from, zone)}
          </div>
          <div className={clsx("relative border-b border-slate-200", fine ? "h-14" : "h-12")} aria-hidden="true">
            {ticks.map((tick, i) => {
              const weekend = tick.weekday === 0 || tick.weekday === 6;
              const showMonth = i === 0 || tick.day === 1;
              return (
                <div
                  key={tick.start}
                  className={clsx("absolute inset-y-0 border-l border-slate-300 pt-4 pl-1 text-[11px] leading-tight", weekend ? "bg-slate-50 text-slate-500" : "text-slate-700")}
                  style={{ left: `${(fractionOf(range, tick.start) ?? 0) * 100}%`, width: `${((tick.end - tick.start) / (range.to - range.from)) * 100}%` }}
                >
                  <div className="font-medium whitespace-nowrap">
                    {tick.day}
                    {showMonth && ` ${MONTHS[tick.month]}`}
                  </div>
                  <div className="whitespace-nowrap">{WEEKDAYS[tick.weekday]}</div>
                  {fine && (
                    <div className="absolute inset-x-0 bottom-0 flex text-[10px] text-slate-400">
                      {[{ label: "00", at: tick.start }, ...tick.hours].map((h) => (
                        <span key={h.label} className="absolute pl-0.5" style={{ left: `${((h.at - tick.start) / (tick.end - tick.start)) * 100}%` }}>{h.label}</span>
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
            {nowAt !== null && (
              <div className="absolute top-0.5 z-10 -translate-x-1/2 rounded-sm bg-red-600 px-1 text-[10px] leading-3.5 font-semibold whitespace-nowrap text-white" style={{ left: `${nowAt * 100}%` }}>
                Now {formatTime(now, zone)}
              </div>
            )}
          </div>

          {machines.map((machine) => {
            const requestable = canRequest && machine.status === "active";
            const { lanes, placed } = assignLanes(machine.pending.map((p) => ({ ...p, start: p.start.getTime(), end: p.end.getTime() })));
            return (
              <Fragment key={machine.id}>
                <div className="col-span-2 border-b border-slate-200 bg-slate-50">
                  <div className="sticky left-0 flex w-max max-w-[calc(100vw-3rem)] flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                    <h2 className="text-sm font-semibold text-slate-900">{machine.name}</h2>
                    {machine.status !== "active" && <Badge tone="warning">{machine.status === "maintenance" ? "In maintenance" : machine.status}</Badge>}
                    <span className="text-xs text-slate-600">
                      {machine.gpus.length} GPU{machine.gpus.length === 1 ? "" : "s"} · per GPU {machine.profile.threads} threads, {machine.profile.ramGb} GB
                    </span>
                    {requestable && (
                      <ButtonLink size="sm" variant="ghost" href={requestHref({ machineId: machine.id })} className="h-7 text-indigo-700">
                        Request on {machine.name}
                      </ButtonLink>
                    )}
                  </div>
                </div>
                {machine.gpus.map((gpu) => {
                  const holds = machine.holds.filter((h) => h.gpuId === gpu.id);
                  const preview = hover?.gpuId === gpu.id ? spanOf(range, hover.start, hover.end) : null;
                  return (
                    <Fragment key={gpu.id}>
                      <div className="sticky left-0 z-20 flex flex-col justify-center border-r border-b border-slate-200 bg-white px-3 py-1 text-xs">
                        <span className="font-medium text-slate-900">GPU {gpu.index}</span>
                        <span className="truncate text-slate-500">{gpu.model}</span>
                      </div>
                      <div
                        role="group"
                        aria-label={`GPU ${gpu.index} of ${machine.name}`}
                        className={clsx("relative h-11 border-b border-slate-200", requestable && "cursor-pointer")}
                        style={grid}
                        onClick={(event) => {
                          if (!requestable) return;
                          const gap = gapAt(event);
                          if (gap) router.push(requestHref({ machineId: machine.id, start: gap.start, end: gap.end }));
                        }}
                        onMouseMove={(event) => {
                          if (!requestable) return;
                          const gap = gapAt(event);
                          setHover(gap ? { gpuId: gpu.id, start: gap.start ?? now, end: gap.end } : null);
                        }}
                        onMouseLeave={() => setHover(null)}
                      >
                        <PastShade nowAt={nowAt} />
                        {preview && (
                          <div
                            aria-hidden="true"
                            className="pointer-events-none absolute inset-y-1 overflow-hidden rounded border border-dashed border-indigo-400 bg-indigo-50/80 px-1 text-[11px] leading-8 whitespace-nowrap text-indigo-800"
                            style={{ left: `${preview.left}%`, width: `${preview.width}%` }}
                          >
                            + Request {CLICK_REQUEST_MS / 3_600_000} h
                          </div>
                        )}
                        {holds.map((hold) => (
                          <HoldBar key={`${hold.sliceId}-${hold.gpuId}`} hold={hold} range={range} label={`GPU ${gpu.index} of ${machine.name}`} onOpen={() => setSelected({ kind: "hold", machine, hold })} />
                        ))}
                        <NowLine nowAt={nowAt} />
                      </div>
                    </Fragment>
                  );
                })}
                <div className="sticky left-0 z-20 flex flex-col justify-center border-r border-b border-slate-200 bg-white px-3 py-1 text-xs">
                  <span className="font-medium text-slate-700">Pending</span>
                  <span className="text-slate-500">{machine.pending.length === 0 ? "none" : `${machine.pending.length} request${machine.pending.length === 1 ? "" : "s"}`}</span>
                </div>
                <div
                  role="group"
                  aria-label={`Pending requests for ${machine.name}`}
                  className="relative border-b border-slate-200 bg-slate-50/50"
                  style={{ ...grid, height: Math.max(1, lanes) * LANE_PX + 8 }}
                >
                  <PastShade nowAt={nowAt} />
                  {placed.map(({ item, lane }) => (
                    <PendingBar key={item.sliceId} pending={item} lane={lane} range={range} machineName={machine.name} onOpen={() => setSelected({ kind: "pending", machine, pending: machine.pending.find((p) => p.sliceId === item.sliceId)! })} />
                  ))}
                  <NowLine nowAt={nowAt} />
                </div>
              </Fragment>
            );
          })}
        </div>
      </div>
      {selected && <DetailsDialog selected={selected} now={now} canDecide={canDecide} onClose={() => setSelected(null)} />}
    </>
  );
}

function PastShade({ nowAt }: { nowAt: number | null }) {
  const width = nowAt === null ? 0 : nowAt * 100;
  if (width <= 0) return null;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute inset-y-0 left-0 bg-slate-400/10"
      style={{ width: `${width}%`, backgroundImage: "repeating-linear-gradient(135deg, transparent 0 6px, rgb(148 163 184 / 0.12) 6px 7px)" }}
    />
  );
}

function NowLine({ nowAt }: { nowAt: number | null }) {
  if (nowAt === null) return null;
  return <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 z-10 w-0.5 -translate-x-1/2 bg-red-600" style={{ left: `${nowAt * 100}%` }} />;
}

const SERVING_STRIPES = "repeating-linear-gradient(135deg, transparent 0 6px, rgb(217 119 6 / 0.18) 6px 12px)";

function holdLabel(gpuLabel: string, hold: Pick<ScheduleHold, "holder" | "team" | "start" | "end" | "mine" | "serving">, zone: string) {
  return `${gpuLabel}: ${hold.serving ? "Serving · " : ""}${hold.holder} (${hold.team})${hold.mine ? ", you" : ""} from ${formatDateTime(hold.start, zone)} to ${formatDateTime(hold.end, zone)}`;
}

function HoldBar({ hold, range, label, onOpen }: { hold: ScheduleHold; range: Range; label: string; onOpen: () => void }) {
  const { zone } = useViewerZone();
  const span = spanOf(range, hold.start.getTime(), hold.end.getTime());
  if (!span) return null;
  return (
    <button
      type="button"
      aria-label={holdLabel(label, hold, zone)}
      title={`${hold.holder} (${hold.team})${hold.mine ? " — you" : ""}\n${hold.purpose}\n${formatWindow(hold.start, hold.end, zone)}`}
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
      onMouseMove={(event) => event.stopPropagation()}
      className={clsx(
        "absolute inset-y-1 z-[5] flex min-w-1.5 items-center overflow-hidden border px-1.5 text-left text-[11px] leading-tight font-medium whitespace-nowrap shadow-xs",
        "focus-visible:z-30 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
        span.clippedStart ? "rounded-l-none border-l-0" : "rounded-l",
        span.clippedEnd ? "rounded-r-none border-r-0" : "rounded-r",
        hold.mine ? "border-emerald-700 bg-emerald-100 text-emerald-950 hover:bg-emerald-200" : hold.serving ? "border-amber-600 bg-amber-50 text-amber-950 hover:bg-amber-100" : "border-indigo-300 bg-indigo-100 text-indigo-950 hover:bg-indigo-200",
      )}
      // Serving runs around the clock for weeks: stripes set it apart from training at a glance.
      style={{ left: `${span.left}%`, width: `${span.width}%`, backgroundImage: hold.serving ? SERVING_STRIPES : undefined }}
    >
      {/* The star is drawn by CSS so the visible text stays part of the accessible name (WCAG 2.5.3). */}
      <span className={clsx("truncate", hold.mine && "before:content-['★_']")}>
        {hold.serving && "Serving · "}
        {hold.holder} ({hold.team})
      </span>
    </button>
  );
}

function PendingBar({ pending, lane, range, machineName, onOpen }: { pending: PendingItem; lane: number; range: Range; machineName: string; onOpen: () => void }) {
  const { zone } = useViewerZone();
  const span = spanOf(range, pending.start, pending.end);
  if (!span) return null;
  const gpus = `${pending.gpuCount} GPU${pending.gpuCount === 1 ? "" : "s"}`;
  return (
    <button
      type="button"
      aria-label={`Pending: ${pending.holder}, ${gpus}, on ${machineName}${pending.mine ? " (you)" : ""} from ${formatDateTime(pending.start, zone)} to ${formatDateTime(pending.end, zone)}`}
      title={`Pending: ${pending.holder}${pending.mine ? " (you)" : ""}, ${gpus}\n${formatWindow(pending.start, pending.end, zone)}`}
      onClick={onOpen}
      className={clsx(
        "absolute z-[5] flex min-w-1.5 items-center overflow-hidden rounded border border-dashed border-slate-400 px-1.5 text-left text-[11px] font-medium whitespace-nowrap text-slate-700 hover:border-slate-600",
        "focus-visible:z-30 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
      )}
      style={{
        left: `${span.left}%`,
        width: `${span.width}%`,
        top: 4 + lane * LANE_PX,
        height: LANE_PX - 4,
        backgroundColor: "rgb(241 245 249)",
        backgroundImage: "repeating-linear-gradient(135deg, transparent 0 5px, rgb(203 213 225 / 0.7) 5px 7px)",
      }}
    >
      <span className={clsx("truncate rounded-sm bg-slate-100/90 px-0.5", pending.mine && "before:content-['★_']")}>
        Pending: {pending.holder}, {gpus}
      </span>
    </button>
  );
}

function DetailsDialog({ selected, now, canDecide, onClose }: { selected: Selected; now: number; canDecide: boolean; onClose: () => void }) {
  const { zone } = useViewerZone();
  const { machine } = selected;
  const item = selected.kind === "hold" ? selected.hold : selected.pending;
  const gpu = selected.kind === "hold" ? machine.gpus.find((g) => g.id === selected.hold.gpuId) : undefined;
  const state = selected.kind === "pending" ? "Pending: waiting for an admin" : item.end.getTime() <= now ? "Ended" : item.start.getTime() > now ? "Upcoming" : "Active";
  const rows: [string, string][] = [
    ["Held by", `${item.holder}${item.mine ? " (you)" : ""}`],
    ...(selected.kind === "hold" ? ([["Team", selected.hold.team]] as [string, string][]) : []),
    ["When", formatWindow(item.start, item.end, zone)],
    ["State", state],
    ["Purpose", item.purpose],
    ...(selected.kind === "hold" ? [] : [["GPUs", `${selected.pending.gpuCount}, assigned on approval`] as [string, string]]),
  ];
  return (
    <Dialog open title={gpu ? `GPU ${gpu.index} of ${machine.name}` : `Pending request on ${machine.name}`} description={gpu?.model} onClose={onClose} size="sm">
      <dl className="space-y-3 text-sm">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt className="font-medium text-slate-500">{term}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        {selected.kind === "pending" && canDecide && (
          <ButtonLink href="/admin/queue" variant="secondary">
            Open the request queue
          </ButtonLink>
        )}
        {item.mine && <ButtonLink href="/slices">Manage in My slices</ButtonLink>}
      </div>
    </Dialog>
  );
}
