import { machineSpecProblems } from "@/core/inventory/machine-spec";
import { defaultSliceAmounts } from "@/core/slices/capacity";
import {
  canonical,
  COST_DEFAULTS,
  given,
  IMPORTED_PURPOSE,
  iso,
  keys,
  MACHINE_DEFAULTS,
  sortQuotes,
  type CompleteDocument,
  type MachineRecord,
  type PriceRecord,
  type QuotaRecord,
  type SliceRecord,
  type TeamRecord,
  type UserRecord,
} from "./records";
import { changesOf, isChange, linuxUsernameClashes, list, mergeSection, namesOf, unknown, type Entry } from "./merge";
import { QUOTA_RECORD_LIMITS } from "./schema";
import { SECTIONS, type CheckedDocument, type ImportOutcome, type ImportPlan, type Problem, type Section, type SkippedKeys } from "./plan-model";
import { machineCapacityOf, sliceProblems, type SliceEntry } from "./slice-checks";

const UNIT_LABEL = { gpu_hour: "GPU-hour", vcpu_hour: "vCPU-hour", gb_hour: "GB-hour" } as const;

/**
 * Plans the import of `doc` into what is `stored` (a complete export of the database): resolves
 * every reference, completes every record, checks the merged whole (machine specifications, the
 * slice invariants of PRODUCT.md, uniqueness) and lists what would be created or changed. Pure:
 * the caller passes the clock and how an externalId maps to a slice id.
 */
export function planImport(
  doc: CheckedDocument,
  stored: CompleteDocument,
  options: { now: number; sliceIdFor: (externalId: string) => string; skipped?: SkippedKeys },
): ImportOutcome {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  /** A reference to a record that failed its own checks is not reported a second time. */
  const report = (section: keyof SkippedKeys, key: string, problem: Problem) => {
    if (!options.skipped?.[section]?.has(key)) problems.push(problem);
  };

  const teams = mergeSection("teams", doc.teams, stored.teams, { input: (t) => keys.team(t.name), record: (t) => keys.team(t.name), field: "name" }, (t) => ({ name: t.name }), problems);
  const teamName = (name: string, path: string) => {
    const team = teams.get(keys.team(name));
    if (!team) report("teams", keys.team(name), { path, message: unknown("team", name, "teams", namesOf(teams)) });
    return team?.record.name;
  };

  const users = mergeSection("users", doc.users, stored.users, { input: (u) => keys.user(u.email), record: (u) => keys.user(u.email), field: "email" }, (u, before, path) => {
    const team = teamName(u.team, `${path}.team`);
    return team === undefined
      ? null
      : { email: u.email, name: u.name, team, roles: u.roles ?? before?.roles ?? [], active: u.active ?? before?.active ?? true, linuxUsername: u.linuxUsername ?? before?.linuxUsername ?? null };
  }, problems);
  problems.push(...linuxUsernameClashes(users));

  const gpuModels = mergeSection("gpuModels", doc.gpuModels, stored.gpuModels, { input: (m) => keys.gpuModel(m.name), record: (m) => keys.gpuModel(m.name), field: "name" }, (m, before) => ({
    name: m.name,
    vramGb: m.vramGb,
    boardPowerW: m.boardPowerW,
    cloudSku: m.cloudSku !== undefined ? m.cloudSku : (before?.cloudSku ?? null),
  }), problems);

  const prices = mergeSection("prices", doc.prices, stored.prices, { input: (p) => keys.price(p.sku, p.effectiveFrom), record: (p) => keys.price(p.sku, p.effectiveFrom), field: "effectiveFrom" }, (p, before, path) => {
    const record: PriceRecord = { provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: p.priceMicros, effectiveFrom: iso(p.effectiveFrom), sourceNote: p.sourceNote ?? before?.sourceNote ?? "" };
    if (before && (before.priceMicros !== record.priceMicros || before.unit !== record.unit)) {
      problems.push({
        path: `${path}.priceMicros`,
        message: `SKU ${p.sku} already has a price effective ${before.effectiveFrom} (${before.priceMicros} micro-dollars per ${UNIT_LABEL[before.unit]}); prices are never edited in place, so add an entry with a new effective date instead`,
      });
      return null;
    }
    return record;
  }, problems);
  // A SKU's unit is the one it is stored with, else the first the document gives it.
  const unitOfSku = new Map<string, PriceRecord["unit"]>();
  const priceEntries = [...prices.values()];
  for (const { record } of [...priceEntries.filter((e) => !e.path), ...priceEntries.filter((e) => e.path)]) {
    if (!unitOfSku.has(record.sku)) unitOfSku.set(record.sku, record.unit);
  }
  for (const { record, path } of prices.values()) {
    const unit = unitOfSku.get(record.sku)!;
    if (path && record.unit !== unit) problems.push({ path: `${path}.unit`, message: `SKU ${record.sku} is priced per ${UNIT_LABEL[unit]} elsewhere; one SKU has one unit` });
  }
  const checkSku = (sku: string | null, unit: PriceRecord["unit"], path: string, what: string) => {
    if (sku === null) return;
    const found = unitOfSku.get(sku);
    if (!found) warnings.push({ path, message: `no price in the catalog for SKU ${sku}; ${what} stay unpriced in the savings report until one is added` });
    else if (found !== unit) problems.push({ path, message: `SKU ${sku} is priced per ${UNIT_LABEL[found]}, not per ${UNIT_LABEL[unit]}` });
  };
  for (const { record, path } of gpuModels.values()) if (path) checkSku(record.cloudSku, "gpu_hour", `${path}.cloudSku`, `GPU-hours of ${record.name}`);

  const builds = mergeSection("builds", doc.builds, stored.builds, { input: (b) => keys.build(b.name), record: (b) => keys.build(b.name), field: "name" }, (b, before) => ({
    name: b.name,
    status: b.status ?? before?.status ?? "planned",
    notes: b.notes ?? before?.notes ?? "",
    parts: b.parts ? b.parts.map((p) => ({ category: p.category, name: p.name, quantity: p.quantity, unitPriceMicros: p.unitPriceMicros, specs: given(p.specs) })) : (before?.parts ?? []),
    quotes: sortQuotes(b.quotes ? b.quotes.map((q) => ({ vendor: q.vendor, description: q.description ?? "", priceMicros: q.priceMicros, quotedAt: q.quotedAt ? iso(q.quotedAt) : null })) : (before?.quotes ?? [])),
  }), problems);

  /** Where the document lists each GPU, by machine key and index, for problems about its UUID. */
  const gpuPaths = new Map<string, string>();
  const machines = mergeSection("machines", doc.machines, stored.machines, { input: (m) => keys.machine(m.name), record: (m) => keys.machine(m.name), field: "name" }, (m, before, path) => {
    let usable = true;
    let build = before?.build ?? null;
    if (m.build !== undefined) {
      const found = m.build === null ? null : builds.get(keys.build(m.build));
      if (found === undefined) {
        report("builds", keys.build(m.build!), { path: `${path}.build`, message: unknown("build", m.build!, "builds", namesOf(builds)) });
        usable = false;
      }
      build = found ? found.record.name : null;
    }
    const gpus = new Map((before?.gpus ?? []).map((g) => [g.index, g]));
    (m.gpus ?? []).forEach((g, i) => {
      const gpuPath = `${path}.gpus[${i}]`;
      if (gpuPaths.has(`${keys.machine(m.name)}#${g.index}`)) {
        problems.push({ path: `${gpuPath}.index`, message: `GPU ${g.index} is listed twice` });
        return;
      }
      gpuPaths.set(`${keys.machine(m.name)}#${g.index}`, gpuPath);
      const model = gpuModels.get(keys.gpuModel(g.model));
      if (!model) {
        report("gpuModels", keys.gpuModel(g.model), { path: `${gpuPath}.model`, message: unknown("GPU model", g.model, "gpuModels", namesOf(gpuModels)) });
        usable = false;
        return;
      }
      gpus.set(g.index, { index: g.index, model: model.record.name, uuid: g.uuid !== undefined ? g.uuid : (gpus.get(g.index)?.uuid ?? null) });
    });
    const kept = before ?? MACHINE_DEFAULTS;
    const record: MachineRecord = {
      name: m.name,
      location: m.location ?? kept.location,
      status: m.status ?? kept.status,
      cpuModel: m.cpuModel,
      cores: m.cores,
      threads: m.threads,
      ramGb: m.ramGb,
      storage: m.storage ?? kept.storage,
      inServiceAt: iso(m.inServiceAt),
      retiredAt: m.retiredAt !== undefined ? (m.retiredAt && iso(m.retiredAt)) : kept.retiredAt,
      reservedThreads: m.reservedThreads ?? kept.reservedThreads,
      reservedRamGb: m.reservedRamGb ?? kept.reservedRamGb,
      build,
      costs: { ...COST_DEFAULTS, ...(before?.costs ?? {}), ...given(m.costs) },
      gpus: [...gpus.values()].sort((a, b) => a.index - b.index),
    };
    for (const p of machineSpecProblems({ ...record, inServiceAt: Date.parse(record.inServiceAt), retiredAt: record.retiredAt === null ? null : Date.parse(record.retiredAt) })) {
      problems.push({ path: `${path}.${p.field}`, message: p.message });
    }
    const missing = record.gpus.findIndex((g, i) => g.index !== i);
    if (missing >= 0) problems.push({ path: `${path}.gpus`, message: `GPU indices must run from 0 without gaps; GPU ${missing} is missing` });
    checkSku(record.costs.vcpuSku, "vcpu_hour", `${path}.costs.vcpuSku`, `threads on ${record.name}`);
    checkSku(record.costs.ramSku, "gb_hour", `${path}.costs.ramSku`, `RAM on ${record.name}`);
    return usable ? record : null;
  }, problems);

  const byBuild = new Map<string, Entry<MachineRecord>[]>();
  const byUuid = new Map<string, { machine: Entry<MachineRecord>; index: number }[]>();
  for (const entry of machines.values()) {
    if (entry.record.build) byBuild.set(keys.build(entry.record.build), [...(byBuild.get(keys.build(entry.record.build)) ?? []), entry]);
    for (const g of entry.record.gpus) if (g.uuid) byUuid.set(g.uuid.toLowerCase(), [...(byUuid.get(g.uuid.toLowerCase()) ?? []), { machine: entry, index: g.index }]);
  }
  for (const holders of byBuild.values()) {
    if (holders.length < 2) continue;
    for (const m of holders) {
      const others = holders.filter((o) => o !== m).map((o) => o.record.name);
      if (m.path) problems.push({ path: `${m.path}.build`, message: `build "${m.record.build}" is already the build of ${list(others)}; a build makes one machine` });
    }
  }
  for (const holders of byUuid.values()) {
    if (holders.length < 2) continue;
    for (const h of holders) {
      const gpuPath = gpuPaths.get(`${keys.machine(h.machine.record.name)}#${h.index}`);
      const others = holders.filter((o) => o !== h).map((o) => `GPU ${o.index} of ${o.machine.record.name}`);
      if (gpuPath) problems.push({ path: `${gpuPath}.uuid`, message: `this UUID is also the UUID of ${others.join(", ")}` });
    }
  }

  const quotas = mergeSection("quotas", doc.quotas, stored.quotas, { input: (q) => keys.quota(q.team), record: (q) => keys.quota(q.team), field: "team" }, (q, before, path) => {
    const team = q.team === null ? null : teamName(q.team, `${path}.team`);
    if (team === undefined) return null;
    const value = <K extends Exclude<keyof QuotaRecord, "team">>(k: K) => (q[k] !== undefined ? q[k] : (before?.[k] ?? null)) as QuotaRecord[K];
    return { team, ...(Object.fromEntries(QUOTA_RECORD_LIMITS.map((k) => [k, value(k)])) as Omit<QuotaRecord, "team">) };
  }, problems);

  const slices = mergeSlices(doc, stored, { teams, users, machines, teamName, report }, options, problems);
  problems.push(...sliceProblems({ slices: slices.entries, machines: new Map([...machines].map(([k, e]) => [k, { record: e.record, changed: isChange(e), path: e.path }])), users: new Map([...users].map(([k, e]) => [k, e.record])), now: options.now }));

  const plan = { unchanged: {} } as ImportPlan;
  const sections = { teams, users, gpuModels, prices, builds, machines, quotas } as const;
  for (const name of Object.keys(sections) as (keyof typeof sections)[]) {
    const { changes, unchanged } = changesOf<unknown>(sections[name] as Map<string, Entry<unknown>>);
    (plan as unknown as Record<string, unknown>)[name] = changes;
    plan.unchanged[name] = unchanged;
  }
  plan.slices = slices.entries.filter((e) => e.path !== undefined && e.changed).map((e) => ({ key: e.id ?? e.path!, path: e.path!, record: e.record, before: e.before, id: e.id }));
  plan.unchanged.slices = slices.entries.filter((e) => e.path !== undefined && !e.changed).length;
  return { problems: inDocumentOrder(problems), warnings: inDocumentOrder(warnings), plan };
}

/** Problems sorted by where they are in the document (stable, so one record's problems keep their order). */
export function inDocumentOrder(problems: Problem[]): Problem[] {
  const position = (path: string): [number, number] => {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(path);
    return [SECTIONS.indexOf((match?.[1] ?? "") as Section), Number(match?.[2] ?? -1)];
  };
  return problems
    .map((problem, n) => ({ problem, n, at: position(problem.path) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.n - b.n)
    .map((p) => p.problem);
}

/**
 * Slices are matched by externalId (the stored id, or the id the caller derives from it) or, without
 * one, by machine + start + requester; a match with several stored slices is ambiguous.
 */
function mergeSlices(
  doc: CheckedDocument,
  stored: CompleteDocument,
  refs: {
    teams: Map<string, Entry<TeamRecord>>;
    users: Map<string, Entry<UserRecord>>;
    machines: Map<string, Entry<MachineRecord>>;
    teamName: (name: string, path: string) => string | undefined;
    report: (section: keyof SkippedKeys, key: string, problem: Problem) => void;
  },
  options: { sliceIdFor: (externalId: string) => string },
  problems: Problem[],
): { entries: SliceEntry[] } {
  const storedById = new Map(stored.slices.map((s) => [s.externalId, s]));
  const storedByNatural = new Map<string, SliceRecord[]>();
  for (const s of stored.slices) {
    const key = keys.sliceNatural(s.machine, s.start, s.requester);
    storedByNatural.set(key, [...(storedByNatural.get(key) ?? []), s]);
  }
  const listed = new Map<string, { path: string; entry: SliceEntry }>();
  (doc.slices ?? []).forEach((s, index) => {
    if (s === undefined) return;
    const path = `slices[${index}]`;
    const natural = keys.sliceNatural(s.machine, s.start, s.requester);
    let id: string | null = null;
    let before: SliceRecord | null = null;
    if (s.externalId !== undefined) {
      id = options.sliceIdFor(s.externalId);
      before = storedById.get(id) ?? null;
    } else {
      const matches = storedByNatural.get(natural) ?? [];
      if (matches.length > 1) {
        problems.push({ path, message: `${matches.length} stored slices of ${s.requester} on ${s.machine} start at ${s.start}; give this one an externalId (the id of the one meant)` });
        return;
      }
      before = matches[0] ?? null;
      id = before?.externalId ?? null;
    }
    const key = id ?? natural;
    const first = listed.get(key);
    if (first) {
      problems.push({ path: s.externalId !== undefined ? `${path}.externalId` : path, message: `the same slice is listed twice (also at ${first.path})${s.externalId === undefined ? "; give each an externalId" : ""}` });
      return;
    }
    const machine = refs.machines.get(keys.machine(s.machine));
    const requester = refs.users.get(keys.user(s.requester));
    const decider = s.decidedBy ? refs.users.get(keys.user(s.decidedBy)) : null;
    if (!machine) refs.report("machines", keys.machine(s.machine), { path: `${path}.machine`, message: unknown("machine", s.machine, "machines", namesOf(refs.machines)) });
    if (!requester) refs.report("users", keys.user(s.requester), { path: `${path}.requester`, message: `unknown user ${s.requester}; add them to users` });
    if (decider === undefined) refs.report("users", keys.user(s.decidedBy!), { path: `${path}.decidedBy`, message: `unknown user ${s.decidedBy}; add them to users` });
    const team = s.team !== undefined ? refs.teamName(s.team, `${path}.team`) : (before?.team ?? (requester && refs.teams.get(keys.team(requester.record.team))?.record.name));
    if (!machine || !requester || decider === undefined || team === undefined) return;

    const gpus = s.gpus ?? before?.gpus ?? [];
    const gpuCount = s.gpuCount ?? (s.gpus && s.gpus.length > 0 ? s.gpus.length : (before?.gpuCount ?? Math.max(1, gpus.length)));
    const defaults = defaultSliceAmounts(machineCapacityOf(machine.record), gpuCount);
    const nullable = <K extends "releasedAt" | "decidedAt">(k: K) => (s[k] !== undefined ? (s[k] && iso(s[k])) : (before?.[k] ?? null));
    const record: SliceRecord = {
      externalId: id ?? "",
      machine: machine.record.name,
      requester: requester.record.email,
      team,
      status: s.status ?? before?.status ?? "approved",
      gpuCount,
      gpus,
      threads: s.threads ?? before?.threads ?? defaults.threads,
      ramGb: s.ramGb ?? before?.ramGb ?? defaults.ramGb,
      start: iso(s.start),
      end: iso(s.end),
      releasedAt: nullable("releasedAt"),
      purpose: s.purpose ?? before?.purpose ?? IMPORTED_PURPOSE,
      decidedBy: decider ? decider.record.email : s.decidedBy === null ? null : (before?.decidedBy ?? null),
      decidedAt: nullable("decidedAt"),
      decisionReason: s.decisionReason !== undefined ? s.decisionReason : (before?.decisionReason ?? null),
      overrideReason: s.overrideReason !== undefined ? s.overrideReason : (before?.overrideReason ?? null),
    };
    const changed = before === null || canonical(record) !== canonical(before);
    listed.set(key, { path, entry: { id, record, before, path, changed, order: index } });
  });
  const entries: SliceEntry[] = [...listed.values()].map((l) => l.entry);
  const listedIds = new Set(entries.map((e) => e.id).filter((id): id is string => id !== null));
  for (const s of stored.slices) if (!listedIds.has(s.externalId)) entries.push({ id: s.externalId, record: s, before: s, changed: false, order: -1 });
  return { entries };
}
