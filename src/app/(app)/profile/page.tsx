import type { Metadata } from "next";
import { can } from "@/core/permissions";
import { ActivityList } from "@/components/audit/activity-list";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/format";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const trpc = await api();
  const [profile, activity] = await Promise.all([trpc.me.profile(), trpc.me.activity({ limit: 20 })]);
  return (
    <>
      <PageHeader
        title={profile.name}
        description={profile.email}
        actions={
          <>
            <ButtonLink href="/profile/notifications" variant="secondary">Notification settings</ButtonLink>
            {can(profile.roles, "tokens:manage") && <ButtonLink href="/profile/tokens" variant="secondary">API tokens</ButtonLink>}
            <ButtonLink href="/api-docs" variant="ghost">API documentation</ButtonLink>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Your account" />
          <CardBody>
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
                <dt className="font-medium text-slate-500">Last sign-in</dt>
                <dd className="mt-1 text-slate-900">{profile.lastSignInAt ? formatDateTime(profile.lastSignInAt) : "—"}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-500">Member since</dt>
                <dd className="mt-1 text-slate-900">{formatDateTime(profile.createdAt)}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Recent activity" description="Changes you made and changes made to your account." />
          <CardBody>
            <ActivityList entries={activity.entries} emptyText="Nothing has happened on your account yet." />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
