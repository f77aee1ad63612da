import type { IdlePolicy } from "@/core/idle/policy";

export type IdleKey = keyof IdlePolicy;

/** The idle policy's steps as the quotas page names them. */
export const IDLE_FIELDS: { key: IdleKey; label: string; short: string }[] = [
  { key: "noShowNotifyMinutes", label: "No-show: tell the holder after (minutes)", short: "No-show: tell" },
  { key: "noShowReleaseMinutes", label: "No-show: release the slice after (minutes)", short: "No-show: release" },
  { key: "idleWarnMinutes", label: "Idle: first warning after (minutes)", short: "Idle: warn" },
  { key: "idleWarnAgainMinutes", label: "Idle: second warning after (minutes)", short: "Idle: warn again" },
  { key: "idleReclaimMinutes", label: "Idle: reclaim the slice after (minutes)", short: "Idle: reclaim" },
];

/** "60 min", or "off" for a step turned off with 0. */
export const showMinutes = (value: number) => (value === 0 ? "off" : `${value} min`);
