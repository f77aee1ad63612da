"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { ActionForm, Input } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

/** One's own Linux user name: the machines' agent tells whose process runs on a GPU by it. */
export function LinuxUsernameForm({ current }: { current: string }) {
  const trpc = useTRPC();
  const [value, setValue] = useState(current);
  const done = useSuccess("Linux user name saved");
  const save = useMutation(trpc.me.setLinuxUsername.mutationOptions({ onSuccess: done }));
  const error = save.error ? describeError(save.error) : undefined;
  return (
    <ActionForm
      onSubmit={() => save.mutate({ linuxUsername: value.trim() })}
    >
      <label htmlFor="linux-username" className="mb-1.5 block font-medium text-slate-500">Linux user name</label>
      <div className="flex gap-2">
        <Input
          id="linux-username"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="flex-1 font-mono"
          aria-describedby={error ? "linux-username-error linux-username-hint" : "linux-username-hint"}
          aria-invalid={error ? true : undefined}
        />
        <Button type="submit" variant="secondary" loading={save.isPending} disabled={value.trim() === current}>
          Save
        </Button>
      </div>
      {error && <p id="linux-username-error" role="alert" className="mt-1.5 text-sm text-red-700">{error.message}</p>}
      <p id="linux-username-hint" className="mt-1.5 text-xs text-slate-500">Your account name on the GPU machines; the machines&apos; agent tells whose process runs on a GPU by it.</p>
    </ActionForm>
  );
}
