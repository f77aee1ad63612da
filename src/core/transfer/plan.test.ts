import { describe, expect, it } from "vitest";
import { parseInventoryDocument } from "./parse";
import { inDocumentOrder, planImport } from "./plan";
import type { ImportOutcome } from "./plan-model";
import type { CompleteDocument } from "./records";
import { inventoryDocument, type InventoryDocument } from "./schema";
import { makeInventoryDocument } from "@test/core/transfer-document";

const NOW = Date.UTC(2026, 0, 15, 12);
const empty: CompleteDocument = { version: 1, teams: [], users: [], gpuModels: [], prices: [], builds: [], machines: [], quotas: [], slices: [] };
const sliceIdFor = (externalId: string) => `id-${externalId}`;
const plan = (doc: InventoryDocument, stored: CompleteDocument = empty): ImportOutcome => planImport(inventoryDocument.parse(doc), stored, { now: NOW, sliceIdFor });
const lines = (outcome: ImportOutcome) => outcome.problems.map((p) => `${p.path}: ${p.message}`);
const count = (outcome: ImportOutcome) => Object.fromEntries(Object.entries(outcome.plan).filter(([k]) => k !== "unchanged").map(([k, v]) => [k, (v as unknown[]).length]));

describe("planImport", () => {
  it("creates every record of a valid document in an empty database", () => {
    const doc = makeInventoryDocument(NOW);
    const outcome = plan(doc);
    expect(lines(outcome)).toEqual([]);
    expect(count(outcome)).toEqual({ teams: 2, users: 4, gpuModels: 2, prices: 4, builds: 1, machines: 3, quotas: 2, slices: 9 });
    expect(outcome.plan.slices.every((c) => c.before === null && c.id === c.record.externalId && c.id.startsWith("id-"))).toBe(true);
  });

  it("changes nothing when the document matches what is stored", () => {
    const doc = makeInventoryDocument(NOW);
    const stored = { ...doc, slices: doc.slices.map((s) => ({ ...s, externalId: sliceIdFor(s.externalId) })) };
    const outcome = plan(doc, stored);
    expect(lines(outcome)).toEqual([]);
    expect(Object.values(count(outcome)).every((n) => n === 0)).toBe(true);
    expect(outcome.plan.unchanged).toEqual({ teams: 2, users: 4, gpuModels: 2, prices: 4, builds: 1, machines: 3, quotas: 2, slices: 9 });
  });

  it("keeps stored values of the optional fields a document leaves out, and matches names regardless of case", () => {
    const stored = makeInventoryDocument(NOW);
    const outcome = plan({ version: 1, machines: [{ name: "ZEUS", cpuModel: "Intel Core i7-7820X", cores: 8, threads: 16, ramGb: 128, inServiceAt: "2018-06-15T00:00:00Z", location: "Rack 9" }] }, stored);
    expect(lines(outcome)).toEqual([]);
    const [change] = outcome.plan.machines;
    const zeus = stored.machines.find((m) => m.name === "zeus")!;
    expect(change!.record).toEqual({ ...zeus, location: "Rack 9" });
  });

  it("reports every problem of a document at once, each at its path", () => {
    const doc = makeInventoryDocument(NOW);
    const bad: InventoryDocument = {
      ...doc,
      users: [...doc.users, { email: "carol@example.test", name: "Carol", team: "Robotics" }],
      machines: [
        ...doc.machines,
        { name: "hermes", cpuModel: "AMD Ryzen 9", cores: 16, threads: 32, ramGb: 128, inServiceAt: "2021-02-01T00:00:00Z", gpus: [{ index: 0, model: "GTX 1080 Ti" }, { index: 1, model: "RTX 9090" }] },
      ],
      slices: [...doc.slices, { machine: "zeus", requester: "nobody@example.test", start: "2019-01-01T00:00:00Z", end: "2019-01-02T00:00:00Z", gpus: [0] }],
    };
    expect(lines(plan(bad))).toEqual([
      'users[4].team: unknown team "Robotics"; add it to teams or use one of "NLP", "Vision"',
      'machines[3].gpus[1].model: unknown GPU model "RTX 9090"; add it to gpuModels or use one of "GTX 1080 Ti", "RTX 4090"',
      "slices[9].requester: unknown user nobody@example.test; add them to users",
    ]);
  });

  it("reports specification problems and keys listed twice", () => {
    const doc = makeInventoryDocument(NOW);
    const zeus = doc.machines.find((m) => m.name === "zeus")!;
    const outcome = plan({ ...doc, teams: [...doc.teams, { name: "vision" }], machines: [...doc.machines.filter((m) => m !== zeus), { ...zeus, threads: 4, gpus: [zeus.gpus[0]!, { index: 2, model: "GTX 1080 Ti", uuid: zeus.gpus[0]!.uuid }] }] });
    expect(lines(outcome)).toEqual(
      expect.arrayContaining([
        "teams[2].name: is listed twice (also at teams[1])",
        "machines[2].threads: Threads (4) cannot be fewer than cores (8).",
        "machines[2].gpus: GPU indices must run from 0 without gaps; GPU 1 is missing",
        "machines[2].gpus[1].uuid: this UUID is also the UUID of GPU 0 of zeus",
      ]),
    );
  });

  it("refuses past slices that break the invariants: a GPU held twice, capacity, the machine's service", () => {
    const doc = makeInventoryDocument(NOW);
    const base = { requester: "bob@example.test", team: "NLP", status: "approved" as const, gpuCount: 1 };
    const outcome = plan({
      ...doc,
      slices: [
        ...doc.slices,
        { ...base, externalId: "double", machine: "zeus", gpus: [0], start: "2018-07-02T18:00:00Z", end: "2018-07-02T20:00:00Z" },
        { ...base, externalId: "crowd", machine: "zeus", gpus: [2], threads: 5, ramGb: 40, start: "2018-07-02T13:00:00Z", end: "2018-07-02T14:00:00Z" },
        { ...base, externalId: "fat", machine: "zeus", gpus: [2], threads: 6, ramGb: 40, start: "2018-07-02T11:00:00Z", end: "2018-07-02T11:30:00Z" },
        { ...base, externalId: "early", machine: "zeus", gpus: [0], start: "2018-01-01T00:00:00Z", end: "2018-01-02T00:00:00Z" },
        { ...base, externalId: "late", machine: "old", gpus: [0], start: "2018-12-31T00:00:00Z", end: "2019-01-02T00:00:00Z" },
      ],
    });
    // Document order: slices[0] is on old (2017), then bob's, alice's and the former colleague's of 2018-07-02.
    expect(lines(outcome)).toEqual([
      "slices[9].gpus: GPU 0 is held by Alice Moreau until 2018-07-02 19:00 UTC. (slices[2])",
      "slices[11].gpus: GPU 2 is held by Former Colleague until 2018-07-02 12:00 UTC. (slices[3])",
      "slices[11].threads: CPU threads on zeus would peak at 21 of the 15 available (at 2018-07-02 11:00 UTC), 6 over.",
      "slices[11].ramGb: GB of RAM on zeus would peak at 160 of the 120 available (at 2018-07-02 11:00 UTC), 40 over.",
      "slices[12].start: is before zeus went into service (2018-06-15 00:00 UTC)",
      "slices[13].end: is after old was retired (2019-01-01 00:00 UTC)",
    ]);
    // The slice that fits (crowd: 13:00-14:00 holds only 10 other threads) is not blamed.
    expect(lines(outcome).some((l) => l.startsWith("slices[10]"))).toBe(false);
  });

  it("checks slices against stored ones too", () => {
    const stored = makeInventoryDocument(NOW);
    const outcome = plan({ version: 1, slices: [{ externalId: "new", machine: "zeus", requester: "bob@example.test", gpus: [0], start: "2018-07-02T10:00:00Z", end: "2018-07-02T11:00:00Z" }] }, stored);
    expect(lines(outcome)).toEqual([
      "slices[0].gpus: GPU 0 is held by Alice Moreau until 2018-07-02 19:00 UTC.",
      "slices[0].threads: CPU threads on zeus would peak at 20 of the 15 available (at 2018-07-02 10:00 UTC), 5 over.",
      "slices[0].ramGb: GB of RAM on zeus would peak at 160 of the 120 available (at 2018-07-02 10:00 UTC), 40 over.",
    ]);
  });

  it("matches slices without externalId by machine, start and requester, and asks for one when that is ambiguous", () => {
    const stored = makeInventoryDocument(NOW);
    const first = stored.slices.find((s) => s.externalId.endsWith("1"))!;
    const same = { machine: "zeus", requester: "ALICE@example.test", start: "2018-07-02T09:00:00Z", end: "2018-07-02T19:00:00Z", gpus: [0] };
    const matched = plan({ version: 1, slices: [{ ...same, purpose: "Renamed" }] }, stored);
    expect(matched.plan.slices.map((c) => [c.id, c.record.purpose])).toEqual([[first.externalId, "Renamed"]]);

    const twice = { ...stored, slices: [...stored.slices, { ...first, externalId: "another-id", gpus: [1] }] };
    expect(lines(plan({ version: 1, slices: [same] }, twice))).toEqual([
      "slices[0]: 2 stored slices of ALICE@example.test on zeus start at 2018-07-02T09:00:00Z; give this one an externalId (the id of the one meant)",
    ]);
    const fresh = { ...stored, slices: [] };
    expect(lines(plan({ version: 1, slices: [same, same] }, fresh))).toEqual(["slices[1]: the same slice is listed twice (also at slices[0]); give each an externalId"]);
  });

  it("never edits a stored price in place, and keeps one unit per SKU", () => {
    const stored = makeInventoryDocument(NOW);
    const outcome = plan(
      {
        version: 1,
        prices: [
          { provider: "GCP", sku: "test-p100", unit: "gpu_hour", priceMicros: "999", effectiveFrom: "2018-01-01T00:00:00Z" },
          { provider: "GCP", sku: "test-n1-vcpu", unit: "gb_hour", priceMicros: "1", effectiveFrom: "2024-01-01T00:00:00Z" },
          { provider: "Google", sku: "test-n1-ram-gb", unit: "gb_hour", priceMicros: "4237", effectiveFrom: "2018-01-01T00:00:00Z", sourceNote: "renamed" },
        ],
      },
      stored,
    );
    expect(lines(outcome)).toEqual([
      "prices[0].priceMicros: SKU test-p100 already has a price effective 2018-01-01T00:00:00.000Z (1460000 micro-dollars per GPU-hour); prices are never edited in place, so add an entry with a new effective date instead",
      "prices[1].unit: SKU test-n1-vcpu is priced per vCPU-hour elsewhere; one SKU has one unit",
    ]);
  });

  it("warns about a SKU with no price, and refuses one priced in another unit", () => {
    const stored = makeInventoryDocument(NOW);
    const outcome = plan({ version: 1, gpuModels: [{ name: "RTX 5090", vramGb: 32, boardPowerW: 575, cloudSku: "test-n1-vcpu" }, { name: "H100", vramGb: 80, boardPowerW: 700, cloudSku: "gcp-h100" }] }, stored);
    expect(lines(outcome)).toEqual(["gpuModels[0].cloudSku: SKU test-n1-vcpu is priced per vCPU-hour, not per GPU-hour"]);
    expect(outcome.warnings.map((w) => w.path)).toEqual(["gpuModels[1].cloudSku"]);
  });

  it("refuses a build that two machines claim", () => {
    const stored = makeInventoryDocument(NOW);
    const atlas = stored.machines.find((m) => m.name === "atlas")!;
    expect(lines(plan({ version: 1, machines: [{ ...atlas, build: "zeus BUILD" }] }, stored))).toEqual([
      'machines[0].build: build "Zeus build" is already the build of "zeus"; a build makes one machine',
    ]);
  });

  it("fills a new slice's defaults: approved, the machine's profile, the requester's team", () => {
    const stored = makeInventoryDocument(NOW);
    const outcome = plan({ version: 1, slices: [{ machine: "zeus", requester: "bob@example.test", gpus: [1, 2], start: "2019-03-01T00:00:00Z", end: "2019-03-02T00:00:00Z" }] }, stored);
    expect(lines(outcome)).toEqual([]);
    expect(outcome.plan.slices[0]).toMatchObject({ id: null, record: { status: "approved", gpuCount: 2, threads: 10, ramGb: 80, team: "NLP", purpose: "Imported history", decidedBy: null } });
  });
});

describe("parseInventoryDocument with planImport", () => {
  it("reports the problems of every record at once, without blaming references to a record that failed", () => {
    const stored = makeInventoryDocument(NOW);
    const parsed = parseInventoryDocument({
      version: 1,
      gpuModels: [{ name: "RTX 5090", vramGb: "32", boardPowerW: 575 }],
      machines: [
        { name: "hermes", cpuModel: "AMD Ryzen 9", cores: 16, threads: 8, ramGb: 128, inServiceAt: "2021-02-01T00:00:00Z", gpus: [{ index: 0, model: "RTX 5090" }, { index: 1, model: "RTX 9090" }] },
        { name: "Bad Name!", cpuModel: "x", cores: 1, threads: 1, ramGb: 1, inServiceAt: "yesterday" },
      ],
      slices: [
        { machine: "bad name!", requester: "alice@example.test", start: "2021-03-01T00:00:00Z", end: "2021-03-02T00:00:00Z", gpus: [0] },
        { machine: "zeus", requester: "nobody@example.test", start: "2021-03-01T00:00:00Z", end: "2021-03-02T00:00:00Z", gpus: [0], colour: "red" },
      ],
    });
    if (!("doc" in parsed)) throw new Error("the envelope is fine");
    const outcome = planImport(parsed.doc, stored, { now: NOW, sliceIdFor, skipped: parsed.skipped });
    expect(inDocumentOrder([...parsed.problems, ...outcome.problems]).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "gpuModels[0].vramGb: must be a number",
      'machines[0].gpus[1].model: unknown GPU model "RTX 9090"; add it to gpuModels or use one of "GTX 1080 Ti", "RTX 4090"',
      "machines[0].threads: Threads (8) cannot be fewer than cores (16).",
      "machines[1].name: must be a hostname: letters, digits and hyphens (e.g. zeus)",
      "machines[1].cpuModel: must be at least 2 characters",
      "machines[1].inServiceAt: must be an ISO 8601 date and time, e.g. 2018-06-15T00:00:00.000Z",
      "slices[0].machine: must be a hostname: letters, digits and hyphens (e.g. zeus)",
      'slices[1]: Unrecognized key: "colour"',
    ]);
  });

  it("refuses text PostgreSQL cannot store, at its path", () => {
    const parsed = parseInventoryDocument({ version: 1, teams: [{ name: "Vision" }], users: [{ email: "a@example.test", name: "A\u0000", team: "Vision" }] });
    expect(parsed.problems).toEqual([{ path: "users[0].name", message: "must not contain NUL characters (\\u0000)" }]);
  });

  it("stops at the envelope when the document is not one", () => {
    expect(parseInventoryDocument({ version: 2, machine: [] }).problems.map((p) => p.path)).toEqual(["version", ""]);
    expect(parseInventoryDocument([]).problems).toHaveLength(1);
  });
});
