import { z } from "zod";
import { ENFORCEMENT_MODES } from "../enforcement/types";

/**
 * The second half of the agent's wire contract: the schedule it long-polls
 * (`GET /api/agent/v1/schedule`) and the state it reports back after applying it
 * (`POST /api/agent/v1/applied`). Shared by the portal and the agent's bundle.
 */

const ms = z.number().int().min(0).max(8.64e15);

export const scheduleDocumentSchema = z.object({
  machine: z.object({ cores: z.number().int().min(1), threads: z.number().int().min(1), reservedThreads: z.number().int().min(0), ramGb: z.number().int().min(1), reservedRamGb: z.number().int().min(0) }),
  loginProfile: z.object({ threads: z.number().int().min(0), ramGb: z.number().int().min(0) }),
  from: ms,
  to: ms,
  slices: z.array(
    z.object({
      id: z.string(),
      linuxUsername: z.string(),
      gpus: z.array(z.object({ index: z.number().int().min(0), uuid: z.string().nullable() })),
      threads: z.number().int().min(0),
      ramGb: z.number().int().min(0),
      start: ms,
      end: ms,
    }),
  ),
});

export const scheduleOut = z.object({
  machineId: z.string(),
  machineName: z.string(),
  mode: z.enum(ENFORCEMENT_MODES),
  /** The schedule's version: send it back as If-None-Match; 304 while it still holds. */
  etag: z.string(),
  /** The portal's clock when it answered. */
  servedAt: z.iso.datetime({ offset: true }),
  schedule: scheduleDocumentSchema,
});
export type ScheduleOut = z.infer<typeof scheduleOut>;

/** How long one long-poll may wait for a change, in seconds; the agent asks for less than its request timeout. */
export const MAX_SCHEDULE_WAIT_SECONDS = 55;

const text = (max: number) => z.string().max(max);

export const appliedIn = z.object({
  agentVersion: text(40),
  mode: z.enum(ENFORCEMENT_MODES),
  /** The ETag of the schedule that was applied. */
  scheduleEtag: text(100),
  appliedAt: z.iso.datetime({ offset: true }),
  /** True when the portal was away and the agent applied its cached copy. */
  fromCache: z.boolean(),
  /** The commands of this apply: ran or failed in enforce mode, only planned in warn mode. */
  commands: z.array(z.object({ who: text(200), command: text(2000), outcome: z.enum(["ran", "failed", "planned"]) })).max(500),
  errors: z.array(text(1000)).max(100),
  problems: z.array(text(1000)).max(100),
  grants: z
    .array(
      z.object({
        linuxUsername: text(64),
        uid: z.number().int().min(0).max(2 ** 32).nullable(),
        gpus: z.array(z.number().int().min(0).max(63)).max(64),
        cpus: text(500),
        memoryMaxBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .max(500),
});
export type AppliedIn = z.infer<typeof appliedIn>;
