import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultTopology, reservedCpus } from "./cpu-topology";
import { desiredStateAt } from "./desired-state";
import { DAY0, H } from "@test/core/enforcement-fixtures";
import { GIB, type ScheduleDocument } from "./types";

const USERS = ["ann", "bob", "cyd", "dee"];

/** Machines from 1 to 16 cores, with or without hyperthreads, and schedules that need not respect any invariant. */
const docArb: fc.Arbitrary<ScheduleDocument> = fc
  .record({ cores: fc.integer({ min: 1, max: 16 }), smt: fc.constantFrom(1, 2), reservedThreads: fc.integer({ min: 0, max: 3 }), ramGb: fc.integer({ min: 8, max: 256 }), reservedRamGb: fc.integer({ min: 0, max: 16 }), gpus: fc.integer({ min: 1, max: 4 }) })
  .chain((m) =>
    fc
      .array(
        fc.record({ user: fc.constantFrom(...USERS), gpus: fc.subarray(Array.from({ length: m.gpus }, (_, i) => i)), threads: fc.integer({ min: 0, max: m.cores * m.smt }), ramGb: fc.integer({ min: 0, max: m.ramGb }), start: fc.integer({ min: 0, max: 24 }), len: fc.integer({ min: 1, max: 24 }) }),
        { maxLength: 8 },
      )
      .map((rows): ScheduleDocument => ({
        machine: { cores: m.cores, threads: m.cores * m.smt, reservedThreads: m.reservedThreads, ramGb: m.ramGb, reservedRamGb: m.reservedRamGb },
        loginProfile: { threads: 1, ramGb: 4 },
        from: DAY0,
        to: DAY0 + 48 * H,
        slices: rows.map((r, i) => ({ id: `s${i}`, linuxUsername: r.user, gpus: r.gpus.map((g) => ({ index: g, uuid: `GPU-${g}` })), threads: r.threads, ramGb: r.ramGb, start: DAY0 + r.start * H, end: DAY0 + (r.start + r.len) * H })),
      })),
  );

const facts = { uids: Object.fromEntries(USERS.map((u, i) => [u, 1000 + i])), devices: Object.fromEntries([0, 1, 2, 3].map((g) => [`GPU-${g}`, `/dev/nvidia${g}`])) };
const hintsArb = fc.dictionary(fc.constantFrom(...USERS), fc.array(fc.integer({ min: -2, max: 40 }), { maxLength: 12 }));

describe("desiredStateAt, for any schedule, instant and hints", () => {
  it("never gives one GPU to two people, one CPU to two users or to a user and the reserve, nor more memory than RAM minus the reserve", () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 0, max: 50 }), hintsArb, (doc, hour, hints) => {
        const state = desiredStateAt(doc, facts, DAY0 + hour * H, hints);
        const devices = state.users.flatMap((u) => u.devices);
        expect(new Set(devices).size).toBe(devices.length);
        const cpus = state.users.flatMap((u) => u.cpus);
        expect(new Set(cpus).size).toBe(cpus.length);
        const reserved = reservedCpus(defaultTopology(doc.machine.cores, doc.machine.threads), doc.machine.reservedThreads);
        expect(cpus.filter((c) => reserved.includes(c) || c < 0 || c >= doc.machine.threads)).toEqual([]);
        const memory = state.users.reduce((sum, u) => sum + u.memoryMaxBytes, 0);
        expect(memory).toBeLessThanOrEqual(Math.max(doc.machine.ramGb - doc.machine.reservedRamGb, 0) * GIB);
      }),
    );
  });

  it("gives every holder exactly what their active slices ask for when the schedule keeps the portal's invariants", () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 0, max: 50 }), (doc, hour) => {
        const at = DAY0 + hour * H;
        const active = doc.slices.filter((s) => s.start <= at && at < s.end);
        const gpus = active.flatMap((s) => s.gpus.map((g) => g.uuid));
        const threads = active.reduce((n, s) => n + s.threads, 0);
        const ram = active.reduce((n, s) => n + s.ramGb, 0);
        fc.pre(new Set(gpus).size === gpus.length && threads <= doc.machine.threads - doc.machine.reservedThreads && ram <= doc.machine.ramGb - doc.machine.reservedRamGb);
        const state = desiredStateAt(doc, facts, at);
        expect(state.problems.filter((p) => !p.startsWith("The machine reserves no threads"))).toEqual([]);
        for (const grant of state.users) {
          const own = active.filter((s) => s.linuxUsername === grant.linuxUsername);
          expect(grant.cpus).toHaveLength(own.reduce((n, s) => n + s.threads, 0));
          expect(grant.memoryMaxBytes).toBe(own.reduce((n, s) => n + s.ramGb, 0) * GIB);
          expect(grant.devices).toEqual([...new Set(own.flatMap((s) => s.gpus.map((g) => `/dev/nvidia${g.index}`)))].sort());
        }
      }),
    );
  });

  it("is stable: fed its own answer as hints it answers the same (a restart in the middle of a slice changes nothing)", () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 0, max: 50 }), (doc, hour) => {
        const first = desiredStateAt(doc, facts, DAY0 + hour * H);
        const again = desiredStateAt(doc, facts, DAY0 + hour * H, Object.fromEntries(first.users.map((u) => [u.linuxUsername, u.cpus])));
        expect(again).toEqual(first);
      }),
    );
  });

  it("moves nobody at a boundary: a holder active on both sides keeps their CPUs when the others' slices start or end", () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 0, max: 49 }), (doc, hour) => {
        const before = desiredStateAt(doc, facts, DAY0 + hour * H);
        const after = desiredStateAt(doc, facts, DAY0 + (hour + 1) * H, Object.fromEntries(before.users.map((u) => [u.linuxUsername, u.cpus])));
        for (const grant of after.users) {
          const earlier = before.users.find((u) => u.linuxUsername === grant.linuxUsername);
          if (earlier && earlier.cpus.length <= grant.cpus.length) expect(grant.cpus).toEqual(expect.arrayContaining(earlier.cpus));
        }
      }),
    );
  });
});
