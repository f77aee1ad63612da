/** What the timeline's marks mean, each with its pattern and text, so colour is never the only cue. */
export function Legend({ canRequest }: { canRequest: boolean }) {
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-slate-700">
      <h2 className="sr-only">Legend</h2>
      <span className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-3.5 w-7 rounded-sm border border-indigo-300 bg-indigo-100" />
        Held: name (team)
      </span>
      <span className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-flex h-3.5 w-7 items-center justify-center rounded-sm border border-emerald-700 bg-emerald-100 text-[9px] text-emerald-950">★</span>
        Held by you: ★ name (team)
      </span>
      <span className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3.5 w-7 rounded-sm border border-amber-600 bg-amber-50"
          style={{ backgroundImage: "repeating-linear-gradient(135deg, transparent 0 3px, rgb(217 119 6 / 0.25) 3px 6px)" }}
        />
        Serving a model: Serving · name (team)
      </span>
      <span className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3.5 w-7 rounded-sm border border-dashed border-slate-400"
          style={{ backgroundColor: "rgb(241 245 249)", backgroundImage: "repeating-linear-gradient(135deg, transparent 0 3px, rgb(203 213 225) 3px 5px)" }}
        />
        Pending request (not on a GPU yet)
      </span>
      <span className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-3.5 w-0.5 bg-red-600" />
        Now
      </span>
      <span className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-3.5 w-7 rounded-sm bg-slate-400/20" />
        Past
      </span>
      {canRequest && <span className="text-slate-600">Click a free stretch of a GPU row to request it.</span>}
    </div>
  );
}
