import { parseArgs } from "node:util";
import { AppError } from "@/core/errors";
import { agentCodeCommand } from "./agent";
import { createAdminTokenCommand, exportCommand, importCommand, migrateCommand } from "./local";
import { myWaitlistCommand, requestByNeedCommand } from "./need";
import { listSlicesCommand, releaseSliceCommand, requestSliceCommand, savingsSummaryCommand } from "./remote";

const USAGE = `Usage: npx rigshare <command>

On the database (DATABASE_URL, or the embedded one in RIGSHARE_DATA_DIR):
  migrate                               apply pending migrations
  import FILE [--dry-run]               import an inventory document (all or nothing)
  export [FILE]                         export the inventory document (stdout without FILE)
  create-admin-token --email E [--days N] [--name TEXT]
                                        print a new write API token of an admin

Through the REST API (RIGSHARE_URL and RIGSHARE_TOKEN):
  slices list [--mine] [--status S] [--limit N]
  slices request --machine NAME --gpus N --end ISO [--start ISO] [--threads N] [--ram-gb N] --purpose TEXT
  slices release SLICE_ID
  slices need --gpus N [--min-gpu-memory-gb G] --hours H --purpose TEXT [--start ISO] [--latest-end ISO] [--no-wait]
  slices waiting
  savings summary [--from ISO] [--to ISO]
                                        savings over a window (default: all time up to now)
  agent-code --machine NAME             a one-time code to enroll the machine's agent (admins)

The document format: /api/v1/schema/inventory-v1.json; the API: /api-docs in the web app.`;

class UsageError extends Error {}

const whole = (value: string | undefined, name: string, fallback?: number) => {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
};
const required = (value: string | undefined, name: string) => {
  if (!value) throw new UsageError(`${name} is required`);
  return value;
};

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      email: { type: "string" },
      days: { type: "string" },
      name: { type: "string" },
      mine: { type: "boolean" },
      status: { type: "string" },
      limit: { type: "string" },
      machine: { type: "string" },
      gpus: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      threads: { type: "string" },
      "ram-gb": { type: "string" },
      purpose: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      hours: { type: "string" },
      "min-gpu-memory-gb": { type: "string" },
      "latest-end": { type: "string" },
      "no-wait": { type: "boolean" },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command || command === "help") return void console.log(USAGE);
  switch (`${command} ${command === "slices" || command === "savings" ? (sub ?? "") : ""}`.trim()) {
    case "migrate":
      return migrateCommand();
    case "import":
      return importCommand(required(sub, "FILE"), { dryRun: values["dry-run"] ?? false });
    case "export":
      return exportCommand(sub);
    case "create-admin-token":
      return createAdminTokenCommand(required(values.email, "--email"), { days: whole(values.days, "days", 30), name: values.name ?? "Command-line admin token" });
    case "agent-code":
      return agentCodeCommand(required(values.machine, "--machine"));
    case "slices list":
      return listSlicesCommand({ mine: values.mine ?? false, status: values.status, limit: whole(values.limit, "limit", 50) });
    case "slices request":
      return requestSliceCommand({
        machine: required(values.machine, "--machine"),
        gpus: whole(values.gpus, "gpus", 1),
        start: values.start,
        end: required(values.end, "--end"),
        purpose: required(values.purpose, "--purpose"),
        threads: values.threads === undefined ? undefined : whole(values.threads, "threads"),
        ramGb: values["ram-gb"] === undefined ? undefined : whole(values["ram-gb"], "ram-gb"),
      });
    case "slices need":
      return requestByNeedCommand({
        gpus: whole(values.gpus, "gpus", 1),
        minGpuMemoryGb: values["min-gpu-memory-gb"] === undefined ? undefined : whole(values["min-gpu-memory-gb"], "min-gpu-memory-gb"),
        hours: whole(values.hours, "hours"),
        purpose: required(values.purpose, "--purpose"),
        start: values.start,
        latestEnd: values["latest-end"],
        wait: !values["no-wait"],
      });
    case "slices waiting":
      return myWaitlistCommand();
    case "slices release":
      return releaseSliceCommand(required(arg, "SLICE_ID"));
    case "savings summary":
      return savingsSummaryCommand({ from: values.from, to: values.to });
    default:
      throw new UsageError(`unknown command: ${positionals.join(" ")}`);
  }
}

/** Problems an import found, one per line, each with its path in the document. */
function printError(error: unknown): number {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
    console.error(`rigshare: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof AppError) {
    const problems = (error.details?.problems ?? []) as { path: string; message: string }[];
    console.error(`rigshare: ${problems.length > 1 ? `${problems.length} problems; nothing was imported:` : error.message}`);
    if (problems.length > 1) for (const p of problems) console.error(`  ${p.path}: ${p.message}`);
    return 1;
  }
  console.error(`rigshare: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

// `npx rigshare export | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => process.exit(printError(error)),
);
