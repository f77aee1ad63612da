import pino from "pino";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ROLES } from "@/core/roles";
import { namingMissingFields, REQUIRED_MESSAGE } from "./missing-fields";
import { appRouter, createCaller } from "./root";
import { requestContext } from "./context";

describe("namingMissingFields", () => {
  const schema = z.object({
    groupBy: z.enum(["machine", "team"]),
    count: z.number({ message: "must be a number" }),
    nested: z.object({ at: z.coerce.date({ message: "must be a date" }) }),
  });

  it("says 'is required' for absent fields, keeps the schema's words for wrong ones", () => {
    const input = { count: "x", nested: {} };
    const error = schema.safeParse(input).error!;
    const named = namingMissingFields(error, input);
    expect(named.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["groupBy", REQUIRED_MESSAGE],
      ["count", "must be a number"],
      ["nested.at", REQUIRED_MESSAGE],
    ]);
  });

  it("treats an explicit undefined as absent and a null as sent", () => {
    const input = { groupBy: undefined, count: null, nested: { at: "2026-01-01" } };
    const named = namingMissingFields(schema.safeParse(input).error!, input);
    expect(named.issues.map((i) => i.message)).toEqual([REQUIRED_MESSAGE, "must be a number"]);
  });
});

// Every procedure called with an empty object: whatever it refuses first is a field that was not
// sent, so the message must say that field is required (REST builds its message from the same issues).
describe("every procedure names a missing required field as required", () => {
  const caller = createCaller(
    requestContext({
      actor: { id: "00000000-0000-4000-8000-000000000000", email: "a@example.com", name: "A", teamId: "00000000-0000-4000-8000-000000000001", teamName: "T", roles: [...ROLES], timeZone: null },
      requestId: "test",
      log: pino({ level: "silent" }),
    }),
  );
  const paths = Object.keys(appRouter._def.procedures);

  it.each(paths)("%s", async (path) => {
    const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
    const inputs = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>)[path]!._def.inputs;
    const takesObject = inputs.length > 0 && inputs[0]!.safeParse({}).success === false && inputs[0]!.safeParse(undefined).success === false;
    if (!takesObject) return;
    const error = await procedure({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const trpcError = error as TRPCError;
    expect(trpcError.code, trpcError.message).toBe("BAD_REQUEST");
    expect(trpcError.message).toMatch(new RegExp(`^[\\w.]+: ${REQUIRED_MESSAGE}$`));
  });
});
