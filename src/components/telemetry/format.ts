/** Formatting of telemetry values: missing readings show as a dash, memory in GiB past 1 GiB. */
export const dash = "—";
export const pct = (value: number | null | undefined) => (value === null || value === undefined ? dash : `${Math.round(value)} %`);
export const mib = (value: number | null | undefined) => (value === null || value === undefined ? dash : value >= 1024 ? `${(value / 1024).toFixed(1)} GiB` : `${Math.round(value)} MiB`);
export const watts = (value: number | null | undefined) => (value === null || value === undefined ? dash : `${Math.round(value)} W`);
export const celsius = (value: number | null | undefined) => (value === null || value === undefined ? dash : `${Math.round(value)} °C`);
export const hours = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US"));

/** "12 s ago", "4 min ago", "3 h ago": how fresh a report is. */
export function ago(at: Date | string, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}
