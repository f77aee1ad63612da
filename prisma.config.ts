import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env, and `prisma generate` runs before any database exists,
// so the URL is optional here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
