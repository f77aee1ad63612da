import { Badge, type BadgeTone } from "@/components/ui/badge";

export type SliceState = "pending" | "upcoming" | "active" | "ended" | "rejected" | "cancelled";

const LOOK: Record<SliceState, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "warning" },
  upcoming: { label: "Upcoming", tone: "info" },
  active: { label: "Active", tone: "success" },
  ended: { label: "Ended", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

/** Where a slice stands: its status, or for approved slices where they are by the clock. */
export function SliceStateBadge({ state }: { state: SliceState }) {
  const { label, tone } = LOOK[state];
  return <Badge tone={tone}>{label}</Badge>;
}
