import { KpiSkeleton, ReportSkeleton } from "@/components/savings/skeletons";
import { Skeleton } from "@/components/ui/states";

export default function Loading() {
  return (
    <div className="space-y-10">
      <div aria-hidden="true" className="space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <KpiSkeleton />
      <ReportSkeleton label="Loading savings…" />
    </div>
  );
}
