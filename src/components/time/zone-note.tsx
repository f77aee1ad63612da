"use client";

import Link from "next/link";
import { zoneAbbreviation } from "@/components/format";
import { useViewerZone } from "./zone-context";

/** The sentence under a page's title that says which zone its times are in, and where to change it. */
export function ZoneNote({ now }: { now: Date | number }) {
  const { zone, source } = useViewerZone();
  const why = source === "profile" ? "as set on your profile" : source === "browser" ? "your browser's zone" : "until your browser tells us its zone";
  return (
    <>
      Times are in <span className="font-medium text-slate-900">{zone}</span> ({zoneAbbreviation(now, zone)}), {why}; hover a time for UTC.{" "}
      <Link href="/profile#time-zone" className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
        Change
      </Link>
    </>
  );
}
