import type { Metadata } from "next";
import { resolvePolicy } from "@/core/slices/policy";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Card, CardBody, SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { IdleSection } from "./idle-section";
import { isOwn, TeamPolicyTable } from "./team-policy-table";
import { LIMIT_FIELDS, showLimit } from "./quota-fields";
import { EditTeamPolicy } from "./policy-parts";
import { QuotaForm } from "./quota-form";

export const metadata: Metadata = { title: "Quotas" };

/** What a policy's values give a form's blank fields to show. */
const inheritedValues = (policy: ReturnType<typeof resolvePolicy>) => ({ limits: Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, f.of(policy.quotas)])), autoApprove: policy.autoApprove });

export default async function QuotasPage() {
  const access = await allowedTo("quotas:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const policies = await (await api()).quotas.list();

  return (
    <>
      <PageHeader title="Quotas" description="Limits on GPU slices for every team and person, and whether requests that fit are approved at once." />
      <Card className="mb-6">
        <CardBody className="text-sm text-slate-700">
          <h2 className="font-semibold text-slate-900">How the values combine</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>
              <strong>Blank</strong> means inherit: a team uses the fleet default, and the fleet default uses Rigshare&apos;s built-in value.
            </li>
            <li>
              <strong>0</strong> means no limit.
            </li>
            <li>Quotas are checked when someone asks and again at approval. An admin may approve over quota with a written reason, kept in the audit log.</li>
            <li>Auto-approve approves at once every request that fits both the machine and the quotas; the rest still wait for an admin.</li>
          </ul>
        </CardBody>
      </Card>

      <SectionCard className="mb-8" title="Fleet defaults" description="Apply to every team without its own value.">
        <QuotaForm stored={policies.fleet} inherited={inheritedValues(resolvePolicy(null, null))} inheritedFrom="built-in" />
      </SectionCard>

      <h2 className="mb-3 text-lg font-semibold text-slate-900">Teams</h2>
      {policies.teams.length === 0 ? (
        <EmptyState title="No teams yet" description="Teams appear here once created under Teams." headingLevel={3} />
      ) : (
        <TeamPolicyTable
          caption="What applies to each team; values the team sets itself are marked “team”, the others come from the fleet defaults"
          columns={[...LIMIT_FIELDS.map((f) => f.short), "Auto-approve"]}
          rows={policies.teams.map(({ team, overrides, effective }) => ({
            team,
            values: [
              ...LIMIT_FIELDS.map((f) => ({ text: showLimit(f.of(effective.quotas)), own: isOwn(overrides?.[f.key]) })),
              { text: effective.autoApprove ? "On" : "Off", own: isOwn(overrides?.autoApprove) },
            ],
            edit: (
              <EditTeamPolicy team={team} what="quotas" description="Blank inherits the fleet default; 0 means no limit.">
                <QuotaForm team={team} stored={overrides} inherited={inheritedValues(policies.fleetEffective)} inheritedFrom="fleet" />
              </EditTeamPolicy>
            ),
          }))}
        />
      )}
      <IdleSection />
    </>
  );
}
