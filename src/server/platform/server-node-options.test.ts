import { describe, expect, it } from "vitest";
import { SEMI_SPACE_MB, serverNodeOptions } from "./server-node-options";

describe("the web server's NODE_OPTIONS", () => {
  it("sizes the young generation when the operator sets nothing", () => {
    expect(serverNodeOptions(undefined)).toBe(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(serverNodeOptions("  ")).toBe(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it("keeps the operator's options and adds the young generation's size after them", () => {
    expect(serverNodeOptions("--enable-source-maps --max-old-space-size=2048")).toBe(`--enable-source-maps --max-old-space-size=2048 --max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it("leaves an operator's own young generation size as it is", () => {
    expect(serverNodeOptions("--max-semi-space-size=16")).toBe("--max-semi-space-size=16");
    expect(serverNodeOptions("--inspect --max-semi-space-size 32")).toBe("--inspect --max-semi-space-size 32");
  });
});
