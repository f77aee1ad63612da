import { z } from "zod";
import { parseTeamGroups } from "@/core/identity/team-groups";

const list = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

/**
 * Every environment variable the portal reads, validated once. The README's configuration
 * table mirrors this schema.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    RIGSHARE_DATA_DIR: z.string().min(1).default(".rigshare-data"),
    RIGSHARE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    AUTH_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_PROVIDER_NAME: z.string().min(1).default("SSO"),
    OIDC_SCOPES: z.string().default("openid email profile"),
    OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
    OIDC_ADMIN_GROUPS: list,
    OIDC_LEADERSHIP_GROUPS: list,
    BOOTSTRAP_ADMIN_EMAILS: list,
    DEFAULT_TEAM: z.string().min(1).default("Unassigned"),
    /** IdP group → team, e.g. "ds-nlp=NLP,ds-vision=Vision"; the first entry a person's groups hold wins. */
    OIDC_TEAM_GROUPS: z
      .string()
      .default("")
      .transform((text, ctx) => {
        const parsed = parseTeamGroups(text);
        if (parsed.ok) return parsed.map;
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }),
    /** "0" starts the demo sign-in without the demo's machines, people and history. */
    RIGSHARE_DEMO_DATA: z.enum(["0", "1"]).default("1"),
    DEMO_IDP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    /** Process names (besides the built-in ones) that never count as unbooked GPU use. */
    RIGSHARE_SYSTEM_PROCESSES: list,
    /** Set by the launcher, never by hand: the embedded demo IdP is serving sign-in. */
    RIGSHARE_DEMO_IDP: z.enum(["0", "1"]).default("0"),
    /** Notifications: e-mail goes out through this SMTP server (demo mode: the embedded mail catcher). */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Rigshare <rigshare@localhost>"),
    /** Lets webhooks target loopback and private addresses (off: refused, against SSRF). */
    WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
    /** The demo mail catcher's SMTP port on 127.0.0.1 (0: any free port). */
    MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(3025),
  })
  .superRefine((env, ctx) => {
    if (!env.OIDC_ISSUER) return;
    for (const key of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "AUTH_SECRET"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when OIDC_ISSUER is set" });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
}

let cached: Env | undefined;

/** The validated environment of this process; the first call fails fast on bad configuration. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Whether a real (or the demo) IdP is configured for the web app. */
export function authConfigured(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.AUTH_SECRET);
}
