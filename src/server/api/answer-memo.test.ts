import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deepFreeze, oncePerFrozenValue } from "@/core/deep-freeze";
import { checkedOncePerAnswer } from "./answer-memo";

/** A schema that counts its checks (a refinement runs on every check). */
function counting() {
  const count = { checks: 0 };
  const schema = z.object({ n: z.number(), when: z.date() }).refine(() => ++count.checks > 0);
  return { schema: checkedOncePerAnswer(schema), count };
}

describe("checkedOncePerAnswer", () => {
  it("checks a frozen answer once and returns the same frozen result after", async () => {
    const { schema, count } = counting();
    const answer = deepFreeze({ n: 1, when: new Date(0), extra: "stripped" });
    const first = await schema.parseAsync(answer);
    expect(first).toEqual({ n: 1, when: new Date(0) });
    expect(Object.isFrozen(first)).toBe(true);
    expect(await schema.parseAsync(answer)).toBe(first);
    expect(count.checks).toBe(1);
  });

  it("checks a value that is not frozen every time, as it may have changed", async () => {
    const { schema, count } = counting();
    const value = { n: 1, when: new Date(0) };
    await schema.parseAsync(value);
    value.n = 2;
    expect(await schema.parseAsync(value)).toEqual({ n: 2, when: new Date(0) });
    expect(count.checks).toBe(2);
  });

  it("refuses a bad frozen answer on every check, keeping no failure", async () => {
    const { schema } = counting();
    const bad = deepFreeze({ n: "one", when: new Date(0) });
    await expect(schema.parseAsync(bad)).rejects.toThrow();
    await expect(schema.parseAsync(bad)).rejects.toThrow();
  });

  it("leaves the schema's other uses and its identity as they were", () => {
    const plain = z.object({ n: z.number() });
    expect(checkedOncePerAnswer(plain)).toBe(plain);
    expect(checkedOncePerAnswer(plain)).toBe(plain);
    expect(() => plain.parse({ n: "x" })).toThrow();
  });
});

describe("oncePerFrozenValue", () => {
  it("works once per frozen value and afresh on anything else", () => {
    let calls = 0;
    const encode = oncePerFrozenValue((value) => `${++calls}:${JSON.stringify(value)}`);
    const frozen = deepFreeze({ a: 1 });
    expect(encode(frozen)).toBe("1:{\"a\":1}");
    expect(encode(frozen)).toBe("1:{\"a\":1}");
    const open = { a: 1 };
    expect(encode(open)).toBe("2:{\"a\":1}");
    open.a = 2;
    expect(encode(open)).toBe("3:{\"a\":2}");
    expect(encode(5)).toBe("4:5");
  });
});
