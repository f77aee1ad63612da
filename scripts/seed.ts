// `npm run db:seed`: loads the demo data (idempotent) into DATABASE_URL, or into the embedded
// database in RIGSHARE_DATA_DIR when none is set.
import { resolve } from "node:path";
import { createPrismaClient } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/platform/embedded";
import { migrate } from "@/server/platform/migrate";
import { seedDemo } from "@seed/demo";
import { parseEnv } from "@/server/env";

async function main() {
  const config = parseEnv(process.env);
  const pg = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: resolve(config.RIGSHARE_DATA_DIR), port: config.RIGSHARE_PG_PORT });
  const url = config.DATABASE_URL ?? pg!.url;
  try {
    await migrate(url);
    const prisma = createPrismaClient(url);
    const seeded = await seedDemo(prisma, new Date()).finally(() => prisma.$disconnect());
    console.log("seeded", seeded);
  } finally {
    await pg?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
