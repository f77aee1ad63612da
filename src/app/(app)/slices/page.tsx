import type { Metadata } from "next";
import { CalendarPlus } from "lucide-react";
import { NotAllowed } from "@/components/shell/not-allowed";
import { requestHref } from "@/components/slices/request-href";
import type { RouterOutputs } from "@/trpc/types";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { groupSlices, PAST_SHOWN } from "./group-slices";
import { SliceItem } from "./slice-item";
import { WaitlistCard } from "./waitlist-card";

type SliceView = RouterOutputs["slices"]["get"];

export const metadata: Metadata = { title: "My slices" };

const DESCRIPTIONS = {
  active: "Running now. Release a slice when you are done so others can use the GPUs.",
  upcoming: "Approved, starting later. Cancel one you no longer need.",
  pending: "Waiting for an admin to decide.",
  past: "Ended, released, rejected or cancelled; the most recent first.",
} as const;

export default async function MySlicesPage({ searchParams }: { searchParams: Promise<{ past?: string }> }) {
  const access = await allowedTo("slices:request");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const showAllPast = (await searchParams).past === "all";
  const trpc = await api();
  const [slices, waitlist]: [SliceView[], RouterOutputs["waitlist"]["mine"]] = await Promise.all([trpc.slices.mine(), trpc.waitlist.mine()]);
  const groups = groupSlices(slices);

  return (
    <>
      <PageHeader
        title="My slices"
        description="Your GPU slices and requests. Times are UTC."
        actions={
          <>
            <ButtonLink href="/schedule" variant="secondary">Schedule</ButtonLink>
            <ButtonLink href="/slices/need" variant="secondary">Ask by need</ButtonLink>
            <ButtonLink href={requestHref()}>Request a slice</ButtonLink>
          </>
        }
      />
      {waitlist.waiting.length + waitlist.recent.length > 0 && (
        <div className="mb-6">
          <WaitlistCard mine={waitlist} />
        </div>
      )}
      {slices.length === 0 ? (
        <EmptyState
          icon={CalendarPlus}
          title="No slices yet"
          description="Request a GPU slice of a machine for a time window; an admin approves it and assigns the GPUs."
          action={<ButtonLink href={requestHref()}>Request a slice</ButtonLink>}
        />
      ) : (
        <div className="space-y-6">
          {groups.active.length + groups.upcoming.length + groups.pending.length === 0 && (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-700">
              <p>You hold no GPUs now, and nothing is coming up or waiting for an admin.</p>
              <ButtonLink href={requestHref()} size="sm">Request a slice</ButtonLink>
            </div>
          )}
          {(["active", "upcoming", "pending", "past"] as const).map((key) => {
            const group = groups[key];
            if (group.length === 0) return null;
            const shown = key === "past" && !showAllPast ? group.slice(0, PAST_SHOWN) : group;
            const title = { active: "Active", upcoming: "Upcoming", pending: "Pending", past: "Past" }[key];
            return (
              <Card key={key} aria-labelledby={`group-${key}`} role="region">
                <CardHeader title={<span id={`group-${key}`}>{key === "past" ? title : `${title} (${group.length})`}</span>} description={DESCRIPTIONS[key]} />
                <ul className="divide-y divide-slate-100">
                  {shown.map((slice) => (
                    <SliceItem key={slice.id} slice={slice} />
                  ))}
                </ul>
                {shown.length < group.length && (
                  <div className="border-t border-slate-100 px-5 py-3 text-sm">
                    <ButtonLink href="/slices?past=all" variant="ghost" size="sm">Show {group.length - shown.length} more</ButtonLink>
                  </div>
                )}
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
