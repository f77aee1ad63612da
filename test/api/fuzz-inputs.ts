// Hostile and plausible inputs for src/server/api/fuzz.int.test.ts, built from each procedure's
// own zod input schema: malformed, oversized and boundary values mixed with real ids, so that many
// inputs get past validation into the services.
import fc from "fast-check";

const HOUR = 3_600_000;

// ---------- hostile values ----------

/** Text PostgreSQL cannot store: the likeliest way for a string to get past validation and fail deep down. */
const UNSTORABLE_STRINGS = ["\u0000", "nul\u0000byte", "trailing NUL\u0000"];
export const HOSTILE_STRINGS = [
  "", " ", ...UNSTORABLE_STRINGS, "\uD800", "lone \uDFFF surrogate", "'; DROP TABLE slice; --", "' OR '1'='1", "\" OR 1=1 --",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../../etc/passwd", "%00", "%", "_", "\\", "${jndi:ldap://x/a}", "{{7*7}}",
  "NaN", "null", "-1", "1e309", "2026-13-45T25:61:00Z", "0000-00-00", "\u202Egnp.exe", "🙂".repeat(300), "x".repeat(10_001),
  "\n\r\t", "a".repeat(1_000_000),
];
const HOSTILE_NUMBERS = [-1, 0, -0, 0.5, 1.5, -0.0001, 2 ** 31, 2 ** 31 - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, NaN, Infinity, -Infinity, Number.MIN_VALUE];
const HOSTILE_DATES = [
  new Date(-8.64e15), new Date(8.64e15), new Date("0001-01-01T00:00:00Z"), new Date("1969-12-31T23:59:59Z"), new Date(0),
  new Date("1999-12-31T23:59:59.999Z"), new Date("2000-01-01T00:00:00Z"), new Date("2099-12-31T23:59:59.999Z"), new Date("2100-01-01T00:00:00Z"),
  new Date("9999-12-31T23:59:59Z"), new Date(NaN),
];
const WRONG_TYPES: unknown[] = [null, undefined, true, false, [], {}, [1, 2], "string", 42, -1, 3n, { nested: { deeper: [null] } }];
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

// ---------- arbitraries from the zod input schemas ----------

export interface ZodNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, ZodNode>;
      innerType?: ZodNode;
      element?: ZodNode;
      entries?: Record<string, string>;
      in?: ZodNode;
      options?: ZodNode[];
    };
    bag: { format?: string; minimum?: number | bigint; maximum?: number | bigint };
  };
  safeParse(value: unknown): { success: boolean };
}

/** Real ids by the input field that names them, refreshed before each procedure's run. */
export const idPool: { current: Record<string, string[]> } = { current: {} };
const poolFor = (key: string) => idPool.current[key.replace(/s$/, "")] ?? idPool.current[key] ?? [];
const now = () => Date.now();

function hostileFor(type: string): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES);
  switch (type) {
    case "string":
      return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) }, { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) }, wrong);
    case "number":
      return fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.double(), wrong, fc.constantFrom("1", "1.5"));
    case "bigint":
      return fc.oneof(fc.constantFrom(-1n, 10n ** 15n + 1n, 10n ** 40n, -(10n ** 40n)), wrong, fc.constantFrom(1.5, "1000"));
    case "date":
      return fc.oneof(fc.constantFrom(...HOSTILE_DATES), fc.constantFrom("yesterday", "2026-02-30", "", 1e20), wrong);
    default:
      return wrong;
  }
}

export function plausibleString(key: string, format?: string): fc.Arbitrary<unknown> {
  if (format === "uuid" || /Id$/.test(key)) {
    const pool = poolFor(key);
    return pool.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, fc.constant(UNKNOWN_ID), fc.uuid()) : fc.oneof(fc.constant(UNKNOWN_ID), fc.uuid());
  }
  if (key === "uuid") return fc.uuid().map((u) => `GPU-${u}`);
  if (key === "cursor") return fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String), fc.constantFrom("1", "0"));
  if (key === "sku" || /Sku$/.test(key)) return fc.constantFrom("gcp-p100", "gcp-v100", "gcp-n1-vcpu", "gcp-n1-ram-gb", "fuzz.sku:1");
  if (key === "name") return fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{1,12}$/), fc.constantFrom("Fuzz Team", "zeus", "GTX 1080 Ti"));
  return fc.oneof(fc.constantFrom("fine reason text", "abc", "zeus", "Vision"), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
}

function plausibleDate(): fc.Arbitrary<Date> {
  return fc.integer({ min: -24 * 400, max: 24 * 400 }).map((hours) => new Date(Math.floor(now() / HOUR) * HOUR + hours * HOUR));
}

const unwrap = (node: ZodNode): ZodNode => {
  const def = node._zod.def;
  if (def.type === "pipe") return unwrap(def.in!);
  return ["optional", "nullable", "default", "prefault", "readonly", "nonoptional"].includes(def.type) ? unwrap(def.innerType!) : node;
};

/** What a well-behaved client could send for `node`: real ids, in-range numbers, dates near now. */
function plausibleFor(node: ZodNode, key: string): fc.Arbitrary<unknown> {
  const def = node._zod.def;
  const bag = node._zod.bag;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return fc.oneof({ weight: 3, arbitrary: plausibleFor(def.innerType!, key) }, fc.constant(undefined));
    case "nullable":
      return fc.oneof({ weight: 3, arbitrary: plausibleFor(def.innerType!, key) }, fc.constant(null));
    case "readonly":
    case "nonoptional":
      return plausibleFor(def.innerType!, key);
    case "pipe":
      return plausibleFor(def.in!, key);
    case "object":
      return fc.record(Object.fromEntries(Object.entries(def.shape!).map(([name, child]) => [name, plausibleFor(child, name)])));
    case "array":
      return fc.array(plausibleFor(def.element!, key), { minLength: 1, maxLength: 3 });
    case "string":
      return plausibleString(key, bag.format);
    case "number": {
      const min = Math.max(Number(bag.minimum ?? 0), -1e6);
      const max = Math.min(Number(bag.maximum ?? 1e6), 1e6);
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), Math.ceil(min) + 10) }), fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    }
    case "bigint":
      return fc.bigInt({ min: 0n, max: 10n ** 15n });
    case "date":
      return plausibleDate();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries!));
    case "boolean":
      return fc.boolean();
    case "union":
      return fc.oneof(...def.options!.map((option) => plausibleFor(option, key)));
    default:
      return fc.anything();
  }
}

/** A value of the wrong kind for `node`: hostile values of its type, edges just outside its bounds, other types. */
function hostileValueFor(node: ZodNode, key: string): fc.Arbitrary<unknown> {
  const inner = unwrap(node);
  const def = inner._zod.def;
  const bag = inner._zod.bag;
  switch (def.type) {
    case "object":
      return hostileObject(inner);
    case "array": {
      const element = plausibleFor(def.element!, key);
      return fc.oneof(
        fc.constant([]),
        fc.constantFrom(65, 101, 1001).chain((n) => fc.array(element, { minLength: n, maxLength: n })),
        fc.array(hostileValueFor(def.element!, key), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...WRONG_TYPES),
      );
    }
    case "number": {
      const edges = [Number(bag.minimum ?? 0) - 1, Number(bag.maximum ?? 0) + 1, Number(bag.minimum ?? 0) + 0.5].filter(Number.isFinite);
      return fc.oneof(fc.constantFrom(...edges), hostileFor("number"));
    }
    case "enum": {
      const first = Object.values(def.entries!)[0]!;
      return fc.oneof(fc.constantFrom("nope", "", first.toUpperCase(), ` ${first}`), fc.constantFrom(...WRONG_TYPES));
    }
    case "boolean":
      return fc.constantFrom("true", 1, 0, null, "yes");
    default:
      return hostileFor(def.type);
  }
}

/** A plausible object with one field replaced by a hostile value, an unexpected key added, or a field missing. */
function hostileObject(node: ZodNode): fc.Arbitrary<unknown> {
  const shape = node._zod.def.shape!;
  const keys = Object.keys(shape);
  const base = plausibleFor(node, "input") as fc.Arbitrary<Record<string, unknown>>;
  const oneBadField = keys.length === 0 ? base : fc.constantFrom(...keys).chain((key) => fc.tuple(base, fc.constant(key), hostileValueFor(shape[key]!, key)).map(([value, k, bad]) => ({ ...value, [k]: bad })));
  const extraKey = fc.tuple(base, fc.constantFrom("__proto__", "constructor", "toString", "extra", "id")).map(([value, extra]) => ({ ...value, [extra]: { injected: true } }));
  const missingKey = keys.length === 0 ? base : fc.tuple(base, fc.constantFrom(...keys)).map(([value, drop]) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop)));
  return fc.oneof({ weight: 6, arbitrary: oneBadField }, extraKey, missingKey);
}

export function inputArbitrary(schema: ZodNode | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.constantFrom(...WRONG_TYPES));
  return fc.oneof({ weight: 3, arbitrary: plausibleFor(schema, "input") }, { weight: 8, arbitrary: hostileValueFor(schema, "input") }, fc.constantFrom(...WRONG_TYPES));
}

/**
 * A deterministic sweep on top of the random runs: a valid input (the first plausible one the
 * schema accepts, from a fixed seed) with each text field made unstorable, each date field pushed
 * to the ends of JavaScript's range, and keys such as `constructor` added: the values that pass
 * most schemas and fail deep down.
 */
export function boundarySweep(schema: ZodNode | undefined): unknown[] {
  if (!schema || unwrap(schema)._zod.def.type !== "object") return [];
  const base = fc.sample(plausibleFor(schema, "input"), { seed: 7, numRuns: 200 }).find((value) => schema.safeParse(value).success) as Record<string, unknown> | undefined;
  if (!base) return [];
  const inputs: unknown[] = [];
  for (const [key, child] of Object.entries(unwrap(schema)._zod.def.shape!)) {
    const type = unwrap(child)._zod.def.type;
    if (type === "string") inputs.push({ ...base, [key]: `${typeof base[key] === "string" ? base[key] : "text"}\u0000` });
    if (type === "date") inputs.push({ ...base, [key]: new Date(-8.64e15) }, { ...base, [key]: new Date(8.64e15) });
  }
  // Names every plain object already has: a parser that builds objects from query strings or bodies trips on them.
  inputs.push({ ...base, constructor: "x" }, { ...base, toString: "x" });
  return inputs;
}
