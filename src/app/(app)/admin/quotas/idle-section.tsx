import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DEFAULT_IDLE_POLICY } from "@/core/idle/policy";
import { api } from "@/trpc/server";
import { IDLE_FIELDS, showMinutes } from "./idle-fields";
import { EditTeamIdle, FleetIdleForm } from "./idle-policy-form";

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
      <Card className="mb-6">
        <CardHeader title="Fleet idle policy" description="Applies to every team without its own value. Blank inherits the built-in value; 0 turns the step off." />
        <CardBody>
          <FleetIdleForm stored={policies.fleet} builtIn={DEFAULT_IDLE_POLICY} />
        </CardBody>
      </Card>
      {policies.teams.length > 0 && (
        <Table containerClassName="relative" caption="The idle policy that applies to each team; values the team sets itself are marked “team”">
          <THead>
            <Tr>
              <Th>Team</Th>
              {IDLE_FIELDS.map((f) => (
                <Th key={f.key}>{f.short}</Th>
              ))}
              <Th><span className="sr-only">Actions</span></Th>
            </Tr>
          </THead>
          <TBody>
            {policies.teams.map(({ team, overrides, effective }) => (
              <Tr key={team.id}>
                <Th scope="row">{team.name}</Th>
                {IDLE_FIELDS.map((f) => {
                  const own = overrides?.[f.key] !== null && overrides?.[f.key] !== undefined;
                  return (
                    <Td key={f.key}>
                      <span className="flex items-center gap-1.5 whitespace-nowrap">
                        <span className={own ? "font-semibold text-slate-900" : "text-slate-600"}>{showMinutes(effective[f.key])}</span>
                        {own ? <Badge tone="info">team</Badge> : <span className="sr-only">(fleet default)</span>}
                      </span>
                    </Td>
                  );
                })}
                <Td className="text-right">
                  <EditTeamIdle team={team} stored={overrides} inherited={policies.fleetEffective} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
