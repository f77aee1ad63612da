"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { LocalTime } from "@/components/time/local-time";
import { useTRPC } from "@/trpc/react";

/**
 * For admins on the machine's page: the agent's install steps, a one-time enrollment code (valid
 * for an hour) and revocation of the machine's credential.
 */
export function AgentEnrollment({ machine, portalUrl }: { machine: { id: string; name: string }; portalUrl: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [code, setCode] = useState<{ code: string; expiresAt: Date } | null>(null);
  const create = useMutation(trpc.telemetry.createAgentCode.mutationOptions({ onSuccess: (created) => setCode(created), onError: (error) => toast.error(error.message) }));
  const revoke = useMutation(trpc.telemetry.revokeAgent.mutationOptions({ onSuccess: (r) => toast.success(r.revoked ? `The agent of ${machine.name} is revoked; it stops at its next report.` : "There was no credential to revoke."), onError: (error) => toast.error(error.message) }));
  const shownCode = code?.code ?? "CODE";
  return (
    <Card>
      <CardHeader
        title="Machine agent"
        description="Reports GPU use every 10 seconds. Runs as a root systemd service on Node 20; nothing else to install."
        actions={
          <>
            <Button variant="secondary" onClick={() => create.mutate({ machineId: machine.id })} disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create enrollment code"}
            </Button>
            <Button variant="danger" onClick={() => revoke.mutate({ machineId: machine.id })} disabled={revoke.isPending}>
              Revoke credential
            </Button>
          </>
        }
      />
      <CardBody className="space-y-3 text-sm text-slate-800">
        {code && (
          <p role="status" className="rounded-md bg-indigo-50 px-3 py-2 text-indigo-900">
            Enrollment code <code className="font-mono text-base font-semibold">{code.code}</code>, valid once until <LocalTime at={code.expiresAt} />. It is shown only now.
          </p>
        )}
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            Build the agent once in the repository (<code>npm run build:agent</code>) and copy <code>dist/rigshare-agent.mjs</code> to <code>/opt/rigshare/</code> on {machine.name}.
          </li>
          <li>
            Enroll, as root:
            <pre className="mt-1 overflow-x-auto rounded bg-slate-900 px-3 py-2 text-xs text-slate-100">{`node /opt/rigshare/rigshare-agent.mjs enroll --portal ${portalUrl} --code ${shownCode}`}</pre>
          </li>
          <li>
            Install the service as <code>/etc/systemd/system/rigshare-agent.service</code>, then <code>systemctl enable --now rigshare-agent</code>:
            <pre className="mt-1 overflow-x-auto rounded bg-slate-900 px-3 py-2 text-xs text-slate-100">{UNIT_FILE}</pre>
          </li>
          <li>
            Check: <code>node /opt/rigshare/rigshare-agent.mjs status</code>; live use appears above within a minute.
          </li>
        </ol>
      </CardBody>
    </Card>
  );
}

export const UNIT_FILE = `[Unit]
Description=Rigshare machine agent
After=network-online.target nvidia-persistenced.service
Wants=network-online.target

[Service]
ExecStart=/usr/bin/node /opt/rigshare/rigshare-agent.mjs run
Restart=always
RestartSec=10
StateDirectory=rigshare-agent

[Install]
WantedBy=multi-user.target`;
