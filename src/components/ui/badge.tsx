import { clsx } from "clsx";
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-800 ring-red-200",
};

export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONES[tone], className)}>
      {children}
    </span>
  );
}

/** How each value of a status-like field shows as a badge. */
export type BadgeLooks<V extends string> = Record<V, { label: string; tone: BadgeTone }>;

/** The badge of one value, looked up in its field's table of looks. */
export function LookBadge<V extends string>({ looks, value }: { looks: BadgeLooks<V>; value: V }) {
  const { label, tone } = looks[value];
  return <Badge tone={tone}>{label}</Badge>;
}

export type RoleName = "member" | "admin" | "leadership";

const ROLE_LOOKS: BadgeLooks<RoleName> = {
  member: { label: "Member", tone: "neutral" },
  admin: { label: "Admin", tone: "info" },
  leadership: { label: "Leadership", tone: "success" },
};

export const RoleBadge = ({ role }: { role: RoleName }) => <LookBadge looks={ROLE_LOOKS} value={role} />;
