import { MS_PER_DAY, parseInstantParam } from "@/components/slices/times";
import { UTC } from "@/core/time/zoned";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";

export const hoursText = (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);
/** The period asked for in the URL, by default the 90 days up to the end of today (UTC). */
export function resolvePeriod(params: { from?: string; until?: string }, now = Date.now()) {
  const until = parseInstantParam(params.until, UTC) ?? new Date(Math.floor(now / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY);
  const from = parseInstantParam(params.from, UTC);
  return { from: from && from < until ? from : new Date(until.getTime() - 90 * MS_PER_DAY), until };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The period and the build to replay; a plain GET form, so the answer is a link one can share. */
export function PeriodForm({ from, until, buildId, candidates }: { from: Date; until: Date; buildId?: string; candidates: { id: string; name: string; status: string; gpus: number }[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <Field label="From (UTC)" htmlFor="cap-from">
        <Input id="cap-from" name="from" type="date" defaultValue={day(from)} />
      </Field>
      <Field label="Until (UTC)" htmlFor="cap-until">
        <Input id="cap-until" name="until" type="date" defaultValue={day(until)} />
      </Field>
      {candidates.length > 0 && (
        <Field label="Machine to add" htmlFor="cap-build">
          <Select id="cap-build" name="buildId" defaultValue={buildId}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.status === "planned" ? "planned" : c.status === "ordered" ? "ordered" : "copy of a machine in service"}, {c.gpus} GPUs)
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button type="submit">Replay</Button>
    </form>
  );
}
