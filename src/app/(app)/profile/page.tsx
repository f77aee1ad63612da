import type { Metadata } from "next";
import { can } from "@/core/permissions";
import { ActivityList } from "@/components/audit/activity-list";
import { ButtonLink } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/badge";
import { LocalTime } from "@/components/time/local-time";
import { viewerZone } from "@/server/auth/viewer-zone";
import { api } from "@/trpc/server";
import { LinuxUsernameForm } from "./linux-username-form";
import { SessionsList } from "./sessions-list";
import { TimeZoneForm } from "./time-zone-form";

export const metadata: Metadata = { title: "Profile" };

/** The instant the page is rendered at (the time zone form shows the time now in the chosen zone). */
async function readClock() {
  return Date.now();
}

export default async function ProfilePage() {
  const trpc = await api();
  const [profile, activity, sessions, { zone }, now] = await Promise.all([
    trpc.me.profile(),
    trpc.me.activity({ limit: 20 }),
    trpc.me.sessions(),
    viewerZone(),
    readClock(),
  ]);
  // The zones this runtime knows, in the order people look for them; UTC first.
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return (
    <>
      <PageHeader
        title={profile.name}
        description={profile.email}
        actions={
          <>
            <ButtonLink href="/profile/notifications" variant="secondary">Notification settings</ButtonLink>
            {can(profile.roles, "tokens:read") && <ButtonLink href="/profile/tokens" variant="secondary">API tokens</ButtonLink>}
            <ButtonLink href="/api-docs" variant="ghost">API documentation</ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6">
        <SectionCard title="Your account">
          <dl className="space-y-4 text-sm">
            <div>
              <dt className="font-medium text-slate-500">Team</dt>
              <dd className="mt-1 text-slate-900">{profile.team.name}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Roles</dt>
              <dd className="mt-1 flex flex-wrap gap-2">
                {profile.roles.map((role) => (
                  <RoleBadge key={role} role={role} />
                ))}
              </dd>
            </div>
            <div>
              <dt className="sr-only">Linux user name</dt>
              <dd>
                <LinuxUsernameForm current={profile.linuxUsername} />
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Last sign-in</dt>
              <dd className="mt-1 text-slate-900">{profile.lastSignInAt ? <LocalTime at={profile.lastSignInAt} /> : "—"}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Member since</dt>
              <dd className="mt-1 text-slate-900"><LocalTime at={profile.createdAt} /></dd>
            </div>
          </dl>
        </SectionCard>
        <SectionCard id="time-zone" title="Time zone" description="Pages show every time in this zone, with its name; hover a time to see it in UTC. Exports and the API use ISO 8601 with offsets.">
          <TimeZoneForm chosen={profile.timeZone} zones={zones} now={now} />
        </SectionCard>
        </div>
        <SectionCard className="lg:col-span-2" title="Where you are signed in" description="Sign out a browser you no longer use; it stops working at once.">
          <SessionsList sessions={sessions} />
        </SectionCard>
        <SectionCard className="lg:col-span-3" title="Recent activity" description="Changes you made and changes made to your account.">
          <ActivityList zone={zone} entries={activity.entries} emptyText="Nothing has happened on your account yet." />
        </SectionCard>
      </div>
    </>
  );
}
