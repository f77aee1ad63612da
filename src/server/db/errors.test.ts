import { describe, expect, it } from "vitest";
import { AppError } from "@/core/errors";
import { mapDbError } from "./errors";

/** The shape Prisma 7 gives a driver failure: its own code, the driver's error under meta.driverAdapterError.cause. */
function prismaError(code: string, cause: Record<string, unknown>) {
  return Object.assign(new Error("Invalid invocation"), { code, meta: { modelName: "Slice", driverAdapterError: { name: "DriverAdapterError", cause } } });
}
const postgres = (sqlState: string, message: string) => prismaError("P2039", { originalCode: sqlState, originalMessage: message, kind: "postgres", code: sqlState, message });

describe("mapDbError: values PostgreSQL cannot store are the caller's, so a 400, not a 500", () => {
  it.each([
    ["a NUL character in text", postgres("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), /NUL/],
    ["a bigint beyond 2^63 (reported only as originalCode)", prismaError("P2020", { originalCode: "22003", kind: "ValueOutOfRange", cause: "out of range" }), /number is too large/],
    ["a date before 4713 BC", postgres("22009", 'time zone displacement out of range: "-271821-04-20 00:00:00"'), /date is outside/],
    ["text in a uuid column", postgres("22P02", "invalid input syntax for type uuid"), /not in the form/],
  ])("maps %s to VALIDATION", (_label, error, message) => {
    const mapped = mapDbError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(message) });
  });

  it("leaves other data exceptions (our own bugs, e.g. division by zero) internal", () => {
    const error = postgres("22012", "division by zero");
    expect(mapDbError(error)).toBe(error);
  });

  it("maps a connection node-postgres lost mid-query (no code, only a message) to UNAVAILABLE", () => {
    expect(mapDbError(new Error("Connection terminated unexpectedly"))).toMatchObject({ code: "UNAVAILABLE" });
    expect(mapDbError(prismaError("P2039", { cause: new Error("Connection terminated") }))).toMatchObject({ code: "UNAVAILABLE" });
    const unrelated = new Error("Connection terminated unexpectedly, said the user's purpose");
    expect(mapDbError(unrelated)).toBe(unrelated);
  });

  it("still maps a lost connection to UNAVAILABLE and a double-booked GPU to CAPACITY_CONFLICT", () => {
    expect(mapDbError(postgres("57P01", "terminating connection due to administrator command"))).toMatchObject({ code: "UNAVAILABLE" });
    expect(mapDbError(postgres("23P01", "conflicting key value violates exclusion constraint"))).toMatchObject({ code: "CAPACITY_CONFLICT", field: "gpuIds" });
  });
});
