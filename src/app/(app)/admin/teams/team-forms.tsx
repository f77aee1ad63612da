"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { DeleteRowButton } from "@/components/ui/delete-row-button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import { useOutcomeToasts, useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

export function CreateTeamForm() {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const create = useMutation(trpc.teams.create.mutationOptions({ onSuccess: useSuccess("Team created", () => setName("")) }));
  const error = create.error ? describeError(create.error) : undefined;
  return (
    <ActionForm
      className="mb-6 flex flex-wrap items-start gap-3"
      onSubmit={() => create.mutate({ name })}
    >
      <div className="min-w-64">
        <Field label="New team name" htmlFor="new-team" error={error?.message}>
          <Input id="new-team" value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
        </Field>
      </div>
      <Button type="submit" className="mt-6" loading={create.isPending}>Create team</Button>
    </ActionForm>
  );
}

export function TeamActions({ team }: { team: { id: string; name: string; memberCount: number } }) {
  const trpc = useTRPC();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(team.name);
  const rename = useMutation(trpc.teams.rename.mutationOptions({ onSuccess: useSuccess("Team renamed", () => setRenaming(false)) }));
  const remove = useMutation(trpc.teams.delete.mutationOptions(useOutcomeToasts(`Team ${team.name} deleted`)));
  const renameError = rename.error ? describeError(rename.error) : undefined;
  const empty = team.memberCount === 0;

  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setRenaming(true)} aria-label={`Rename ${team.name}`}>Rename</Button>
      <DeleteRowButton name={team.name} blockedBy={empty ? undefined : "Move its members to another team first"} pending={remove.isPending} onDelete={() => remove.mutate({ teamId: team.id })} />
      {renaming && (
        <Dialog open title={`Rename ${team.name}`} onClose={() => setRenaming(false)}>
          <ActionForm
            className="space-y-4 text-left"
            onSubmit={() => rename.mutate({ teamId: team.id, name })}
          >
            <Field label="Team name" htmlFor="rename-team" error={renameError?.message}>
              <Input id="rename-team" value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
            </Field>
            <SubmitRow onCancel={() => setRenaming(false)} loading={rename.isPending} />
          </ActionForm>
        </Dialog>
      )}
    </div>
  );
}
