"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type Role } from "@/core/roles";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, CheckboxLabel, Field, Input, Select, Textarea, toggled } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import type { RouterOutputs } from "@/trpc/types";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { SignOutEverywhereDialog } from "./sign-out-everywhere";

type UserView = RouterOutputs["users"]["list"]["users"][number];

type Props = {
  user: Pick<UserView, "id" | "name" | "team" | "teamPinned" | "linuxUsername" | "assignedRoles" | "idpRoles" | "active">;
  teams: { id: string; name: string }[];
};

export function UserActions({ user, teams }: Props) {
  const [open, setOpen] = useState<"edit" | "status" | "sign-out" | null>(null);
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setOpen("edit")} aria-label={`Edit ${user.name}`}>
        Edit
      </Button>
      <Button size="sm" variant={user.active ? "ghost" : "secondary"} onClick={() => setOpen("status")} aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}>
        {user.active ? "Deactivate" : "Reactivate"}
      </Button>
      {user.active && (
        <Button size="sm" variant="ghost" onClick={() => setOpen("sign-out")} aria-label={`Sign out ${user.name} everywhere`}>
          Sign out
        </Button>
      )}
      {open === "sign-out" && <SignOutEverywhereDialog user={user} onClose={() => setOpen(null)} />}
      {open === "edit" && <EditUserDialog user={user} teams={teams} onClose={() => setOpen(null)} />}
      {open === "status" && <StatusDialog user={user} onClose={() => setOpen(null)} />}
    </div>
  );
}

function EditUserDialog({ user, teams, onClose }: Props & { onClose: () => void }) {
  const trpc = useTRPC();
  const [teamId, setTeamId] = useState(user.team.id);
  const [roles, setRoles] = useState<Role[]>(user.assignedRoles);
  const [pinned, setPinned] = useState(user.teamPinned);
  const [linuxUsername, setLinuxUsername] = useState(user.linuxUsername);
  const done = useSuccess(`${user.name} updated`, onClose);
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: done }));
  const error = update.error ? describeError(update.error) : undefined;

  return (
    <Dialog open title={`Edit ${user.name}`} onClose={onClose}>
      <ActionForm
        className="space-y-4 text-left"
        onSubmit={() => update.mutate({ userId: user.id, teamId, teamPinned: pinned || teamId !== user.team.id, assignedRoles: roles, linuxUsername: linuxUsername.trim() })}
      >
        <Field label="Team" htmlFor="edit-team" error={error?.field === "teamId" ? error.message : undefined}>
          <Select id="edit-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </Select>
        </Field>
        <div className="flex items-start gap-2 text-sm text-slate-800">
          <input
            id="edit-pinned"
            type="checkbox"
            className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600"
            checked={pinned || teamId !== user.team.id}
            disabled={teamId !== user.team.id}
            onChange={(e) => setPinned(e.target.checked)}
            aria-describedby="edit-pinned-hint"
          />
          <div>
            <label htmlFor="edit-pinned">Pinned by an admin</label>
            <p id="edit-pinned-hint" className="text-xs text-slate-500">
              Unpinned, the identity provider&apos;s groups may set it at each sign-in. Choosing another one pins it.
            </p>
          </div>
        </div>
        <Field label="Linux user name" htmlFor="edit-linux-username" hint="The account name on the GPU machines." error={error?.field === "linuxUsername" ? error.message : undefined}>
          <Input id="edit-linux-username" value={linuxUsername} onChange={(e) => setLinuxUsername(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Roles granted in Rigshare</legend>
          <div className="mt-2 space-y-2">
            {ROLES.map((role) => (
              <CheckboxLabel key={role} checked={roles.includes(role)} onChange={(on) => setRoles(toggled(roles, role, on))}>
                {role}
                {user.idpRoles.includes(role) && <span className="text-xs text-slate-500">(also granted by the identity provider)</span>}
              </CheckboxLabel>
            ))}
          </div>
        </fieldset>
        {error && error.field !== "teamId" && error.field !== "linuxUsername" && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
        <SubmitRow onCancel={onClose} loading={update.isPending} />
      </ActionForm>
    </Dialog>
  );
}

function StatusDialog({ user, onClose }: Pick<Props, "user"> & { onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const deactivating = user.active;
  const done = useSuccess(`${user.name} ${deactivating ? "deactivated" : "reactivated"}`, onClose);
  const setActive = useMutation(trpc.users.setActive.mutationOptions({ onSuccess: done }));
  const error = setActive.error ? describeError(setActive.error) : undefined;

  return (
    <Dialog open title={`${deactivating ? "Deactivate" : "Reactivate"} ${user.name}?`} onClose={onClose}>
      <ActionForm
        className="space-y-4 text-left"
        onSubmit={() => setActive.mutate({ userId: user.id, active: !deactivating, reason: reason.trim() || undefined })}
      >
        <p className="text-sm text-slate-600">
          {deactivating
            ? "They will be signed out at their next request and cannot sign in or use API tokens until reactivated."
            : "They will be able to sign in again."}
        </p>
        <Field label="Reason (optional, kept in the audit log)" htmlFor="status-reason" error={error?.field === "reason" ? error.message : undefined}>
          <Textarea id="status-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </Field>
        {error && error.field !== "reason" && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" variant={deactivating ? "danger" : "primary"} loading={setActive.isPending}>
            {deactivating ? "Deactivate" : "Reactivate"}
          </Button>
        </div>
      </ActionForm>
    </Dialog>
  );
}
