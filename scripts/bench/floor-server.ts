// The floor beside the ceiling (`npm run bench` starts it as its own process): the inventory served
// without Next.js, tRPC or a session, by a bare node:http server on the app's database.
// - GET /sql replays, on a `pg` pool configured as the app's (Prisma's pg adapter makes a default
//   `pg.Pool`), the very statements the inventory runs: they are captured from Prisma's query log
//   at start-up, so the SQL is the same, and the rows go out as JSON.
// - GET /service calls the inventory's service (Prisma, the core's status summary, the view), as
//   the tRPC procedure does, and sends its JSON.
// The gap health → /sql is the database; /sql → /service is Prisma and our mapping; /service →
// tRPC is the framework, the session and the rate limit.
import { createServer } from "node:http";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { findMachines } from "@/server/db/machines";
import { findGpuHoldRows } from "@/server/db/gpu-holds";
import { listMachines } from "@/server/services/machines";

const port = Number(process.argv[2]);
const url = process.env.DATABASE_URL!;

interface Statement {
  query: string;
  params: unknown[];
}

/** The statements (and their parameters) the inventory's queries send, from Prisma's own log. */
async function captureInventorySql(): Promise<Statement[]> {
  const statements: Statement[] = [];
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ level: "query", emit: "event" }] });
  prisma.$on("query", (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  const machines = await findMachines(prisma);
  await findGpuHoldRows(prisma, machines.map((m) => m.id), new Date());
  await prisma.$disconnect();
  return statements.filter((s) => !/^(BEGIN|COMMIT|SELECT 1)/i.test(s.query));
}

const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

async function main() {
  const statements = await captureInventorySql();
  const pool = new pg.Pool({ connectionString: url });
  const server = createServer((req, res) => {
    const answer = async () => {
      if (req.url === "/sql") {
        const results = [];
        for (const s of statements) results.push((await pool.query(s.query, s.params)).rows);
        return json(results);
      }
      if (req.url === "/service") return json(await listMachines(new Date()));
      return null;
    };
    answer().then(
      (body) => {
        res.writeHead(body === null ? 404 : 200, { "content-type": "application/json" });
        res.end(body ?? "{}");
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error.message);
      },
    );
  });
  server.listen(port, "127.0.0.1", () => console.log(`floor: ${statements.length} statements captured; listening on ${port}`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
