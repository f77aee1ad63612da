"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { useOutcomeToasts } from "@/components/use-success";

const EXPIRIES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
];

/** `canWrite`: whether the person's roles allow read-and-write tokens (leadership holds read-only ones). */
export function CreateTokenForm({ canWrite }: { canWrite: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [days, setDays] = useState(30);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (token) => {
        setCreated({ name: token.name, token: token.token });
        setName("");
        router.refresh();
      },
    }),
  );
  const error = create.error ? describeError(create.error) : undefined;

  if (created) return <NewToken {...created} onDone={() => setCreated(null)} />;
  return (
    <ActionForm
      aria-label="Create an API token"
      className="space-y-4"
      onSubmit={() => create.mutate({ name, scope, expiresInDays: days })}
    >
      <Field label="Name" htmlFor="token-name" hint="What uses it, e.g. “training notebook”." error={error?.field === "name" || !error?.field ? error?.message : undefined} required>
        <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required minLength={2} maxLength={60} autoComplete="off" />
      </Field>
      <Field label="Scope" htmlFor="token-scope" hint={scope === "read" ? `Can list and read, never change anything.${canWrite ? "" : " Your roles allow read-only tokens."}` : "Can also request, release and cancel slices, and whatever else your roles allow."}>
        <Select id="token-scope" value={scope} onChange={(e) => setScope(e.target.value as "read" | "write")}>
          <option value="read">Read only</option>
          {canWrite && <option value="write">Read and write</option>}
        </Select>
      </Field>
      <Field label="Expires after" htmlFor="token-expiry">
        <Select id="token-expiry" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {EXPIRIES.map((e) => (
            <option key={e.days} value={e.days}>{e.label}</option>
          ))}
        </Select>
      </Field>
      <Button type="submit" loading={create.isPending}>Create token</Button>
    </ActionForm>
  );
}

/** The token, once: it is not stored anywhere the portal can show it again. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  // Only ever rendered after a click, in the browser.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const toast = useToast();
  // Focus moves to the news, so screen readers announce it and keyboard users continue from there.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success("Token copied");
    } catch {
      // Without clipboard access (an insecure origin, a denied permission) the text is selected for Ctrl+C instead.
      field.current?.select();
      toast.error("Copying was not allowed; the token is selected, press Ctrl+C.");
    }
  }

  return (
    <div role="region" aria-labelledby="new-token-heading" className="space-y-4">
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
        <h3 id="new-token-heading" ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
          Token “{name}” created
        </h3>
        <p className="mt-1">Copy it now and keep it somewhere safe: it will not be shown again.</p>
      </div>
      <Field label="Your new token" htmlFor="new-token">
        <Input id="new-token" ref={field} readOnly value={token} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={copy}>
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {copied ? "Copied" : "Copy token"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>Done</Button>
      </div>
      <div className="text-sm text-slate-700">
        <p>Try it:</p>
        <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0} aria-label="Example request">
          {`curl -H "Authorization: Bearer ${token}" \\\n  ${origin}/api/v1/machines`}
        </pre>
      </div>
    </div>
  );
}

export function RevokeTokenButton({ token }: { token: { id: string; name: string } }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions(useOutcomeToasts(`Token “${token.name}” revoked`, () => setConfirming(false))),
  );
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
      {confirming && (
        <Dialog open size="sm" title={`Revoke “${token.name}”?`} description="Scripts using it stop working at once. This cannot be undone." onClose={() => setConfirming(false)}>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" loading={revoke.isPending} onClick={() => revoke.mutate({ tokenId: token.id })}>Revoke token</Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
