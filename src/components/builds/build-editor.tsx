"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy, RotateCcw, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { checkBuild } from "@/core/builds/checks";
import { buildTotalMicros } from "@/core/builds/parts";
import { LocalTime } from "@/components/time/local-time";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionForm, Field, Input, Select, Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import type { BuildStatus } from "@/contracts/builds";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";
import { DeleteBuild, MachineLink, type LinkableMachine } from "./build-admin";
import { BuildInsights } from "./build-insights";
import { BuildStatusBadge, STATUS_LABELS } from "./build-status";
import { coreParts, draftOf, readDraft, sameSave, type BuildDraft } from "./draft";
import { EditorToolbar } from "./editor-toolbar";
import { PartsTable } from "./parts-table";
import { QuotesTable } from "./quotes-table";
import { useSuccess } from "@/components/use-success";

type BuildView = RouterOutputs["builds"]["get"];

const EMPTY: BuildDraft = { name: "", status: "planned", notes: "", parts: [], quotes: [] };

/** A freshly saved build keeps the editor's line keys (same lines, same order), so open spec panels stay open. */
function keepKeys(next: BuildDraft, current: BuildDraft): BuildDraft {
  if (next.parts.length !== current.parts.length) return next;
  return { ...next, parts: next.parts.map((part, i) => ({ ...part, key: current.parts[i]!.key })) };
}

/** "parts.3.quantity: must be …" from the server, as a person reads it. */
function readableServerError(message: string, draft: BuildDraft): string {
  return message.replace(/^parts\.(\d+)\.([\w.]+): /, (_, index: string, field: string) => {
    const name = draft.parts[Number(index)]?.name.trim();
    return `Part ${Number(index) + 1}${name ? ` (${name})` : ""}, ${field.replace("specs.", "")}: `;
  });
}

/**
 * The parts-list editor. Everything runs in the browser as you type (totals, the seven checks,
 * the premium avoided, the break-even estimate: the core is pure), and the whole list is saved
 * in one call, refused if someone else saved in between.
 */
export function BuildEditor({ build, canManage, machines }: { build: BuildView | null; canManage: boolean; machines: LinkableMachine[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(build);
  const [baseline, setBaseline] = useState(() => (build ? draftOf(build) : EMPTY));
  const [draft, setDraft] = useState(baseline);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [attempts, setAttempts] = useState(0);

  const { payload, errors } = useMemo(() => readDraft(draft), [draft]);
  const parts = useMemo(() => coreParts(draft, payload), [draft, payload]);
  const checks = useMemo(() => checkBuild(parts), [parts]);
  const totalMicros = useMemo(() => {
    try {
      return buildTotalMicros(parts);
    } catch {
      return null;
    }
  }, [parts]);
  const dirty = !sameSave(draft, baseline);
  const readOnly = !canManage;
  const errorCount = Object.keys(errors).length;
  const shownErrors = attempts > 0 ? errors : Object.fromEntries(Object.entries(errors).filter(([key]) => touched.has(key)));
  // What the parts and the quotes tables share: the errors shown, the build's total, whether it may change.
  const tableProps = { errors: shownErrors, totalMicros, readOnly, onTouch: (key: string) => setTouched(new Set(touched).add(key)) };

  const reset = (view: BuildView, keys: BuildDraft) => {
    const next = keepKeys(draftOf(view), keys);
    setSaved(view);
    setBaseline(next);
    setDraft(next);
    setTouched(new Set());
    setAttempts(0);
  };
  const save = useMutation(
    trpc.builds.save.mutationOptions({
      onSuccess: useSuccess((view) => `Saved ${view.name}`, (view) => reset(view, draft)),
    }),
  );
  const create = useMutation(
    trpc.builds.create.mutationOptions({
      onSuccess: (view) => {
        setBaseline(draft);
        toast.success(`Created ${view.name}`);
        router.push(`/builds/${view.id}`);
      },
    }),
  );
  const duplicate = useMutation(
    trpc.builds.duplicate.mutationOptions({
      onSuccess: (copy) => {
        toast.success(`Duplicated as ${copy.name}`);
        router.push(`/builds/${copy.id}`);
      },
      onError: (error) => toast.error(describeError(error).message),
    }),
  );

  // A failed save moves focus to the first field to fix, once the errors are on screen.
  useEffect(() => {
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  // Unsaved changes are not lost by accident: closing or reloading the tab asks the browser to
  // confirm, and so does following a link inside the app (caught before Next's <Link> acts on it).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const confirmLeave = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link && !event.defaultPrevented && !window.confirm("Leave this build? Your unsaved changes will be lost.")) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", confirmLeave, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", confirmLeave, true);
    };
  }, [dirty]);

  const submit = () => {
    save.reset();
    create.reset();
    setAttempts((n) => n + 1);
    if (errorCount > 0) return;
    if (saved) save.mutate({ buildId: saved.id, expectedUpdatedAt: saved.updatedAt, ...payload });
    else create.mutate(payload);
  };

  const loadLatest = async () => {
    if (!saved) return;
    const view = await queryClient.fetchQuery({ ...trpc.builds.get.queryOptions({ buildId: saved.id }), staleTime: 0 });
    save.reset();
    reset(view, draft);
    toast.success("Loaded the latest version");
  };

  const failure = save.error ?? create.error;
  const described = failure ? describeError(failure) : undefined;
  const conflict = described?.field === "expectedUpdatedAt" ? described.message : undefined;
  const fieldError = (field: "name" | "status" | "notes") => shownErrors[field] ?? (described?.field === field ? described.message : undefined);
  const otherError = described && !conflict && !["name", "status", "notes"].includes(described.field ?? "") ? readableServerError(described.message, draft) : undefined;

  const pricedQuotes = payload.quotes.filter((_, i) => !errors[`quotes.${draft.quotes[i]!.key}.price`]);
  const setStatus = (status: BuildStatus) => setDraft({ ...draft, status });

  const content = (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{saved?.name ?? "New build"}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          {saved ? (
            <>
              <BuildStatusBadge status={saved.status} />
              <span>{saved.machine ? `Runs machine ${saved.machine.name}` : "Not linked to a machine"}</span>
              <span>Last saved <LocalTime at={saved.updatedAt} /></span>
            </>
          ) : (
            <span>Name it, add its parts, and watch the checks as you go. Nothing is stored until you create it.</span>
          )}
        </div>
      </header>

      {canManage && (
        <EditorToolbar
          isNew={!saved}
          dirty={dirty}
          saving={save.isPending || create.isPending}
          errorCount={attempts > 0 ? errorCount : 0}
          conflict={conflict}
          serverError={otherError}
          onLoadLatest={loadLatest}
          actions={
            <>
              {dirty && saved && (
                <Button variant="ghost" onClick={() => reset(saved, draft)}>
                  <RotateCcw aria-hidden="true" />
                  Discard<span className="max-sm:hidden"> changes</span>
                </Button>
              )}
              {saved && (
                <Button
                  variant="secondary"
                  disabled={dirty}
                  title={dirty ? "Save or discard your changes to duplicate the build" : "A planned copy of the saved build"}
                  loading={duplicate.isPending}
                  onClick={() => duplicate.mutate({ buildId: saved.id })}
                >
                  <Copy aria-hidden="true" />
                  Duplicate
                </Button>
              )}
              <Button type="submit" disabled={!dirty} loading={save.isPending || create.isPending}>
                <Save aria-hidden="true" />
                {saved ? "Save" : "Create build"}
              </Button>
            </>
          }
        />
      )}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {canManage ? (
            <Card>
              <CardHeader title="Details" />
              <CardBody className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
                <Field label="Name" htmlFor="build-name" required error={fieldError("name")}>
                  <Input
                    id="build-name"
                    value={draft.name}
                    maxLength={100}
                    required
                    placeholder="e.g. Zeus with a 4th GPU"
                    onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                    onBlur={() => setTouched(new Set(touched).add("name"))}
                  />
                </Field>
                <Field label="Status" htmlFor="build-status" error={fieldError("status")}>
                  <Select id="build-status" value={draft.status} onChange={(e) => setStatus(e.target.value as BuildStatus)}>
                    {Object.entries(STATUS_LABELS).map(([status, label]) => (
                      <option key={status} value={status}>{label}</option>
                    ))}
                  </Select>
                </Field>
                <Field label="Notes" htmlFor="build-notes" className="sm:col-span-2" error={fieldError("notes")}>
                  <Textarea id="build-notes" rows={2} value={draft.notes} maxLength={5000} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
                </Field>
              </CardBody>
            </Card>
          ) : (
            draft.notes && <p className="text-sm whitespace-pre-line text-slate-700">{draft.notes}</p>
          )}

          <Card>
            <CardHeader title="Parts" description={readOnly ? undefined : "Prices in dollars and cents. Open a line's specs to give the checks what they need."} />
            <CardBody className="max-md:px-3">
              <PartsTable {...tableProps} parts={draft.parts} lines={payload.parts} checks={checks} onChange={(next) => setDraft({ ...draft, parts: next })} />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Vendor quotes" description="What vendors asked for a comparable machine, and what building it ourselves avoids." />
            <CardBody className="max-md:px-3">
              <QuotesTable {...tableProps} quotes={draft.quotes} lines={payload.quotes} onChange={(next) => setDraft({ ...draft, quotes: next })} />
            </CardBody>
          </Card>
        </div>

        <aside className="min-w-0 space-y-6" aria-label="Build summary">
          <BuildInsights parts={parts} checks={checks} totalMicros={totalMicros} quotes={pricedQuotes} />

          {saved && (
            <Card>
              <CardHeader title="Machine" />
              <CardBody className="space-y-4">
                <MachineLink build={saved} machines={machines} canManage={canManage} onChanged={setSaved} />
                {canManage && <DeleteBuild build={saved} />}
              </CardBody>
            </Card>
          )}
        </aside>
      </div>
    </>
  );

  if (!canManage) return content;
  return (
    <ActionForm
      ref={formRef}
      noValidate
      // Whatever gets focus scrolls clear of the sticky save bar above it.
      className="[&_:is(input,select,textarea,button)]:scroll-mt-40"
      onSubmit={() => submit()}
    >
      {content}
    </ActionForm>
  );
}

