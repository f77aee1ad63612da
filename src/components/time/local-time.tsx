"use client";

import { formatDateTime, formatDay, formatTime, formatUtc, formatWindow } from "@/components/format";
import { useViewerZone } from "./zone-context";

type Props =
  | { at: Date | string | number; kind?: "dateTime" | "day" | "time"; className?: string }
  | { at: Date | string | number; end: Date | string | number; kind: "window"; className?: string };

/**
 * An instant in the viewer's zone, the zone named, and the UTC time in its title (hover) and in
 * `dateTime` (machines). A window gives both ends.
 */
export function LocalTime(props: Props) {
  const { zone } = useViewerZone();
  const start = new Date(props.at);
  let text: string;
  let title = formatUtc(start);
  if (props.kind === "window") {
    text = formatWindow(start, props.end, zone);
    title = `${formatUtc(start)} → ${formatUtc(props.end)}`;
  } else if (props.kind === "day") text = formatDay(start, zone);
  else if (props.kind === "time") text = formatTime(start, zone);
  else text = formatDateTime(start, zone);
  return (
    <time dateTime={start.toISOString()} title={title} className={props.className}>
      {text}
    </time>
  );
}
