import { SectionCard } from "@/components/ui/card";
import { DEFAULT_IDLE_POLICY } from "@/core/idle/policy";
import { api } from "@/trpc/server";
import { IDLE_FIELDS, showMinutes } from "./idle-fields";
import { IdleForm } from "./idle-policy-form";
import { EditTeamPolicy } from "./policy-parts";
import { isOwn, TeamPolicyTable } from "./team-policy-table";

/** The idle-GPU policy: when a held GPU nobody uses is told about, released or reclaimed. */
export async function IdleSection() {
  const policies = await (await api()).enforcement.idlePolicies();
  return (
    <section aria-labelledby="idle-heading" className="mt-10">
      <h2 id="idle-heading" className="mb-1 text-lg font-semibold text-slate-900">Idle GPUs</h2>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Judged from the machines&apos; agents only (a GPU sample is idle at 0 %); a machine whose agent is silent never loses a slice. A no-show is a slice on whose GPUs
        nothing ran since it started. Machines in <em>observe</em> mode do nothing, in <em>warn</em> mode only tell, in <em>enforce</em> mode also release and reclaim. Admins can exempt a
        slice on its machine&apos;s page.
      </p>
      <SectionCard className="mb-6" title="Fleet idle policy" description="Applies to every team without its own value. Blank inherits the built-in value; 0 turns the step off.">
        <IdleForm stored={policies.fleet} inherited={DEFAULT_IDLE_POLICY} inheritedFrom="built-in" />
      </SectionCard>
      {policies.teams.length > 0 && (
        <TeamPolicyTable
          caption="The idle policy that applies to each team; values the team sets itself are marked “team”"
          columns={IDLE_FIELDS.map((f) => f.short)}
          rows={policies.teams.map(({ team, overrides, effective }) => ({
            team,
            values: IDLE_FIELDS.map((f) => ({ text: showMinutes(effective[f.key]), own: isOwn(overrides?.[f.key]) })),
            edit: (
              <EditTeamPolicy team={team} what="idle policy" description="Blank inherits the fleet default; 0 turns the step off.">
                <IdleForm team={team} stored={overrides} inherited={policies.fleetEffective} inheritedFrom="fleet" />
              </EditTeamPolicy>
            ),
          }))}
        />
      )}
    </section>
  );
}
