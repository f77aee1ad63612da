import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./body-limit";

const config = createRequire(import.meta.url)("../../../next.config.js") as NextConfig;
const MB = 1024 * 1024;

describe("the body limits", () => {
  it("let Next pass bodies to the proxy whole up to just above the API's limit", () => {
    const proxyLimit = config.experimental?.proxyClientMaxBodySize;
    expect(proxyLimit).toMatch(/^\d+mb$/);
    const bytes = Number.parseInt(String(proxyLimit), 10) * MB;
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * MB);
  });
});
