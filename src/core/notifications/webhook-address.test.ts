import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHostName, parseWebhookUrl } from "./webhook-address";

describe("webhook addresses", () => {
  it.each([
    ["127.0.0.1", true], ["10.0.0.8", true], ["172.16.0.1", true], ["172.31.255.255", true], ["172.32.0.1", false],
    ["192.168.1.1", true], ["169.254.169.254", true], ["100.64.0.1", true], ["0.0.0.0", true], ["224.0.0.1", true],
    ["8.8.8.8", false], ["1.1.1.1", false], ["::1", true], ["[::1]", true], ["fd00::1", true], ["fe80::1", true],
    ["::ffff:127.0.0.1", true], ["2606:4700::1111", false], ["example.com", false],
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("treats local host names as private before any DNS lookup", () => {
    for (const host of ["localhost", "LOCALHOST.", "db.localhost", "printer.local", "metadata.google.internal"]) expect(isPrivateHostName(host)).toBe(true);
    expect(isPrivateHostName("hooks.slack.com")).toBe(false);
  });

  it("every 10.x, 127.x and 192.168.x address is private; public first octets are not", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(fc.property(fc.constantFrom(10, 127), octet, octet, octet, (a, b, c, d) => isPrivateAddress(`${a}.${b}.${c}.${d}`)));
    fc.assert(fc.property(octet, octet, (c, d) => isPrivateAddress(`192.168.${c}.${d}`)));
    fc.assert(fc.property(fc.constantFrom(8, 34, 52, 151), octet, octet, octet, (a, b, c, d) => !isPrivateAddress(`${a}.${b}.${c}.${d}`)));
  });

  it("parses only http(s) URLs without credentials", () => {
    expect(parseWebhookUrl("https://hooks.slack.com/services/x")).toMatchObject({ ok: true });
    expect(parseWebhookUrl("hooks.slack.com")).toMatchObject({ ok: false, message: expect.stringContaining("full URL") });
    expect(parseWebhookUrl("javascript:alert(1)")).toMatchObject({ ok: false, message: expect.stringContaining("https://") });
    expect(parseWebhookUrl("https://a:b@example.com")).toMatchObject({ ok: false, message: expect.stringContaining("password") });
  });
});
