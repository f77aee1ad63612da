import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only the db layer talks to Prisma.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server/db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@prisma/*", "**/db/generated/*"], message: "Only src/server/db may import Prisma." }] }],
    },
  },
  {
    // The domain core stays pure: no frameworks, no database, no clock.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "@trpc/*", "@prisma/*", "pg", "next-auth", "@/server/*"] }],
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
