import pg from "pg";

/** How long a failed LISTEN connection waits before the next lookup tries again. */
const RECONNECT_AFTER_MS = 1_000;
/** How long a settling round trip may take before the cache forgets instead. */
const SETTLE_TIMEOUT_MS = 1_000;
/** Plenty for 20 people with a few browsers and tokens each; the oldest entry goes first. */
const MAX_ENTRIES = 5_000;

export interface ChangeCache {
  /**
   * The cached answer for `key`, or `load()`'s (remembered when it is not null). Nothing is
   * remembered while the LISTEN connection is down, so a change is never missed: every lookup
   * then reads the database, as it would without a cache.
   */
  remember<T extends object>(key: string, load: () => Promise<T | null>): Promise<T | null>;
  /** Starts listening if it does not yet; true once it listens (false while it cannot). */
  listening(): Promise<boolean>;
  /** Resolves once the notifications committed before the call have been heard (at once while not listening). */
  settle(): Promise<void>;
  /** Counts the changes heard (and the times it stopped listening): equal counts, nothing changed between. */
  generation(): number;
  /** Forgets everything at once. */
  forget(): void;
  close(): Promise<void>;
}

/**
 * Answers read from tables that change rarely, kept until PostgreSQL says one of them changed:
 * triggers NOTIFY `channel` at commit, from any process (the CLI and psql included), and every
 * process forgets. A lookup that began before a change never stores its (possibly stale) answer:
 * each change starts a new generation.
 */
export function createChangeCache(connectionString: string, channel: string, onError: (err: unknown) => void = () => {}): ChangeCache {
  const entries = new Map<string, object>();
  let generation = 0;
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let failedAt = -Infinity;
  let closed = false;
  /** The settling round trip that waits to start, and the last one queued. */
  let queued: Promise<boolean> | null = null;
  let inFlight: Promise<boolean> = Promise.resolve(true);

  const forget = () => {
    generation++;
    entries.clear();
  };

  function connect(): Promise<void> {
    if (client || closed || connecting || Date.now() - failedAt < RECONNECT_AFTER_MS) return connecting ?? Promise.resolve();
    connecting = (async () => {
      const next = new pg.Client({ connectionString });
      next.on("notification", (message) => {
        if (message.channel === channel) forget();
      });
      next.on("error", (err) => {
        onError(err);
        if (client === next) client = null;
        failedAt = Date.now();
        forget();
        void next.end().catch(() => {});
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        // What was looked up before LISTEN took effect may predate a change nobody heard.
        forget();
        client = next;
      } catch (err) {
        onError(err);
        failedAt = Date.now();
        await next.end().catch(() => {});
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  return {
    async remember(key, load) {
      if (!client) {
        void connect();
        return load();
      }
      const cached = entries.get(key);
      if (cached) return cached as Awaited<ReturnType<typeof load>>;
      const started = generation;
      const value = await load();
      if (value !== null && generation === started && client) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(key, value);
      }
      return value;
    },
    generation: () => generation,
    async settle() {
      const listener = client;
      if (!listener) return;
      // One round trip at a time on the connection; callers that come while one waits to start share it.
      if (!queued) {
        const next: Promise<boolean> = inFlight.then(() => {
          if (queued === next) queued = null;
          return listener.query("SELECT 1").then(() => true, () => false);
        });
        queued = next;
        inFlight = next;
      }
      // A connection that does not answer may be missing changes too: then forget, to be safe.
      let timer: NodeJS.Timeout | undefined;
      const heard = await Promise.race([queued, new Promise<boolean>((done) => (timer = setTimeout(() => done(false), SETTLE_TIMEOUT_MS)))]);
      clearTimeout(timer);
      if (!heard) forget();
    },
    async listening() {
      await connect();
      return client !== null;
    },
    forget,
    async close() {
      closed = true;
      forget();
      await connecting;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

// One per channel and process (and per dev-server reload), like the Prisma client.
const globalForCaches = globalThis as { rigshareChangeCaches?: Map<string, ChangeCache> };

/** The process-wide cache of `channel` on DATABASE_URL, created on first use. */
export function changeCache(channel: string): ChangeCache {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const caches = (globalForCaches.rigshareChangeCaches ??= new Map());
  let cache = caches.get(channel);
  if (!cache) caches.set(channel, (cache = createChangeCache(url, channel)));
  return cache;
}

/**
 * Who a session or an API token belongs to. Each request used to read its session (or token) row
 * with the person and team: a round trip and 4-5 ms of PostgreSQL CPU for an answer that changes a
 * few times a day. A revoked session, a deactivated person, a revoked token or a new role still
 * applies within moments (migration 20261207150000_change_notify has the triggers).
 */
export const identityCache = () => changeCache("rigshare_identity");

/**
 * Waits until every cache of this process has heard what was committed so far: a round trip on
 * each listening connection, because PostgreSQL sends a listener its pending notifications before
 * it answers. A transaction of this process calls it after its commit, so what it changed is never
 * answered from a cache afterwards, here; other processes hear it within moments.
 */
export async function settleChanges(): Promise<void> {
  const caches = globalForCaches.rigshareChangeCaches;
  if (caches) await Promise.all([...caches.values()].map((cache) => cache.settle()));
}

/** The machines, their GPUs, GPU models and builds: the inventory and the schedule show them. */
export const fleetChanges = () => changeCache("rigshare_fleet");

/** What the savings figures are computed from: slices, machines, builds, GPUs, prices, teams. */
export const costChanges = () => changeCache("rigshare_costs");
