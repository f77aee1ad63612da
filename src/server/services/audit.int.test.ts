import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@test/db/database";
import { listAuditEntries } from "./audit";

beforeEach(() => resetDatabase());

describe("listAuditEntries filters PostgreSQL could not take", () => {
  it("refuses a cursor beyond a bigint, naming the field, instead of failing in the database", async () => {
    await expect(listAuditEntries({ cursor: "9999999999999999999", limit: 10 })).rejects.toMatchObject({ code: "VALIDATION", field: "cursor" });
    await expect(listAuditEntries({ cursor: "12abc", limit: 10 })).rejects.toMatchObject({ code: "VALIDATION", field: "cursor" });
    await expect(listAuditEntries({ cursor: "9223372036854775807", limit: 10 })).resolves.toMatchObject({ entries: [] });
  });

  it("refuses dates outside the years 1 to 9999, naming the field", async () => {
    await expect(listAuditEntries({ from: new Date(-8.64e15), limit: 10 })).rejects.toMatchObject({ code: "VALIDATION", field: "from" });
    await expect(listAuditEntries({ to: new Date(8.64e15), limit: 10 })).rejects.toMatchObject({ code: "VALIDATION", field: "to" });
    await expect(listAuditEntries({ from: new Date("0001-01-01T00:00:00Z"), to: new Date("9999-12-31T00:00:00Z"), limit: 10 })).resolves.toMatchObject({ entries: [] });
  });
});
