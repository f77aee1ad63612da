import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionIdOfCookie } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = new Date();

async function cookie(name: string, claims: Record<string, unknown>, maxAge = 3_600, key = secret) {
  return `${name}=${await encode({ token: { sub: "u1", ...claims }, secret: key, salt: name, maxAge })}`;
}
const headers = (cookieHeader: string) => new Headers({ cookie: cookieHeader });

describe("the session id in an Auth.js session cookie", () => {
  it("is read from the plain and the secure cookie, again from memory", async () => {
    const plain = headers(await cookie("authjs.session-token", { sid: "s-plain" }));
    expect(await sessionIdOfCookie(plain, secret, now)).toBe("s-plain");
    expect(await sessionIdOfCookie(plain, secret, now)).toBe("s-plain");
    const secure = headers(`other=1; ${await cookie("__Secure-authjs.session-token", { sid: "s-secure" })}`);
    expect(await sessionIdOfCookie(secure, secret, now)).toBe("s-secure");
  });

  it("is read from a cookie Auth.js split into chunks", async () => {
    const whole = (await cookie("authjs.session-token", { sid: "s-chunked" })).split("=")[1]!;
    const half = Math.ceil(whole.length / 2);
    const chunked = headers(`authjs.session-token.1=${whole.slice(half)}; authjs.session-token.0=${whole.slice(0, half)}`);
    expect(await sessionIdOfCookie(chunked, secret, now)).toBe("s-chunked");
  });

  it("is null without a cookie, for another secret, a forged value, no sid, or once expired (also when remembered)", async () => {
    expect(await sessionIdOfCookie(headers(""), secret, now)).toBeNull();
    expect(await sessionIdOfCookie(headers(await cookie("authjs.session-token", { sid: "s" }, 3_600, "another-secret-that-is-long-enough-987654321")), secret, now)).toBeNull();
    expect(await sessionIdOfCookie(headers("authjs.session-token=eyJhbGciOiJkaXIifQ.forged.value"), secret, now)).toBeNull();
    expect(await sessionIdOfCookie(headers(await cookie("authjs.session-token", {})), secret, now)).toBeNull();
    const shortLived = headers(await cookie("authjs.session-token", { sid: "s-short" }, 60));
    expect(await sessionIdOfCookie(shortLived, secret, now)).toBe("s-short");
    expect(await sessionIdOfCookie(shortLived, secret, new Date(now.getTime() + 61_000))).toBeNull();
  });
});
