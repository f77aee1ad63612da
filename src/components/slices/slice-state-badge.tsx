import { LookBadge, type BadgeLooks } from "@/components/ui/badge";

export type SliceState = "pending" | "upcoming" | "active" | "ended" | "rejected" | "cancelled";

const LOOKS: BadgeLooks<SliceState> = {
  pending: { label: "Pending", tone: "warning" },
  upcoming: { label: "Upcoming", tone: "info" },
  active: { label: "Active", tone: "success" },
  ended: { label: "Ended", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

/** Where a slice stands: its status, or for approved slices where they are by the clock. */
export const SliceStateBadge = ({ state }: { state: SliceState }) => <LookBadge looks={LOOKS} value={state} />;
