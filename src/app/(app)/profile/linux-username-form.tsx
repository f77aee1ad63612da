"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
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
    <form
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ linuxUsername: value.trim() });
      }}
    >
      <Field label="Linux user name" htmlFor="linux-username" hint="Your account name on the GPU machines." error={error?.message} className="flex-1">
        <Input id="linux-username" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" />
      </Field>
      <Button type="submit" variant="secondary" loading={save.isPending} disabled={value.trim() === current} className={error ? "mb-6" : undefined}>
        Save
      </Button>
    </form>
  );
}
