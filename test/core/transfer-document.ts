import { sortDocument, type CompleteDocument, type SliceRecord } from "@/core/transfer/records";

/**
 * A complete, valid inventory document for tests: two teams, four people, two GPU models, prices
 * with history, a build, three machines (one retired) and slices of every status, past and
 * ahead of `now`. Sorted as an export sorts, so an export of its import can equal it.
 */
export function makeInventoryDocument(now = Date.UTC(2026, 0, 15, 12)): CompleteDocument {
  const at = (hoursFromNow: number) => new Date(Math.floor(now / 3_600_000) * 3_600_000 + hoursFromNow * 3_600_000).toISOString();
  const slice = (n: number, fields: Partial<SliceRecord> & Pick<SliceRecord, "machine" | "requester" | "team" | "start" | "end">): SliceRecord => ({
    externalId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: "approved",
    gpuCount: 1,
    gpus: [0],
    threads: 5,
    ramGb: 40,
    releasedAt: null,
    purpose: `Experiment ${n}`,
    decidedBy: "ada@example.test",
    decidedAt: fields.start,
    decisionReason: null,
    overrideReason: null,
    ...fields,
  });
  const cost = (vcpuSku = "test-n1-vcpu") => ({
    purchasePriceMicros: null,
    amortizationMonths: 36,
    baselineWatts: 100,
    kwhPriceMicros: "130000",
    maintenancePerMonthMicros: "0",
    vcpuSku,
    ramSku: "test-n1-ram-gb",
  });
  return sortDocument({
    version: 1,
    teams: [{ name: "NLP" }, { name: "Vision" }],
    users: [
      { email: "ada@example.test", linuxUsername: "ada", name: "Ada Lindqvist", team: "Vision", roles: ["admin"], active: true },
      { email: "alice@example.test", linuxUsername: "alice", name: "Alice Moreau", team: "Vision", roles: [], active: true },
      { email: "bob@example.test", linuxUsername: "bob", name: "Bob Okafor", team: "NLP", roles: ["member"], active: true },
      { email: "gone@example.test", linuxUsername: "gone", name: "Former Colleague", team: "NLP", roles: [], active: false },
    ],
    gpuModels: [
      { name: "GTX 1080 Ti", vramGb: 11, boardPowerW: 250, cloudSku: "test-p100" },
      { name: "RTX 4090", vramGb: 24, boardPowerW: 450, cloudSku: null },
    ],
    prices: [
      { provider: "GCP", sku: "test-n1-ram-gb", unit: "gb_hour", priceMicros: "4237", effectiveFrom: "2018-01-01T00:00:00.000Z", sourceNote: "" },
      { provider: "GCP", sku: "test-n1-vcpu", unit: "vcpu_hour", priceMicros: "31611", effectiveFrom: "2018-01-01T00:00:00.000Z", sourceNote: "N1" },
      { provider: "GCP", sku: "test-p100", unit: "gpu_hour", priceMicros: "1460000", effectiveFrom: "2018-01-01T00:00:00.000Z", sourceNote: "2018 blog post" },
      { provider: "GCP", sku: "test-p100", unit: "gpu_hour", priceMicros: "1200000", effectiveFrom: "2022-06-01T00:00:00.000Z", sourceNote: "price cut" },
    ],
    builds: [
      {
        name: "Zeus build",
        status: "in_service",
        notes: "The founding machine.",
        parts: [
          { category: "cpu", name: "Intel Core i7-7820X", quantity: 1, unitPriceMicros: "599000000", specs: { socket: "LGA2066", tdpW: 140, cpuPcieLanes: 28 } },
          { category: "gpu", name: "GTX 1080 Ti", quantity: 3, unitPriceMicros: "699000000", specs: { boardPowerW: 250, slotWidth: 2 } },
        ],
        quotes: [
          { vendor: "Lambda Labs", description: "Quad GPU workstation", priceMicros: "10000000000", quotedAt: "2018-05-01T00:00:00.000Z" },
          { vendor: "Other vendor", description: "", priceMicros: "11000000000", quotedAt: null },
        ],
      },
    ],
    machines: [
      {
        name: "atlas",
        location: "Rack 2",
        status: "active",
        cpuModel: "AMD Threadripper",
        cores: 32,
        threads: 64,
        ramGb: 256,
        storage: "",
        inServiceAt: "2023-03-01T00:00:00.000Z",
        retiredAt: null,
        reservedThreads: 2,
        reservedRamGb: 16,
        build: null,
        costs: { ...cost(), purchasePriceMicros: "12000000000", maintenancePerMonthMicros: "50000000" },
        gpus: [
          { index: 0, model: "RTX 4090", uuid: null },
          { index: 1, model: "RTX 4090", uuid: "GPU-0b7e4c92-5a1f-4d63-a8e2-c94f1b6d3e07" },
        ],
      },
      {
        name: "old",
        location: "",
        status: "retired",
        cpuModel: "Intel Xeon",
        cores: 4,
        threads: 8,
        ramGb: 32,
        storage: "500 GB",
        inServiceAt: "2016-01-01T00:00:00.000Z",
        retiredAt: "2019-01-01T00:00:00.000Z",
        reservedThreads: 1,
        reservedRamGb: 8,
        build: null,
        costs: cost(),
        gpus: [{ index: 0, model: "GTX 1080 Ti", uuid: null }],
      },
      {
        name: "zeus",
        location: "Rack 1",
        status: "active",
        cpuModel: "Intel Core i7-7820X",
        cores: 8,
        threads: 16,
        ramGb: 128,
        storage: "1 TB NVMe",
        inServiceAt: "2018-06-15T00:00:00.000Z",
        retiredAt: null,
        reservedThreads: 1,
        reservedRamGb: 8,
        build: "Zeus build",
        costs: cost(),
        gpus: [
          { index: 0, model: "GTX 1080 Ti", uuid: "GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14" },
          { index: 1, model: "GTX 1080 Ti", uuid: "GPU-a1d94b07-2c6e-4f38-b5a2-7e91c3d0f865" },
          { index: 2, model: "GTX 1080 Ti", uuid: null },
        ],
      },
    ],
    quotas: [
      { team: null, teamMaxConcurrentGpus: 4, teamMaxGpuHoursPerMonth: null, userMaxConcurrentGpus: 2, userMaxSliceHours: 168, userMaxDaysAhead: 30, autoApprove: false },
      { team: "NLP", teamMaxConcurrentGpus: 2, teamMaxGpuHoursPerMonth: 500, userMaxConcurrentGpus: null, userMaxSliceHours: null, userMaxDaysAhead: null, autoApprove: true },
    ],
    slices: [
      slice(1, { machine: "zeus", requester: "alice@example.test", team: "Vision", start: "2018-07-02T09:00:00.000Z", end: "2018-07-02T19:00:00.000Z" }),
      // Three people share zeus at once, one GPU each: 15 of its 15 slice threads.
      slice(2, { machine: "zeus", requester: "bob@example.test", team: "NLP", gpus: [1], start: "2018-07-02T08:00:00.000Z", end: "2018-07-03T08:00:00.000Z", releasedAt: "2018-07-02T20:30:00.000Z" }),
      slice(3, { machine: "zeus", requester: "gone@example.test", team: "NLP", gpus: [2], start: "2018-07-02T10:00:00.000Z", end: "2018-07-02T12:00:00.000Z" }),
      slice(4, { machine: "old", requester: "bob@example.test", team: "NLP", start: "2017-03-01T00:00:00.000Z", end: "2017-03-04T00:00:00.000Z" }),
      slice(5, { machine: "atlas", requester: "alice@example.test", team: "Vision", gpuCount: 2, gpus: [0, 1], threads: 31, ramGb: 120, start: at(-48), end: at(24), decidedBy: null }),
      slice(6, { machine: "zeus", requester: "bob@example.test", team: "NLP", status: "rejected", gpus: [], start: at(24), end: at(48), decidedAt: at(-1), decisionReason: "Zeus is reserved for the workshop" }),
      slice(7, { machine: "zeus", requester: "alice@example.test", team: "Vision", status: "pending", gpus: [], start: at(72), end: at(96), decidedBy: null, decidedAt: null }),
      slice(8, { machine: "zeus", requester: "alice@example.test", team: "Vision", status: "cancelled", gpus: [], start: at(100), end: at(110), decidedBy: null, decidedAt: null, decisionReason: "Plans changed" }),
      slice(9, { machine: "zeus", requester: "ada@example.test", team: "Vision", gpus: [0], start: at(120), end: at(150), overrideReason: "Deadline" }),
    ],
  });
}
