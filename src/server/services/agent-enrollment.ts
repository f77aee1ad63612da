import { createHash, randomBytes } from "node:crypto";
import { AppError, notFound } from "@/core/errors";
import { findAgentOf, findCredentialByHash, insertCredential, insertEnrollmentCode, lockEnrollmentCode, markCodeUsed, revokeCredentialsOf } from "@/server/db/agents";
import { recordAudit } from "@/server/db/audit";
import { findMachineName } from "@/server/db/telemetry-views";
import { read, transaction } from "@/server/db/tx";
import type { Actor } from "./actor";

/** Enrollment codes are short-lived and one-time; credentials are 256 random bits, so a fast hash suffices. */
export const ENROLLMENT_CODE_TTL_MS = 3_600_000;
const CREDENTIAL_PREFIX = "rsa_";
const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** Codes are typed by people: no 0/O or 1/I, case-insensitive, grouped. 80 bits: unguessable within an hour. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

function newCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

export async function createEnrollmentCode(actor: Actor, input: { machineId: string }, now: Date) {
  const code = newCode();
  return transaction(async (tx) => {
    const machine = await findMachineName(tx, input.machineId);
    if (!machine) throw notFound("Machine", "machineId");
    const row = await insertEnrollmentCode(tx, { machineId: machine.id, codeHash: hash(normalizeCode(code)), expiresAt: new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS), createdById: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: "agent.code.create", subjectType: "machine", subjectId: machine.id, after: { expiresAt: row.expiresAt.toISOString() } });
    // The only time the code leaves the server.
    return { machineId: machine.id, machineName: machine.name, code, expiresAt: row.expiresAt };
  });
}

/** Exchanges a one-time code for the machine's credential; earlier credentials of the machine are revoked. */
export async function enrollAgent(input: { code: string; hostname: string; agentVersion: string }, now: Date) {
  const credential = `${CREDENTIAL_PREFIX}${randomBytes(32).toString("base64url")}`;
  return transaction(async (tx) => {
    const code = await lockEnrollmentCode(tx, hash(normalizeCode(input.code)));
    if (!code) throw new AppError("UNAUTHORIZED", "This enrollment code is not valid; create one on the machine's page.", { field: "code" });
    if (code.usedAt) throw new AppError("UNAUTHORIZED", "This enrollment code was already used; create a new one on the machine's page.", { field: "code" });
    if (code.expiresAt <= now) throw new AppError("UNAUTHORIZED", "This enrollment code has expired (codes are valid for an hour); create a new one.", { field: "code" });
    await markCodeUsed(tx, code.id, now);
    await revokeCredentialsOf(tx, code.machineId, now);
    const row = await insertCredential(tx, { machineId: code.machineId, tokenHash: hash(credential), prefix: credential.slice(0, CREDENTIAL_PREFIX.length + 6), hostname: input.hostname, agentVersion: input.agentVersion });
    await recordAudit(tx, { actorId: null, action: "agent.enroll", subjectType: "machine", subjectId: code.machineId, after: { credential: row.prefix, hostname: input.hostname, agentVersion: input.agentVersion } });
    return { machineId: code.machine.id, machineName: code.machine.name, credential };
  });
}

export async function revokeAgent(actor: Actor, input: { machineId: string }, now: Date) {
  return transaction(async (tx) => {
    const machine = await findMachineName(tx, input.machineId);
    if (!machine) throw notFound("Machine", "machineId");
    const { count } = await revokeCredentialsOf(tx, machine.id, now);
    if (count > 0) await recordAudit(tx, { actorId: actor.id, action: "agent.revoke", subjectType: "machine", subjectId: machine.id, after: { revokedAt: now.toISOString() } });
    return { machineId: machine.id, revoked: count };
  });
}

export interface AgentIdentity {
  credentialId: string;
  machineId: string;
  machineName: string;
}

const REVOKED = "This machine's credential was revoked; enroll the agent again with a new code.";
export const revokedCredential = () => new AppError("UNAUTHORIZED", REVOKED);

/** The machine behind an agent's bearer credential, or UNAUTHORIZED saying why. Personal API tokens are not accepted. */
export async function authenticateAgent(credential: string): Promise<AgentIdentity> {
  const row = credential.startsWith(CREDENTIAL_PREFIX) ? await read((client) => findCredentialByHash(client, hash(credential))) : null;
  if (!row) throw new AppError("UNAUTHORIZED", "This is not a machine credential; enroll the agent with a code from the machine's page.");
  if (row.revokedAt) throw revokedCredential();
  return { credentialId: row.id, machineId: row.machineId, machineName: row.machine.name };
}

/**
 * Known credentials, for the endpoint every agent calls every 30 s (the telemetry report): a
 * lookup saved per report. An entry is only an identity, never a permission: that endpoint
 * refuses a revoked credential in its own transaction (the first statement locks the credential
 * and checks it), so a revocation takes effect at once, cached or not. Kept a minute (a renamed
 * machine shows its new name in alerts soon after), and never more than CACHE_MAX entries.
 */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;
const identities = new Map<string, { identity: AgentIdentity; until: number }>();

export async function identifyAgent(credential: string, at: Date): Promise<AgentIdentity> {
  const now = at.getTime();
  const key = hash(credential);
  const known = identities.get(key);
  if (known && known.until > now) return known.identity;
  const identity = await authenticateAgent(credential);
  if (identities.size >= CACHE_MAX) identities.clear();
  identities.set(key, { identity, until: now + CACHE_TTL_MS });
  return identity;
}

/** Drops a credential found revoked, so its next call is refused without the transaction. */
export function forgetAgent(credentialId: string) {
  for (const [key, entry] of identities) if (entry.identity.credentialId === credentialId) identities.delete(key);
}

export function agentOf(machineId: string) {
  return read((client) => findAgentOf(client, machineId));
}
