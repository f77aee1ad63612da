/** The request form, prefilled: the form reads `machineId`, `start` and `end` (ISO instants, UTC). No start means "now". */
export function requestHref(prefill: { machineId?: string; start?: number | null; end?: number } = {}): string {
  const params = new URLSearchParams();
  if (prefill.machineId) params.set("machineId", prefill.machineId);
  if (prefill.start !== undefined && prefill.start !== null) params.set("start", new Date(prefill.start).toISOString());
  if (prefill.end !== undefined) params.set("end", new Date(prefill.end).toISOString());
  const query = params.toString();
  return query ? `/slices/new?${query}` : "/slices/new";
}
