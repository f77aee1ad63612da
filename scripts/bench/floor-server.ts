// The floor beside the ceiling (`npm run bench` starts it as its own process): the inventory served
// without Next.js, tRPC or a session, by a bare node:http server on the app's database.
// - GET /sql replays, on a `pg` pool configured as the app's (Prisma's pg adapter makes a default
//   `pg.Pool`), the very statements the inventory's service sends once its fleet cache is warm
//   (the GPU holds): they are captured at start-up from the `pg` client underneath Prisma, so the
//   SQL is the same, and the rows go out as JSON.
// - GET /service calls the inventory's service (Prisma, the core's status summary, the view), as
//   the tRPC procedure does, and sends its JSON.
// The gap health → /sql is the database; /sql → /service is Prisma and our mapping; /service →
// tRPC is the framework, the session and the rate limit.
import { createServer } from "node:http";
import pg from "pg";
import { listMachines } from "@/server/services/machines";

const port = Number(process.argv[2]);
const url = process.env.DATABASE_URL!;

interface Statement {
  query: string;
  params: unknown[];
}

/** The statements (and their parameters) the inventory's service sends on a warm cache, as `pg` sees them. */
async function captureInventorySql(): Promise<Statement[]> {
  await listMachines(new Date());
  const statements: Statement[] = [];
  const query = pg.Client.prototype.query;
  const recording = function (this: pg.Client, ...args: unknown[]) {
    const [text, values] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (typeof text === "object") statements.push({ query: text.text, params: text.values ?? [] });
    else statements.push({ query: text, params: Array.isArray(values) ? values : [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = recording as typeof query;
  try {
    await listMachines(new Date());
  } finally {
    pg.Client.prototype.query = query;
  }
  // The cache's settling round trip is not the inventory's own work.
  return statements.filter((s) => !/^(BEGIN|COMMIT|SELECT 1)$/i.test(s.query.trim()));
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
