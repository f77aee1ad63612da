/**
 * Whether PostgreSQL is away, for the proxy to answer pages with 503 instead of letting each one
 * fail with 500 (the App Router gives a page no way to set its own status).
 *
 * The database layer reports a lost connection (the pool's error events, an unavailable query);
 * from then on the proxy asks a cheap probe at most once a second, and the first answer clears it.
 * The proxy is bundled apart from the routes, so both reach this state through globalThis, which
 * they share in one process; a state of the module's own would exist once per bundle.
 */
const RECHECK_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;

type Probe = () => Promise<unknown>;

interface DatabaseAwayState {
  lostAt: number | null;
  checkedAt: number;
  probe: Probe | null;
  checking: Promise<boolean> | null;
}

const KEY = Symbol.for("rigshare.databaseAway");

function shared(): DatabaseAwayState {
  const holder = globalThis as { [KEY]?: DatabaseAwayState };
  return (holder[KEY] ??= { lostAt: null, checkedAt: 0, probe: null, checking: null });
}

/** The database layer saw the connection fail; pages answer 503 until a probe succeeds. */
export function databaseLost(): void {
  const state = shared();
  if (state.lostAt === null) {
    state.lostAt = Date.now();
    state.checkedAt = state.lostAt;
  }
}

/** How to ask the database whether it is back (the process-wide client registers it). */
export function watchDatabase(probe: Probe): void {
  shared().probe = probe;
}

export async function databaseAway(): Promise<boolean> {
  const state = shared();
  if (state.lostAt === null) return false;
  if (Date.now() - state.checkedAt < RECHECK_MS) return true;
  // Concurrent page requests share one probe instead of each opening a connection.
  state.checking ??= recheck(state).finally(() => {
    state.checking = null;
  });
  return state.checking;
}

async function recheck(state: DatabaseAwayState): Promise<boolean> {
  state.checkedAt = Date.now();
  if (!state.probe) {
    state.lostAt = null;
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error("database probe timed out")), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([state.probe(), timeout]);
    state.lostAt = null;
    return false;
  } catch {
    return true;
  } finally {
    clearTimeout(timer);
  }
}
