import pg from "pg";

/** The channel the identity triggers (migration 20261207150000) NOTIFY on. */
export const IDENTITY_CHANNEL = "rigshare_identity";

/** How long a failed LISTEN connection waits before the next lookup tries again. */
const RECONNECT_AFTER_MS = 1_000;
/** Plenty for 20 people with a few browsers and tokens each; the oldest entry goes first. */
const MAX_ENTRIES = 5_000;

export interface IdentityCache {
  /**
   * The cached answer for `key`, or `load()`'s (remembered when it is not null). Nothing is
   * remembered while the LISTEN connection is down, so a change is never missed: every lookup
   * then reads the database, as it would without a cache.
   */
  remember<T extends object>(key: string, load: () => Promise<T | null>): Promise<T | null>;
  /** Starts listening if it does not yet; true once it listens (false while it cannot). */
  listening(): Promise<boolean>;
  /** Forgets everything at once; the writes of this process call it, other processes hear the NOTIFY. */
  forget(): void;
  close(): Promise<void>;
}

/**
 * Each request used to read its session (or token) row with the person and team: a round trip
 * and 4-5 ms of PostgreSQL CPU for an answer that changes a few times a day. The answers are kept
 * here until PostgreSQL says something changed (a trigger NOTIFYs at commit, from any process,
 * the CLI and psql included), so a revoked session, a deactivated person, a revoked token or a
 * new role still applies within moments. A lookup that began before a change never stores its
 * (possibly stale) answer: each change starts a new generation.
 */
export function createIdentityCache(connectionString: string, onError: (err: unknown) => void = () => {}): IdentityCache {
  const entries = new Map<string, object>();
  let generation = 0;
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let failedAt = -Infinity;
  let closed = false;

  const forget = () => {
    generation++;
    entries.clear();
  };

  function connect(): Promise<void> {
    if (client || closed || connecting || Date.now() - failedAt < RECONNECT_AFTER_MS) return connecting ?? Promise.resolve();
    connecting = (async () => {
      const next = new pg.Client({ connectionString });
      next.on("notification", (message) => {
        if (message.channel === IDENTITY_CHANNEL) forget();
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
        await next.query(`LISTEN ${IDENTITY_CHANNEL}`);
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

// One per process (and per dev-server reload), like the Prisma client.
const globalForCache = globalThis as { rigshareIdentityCache?: IdentityCache };

/** The process-wide cache on DATABASE_URL, created on first use. */
export function identityCache(): IdentityCache {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  globalForCache.rigshareIdentityCache ??= createIdentityCache(url);
  return globalForCache.rigshareIdentityCache;
}

/** Called by the repositories that change sessions, tokens, people or teams (see `forget`). */
export function identityChanged(): void {
  globalForCache.rigshareIdentityCache?.forget();
}
