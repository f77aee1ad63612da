import { AgentEnrollment } from "@/components/telemetry/agent-enrollment";
import { LiveGpus } from "@/components/telemetry/live-gpus";
import { env } from "@/server/env";

/** The machine page's live use (everyone) and, for admins, the agent's enrollment. */
export function MachineTelemetry({ machine, manage }: { machine: { id: string; name: string }; manage: boolean }) {
  return (
    <div className="mt-8 space-y-6">
      <LiveGpus machineId={machine.id} machineName={machine.name} />
      {manage && <AgentEnrollment machine={machine} portalUrl={env().AUTH_URL} />}
    </div>
  );
}
