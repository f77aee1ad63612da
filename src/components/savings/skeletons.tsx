import { Skeleton } from "@/components/ui/states";

/** Placeholders shaped like the report's charts and tables while a window loads. */
export function ReportSkeleton({ label = "Loading the report…" }: { label?: string }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">{label}</p>
      <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
      {["h-[340px]", "h-[220px]", "h-[300px]"].map((height) => (
        <div key={height} aria-hidden="true" className="rounded-lg border border-slate-200 bg-white p-5">
          <Skeleton className="mb-2 h-5 w-48" />
          <Skeleton className="mb-5 h-4 w-96 max-w-full" />
          <Skeleton className={`w-full ${height}`} />
        </div>
      ))}
    </div>
  );
}

/** The headline figures' placeholders. */
export function KpiSkeleton() {
  return (
    <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="rounded-lg border border-slate-200 bg-white p-5">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="mt-3 h-8 w-36" />
          <Skeleton className="mt-3 h-3 w-full" />
        </div>
      ))}
    </div>
  );
}
