import { inventoryDocument, inventoryEnvelope } from "@/core/transfer/schema";
import { exportInventory } from "@/server/services/transfer/export";
import { importInventory } from "@/server/services/transfer/import";
import { importResultOut } from "@/contracts/transfer";
import { INVENTORY_SCHEMA_PATH } from "../rest/paths";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";

const rest = restEndpoint("Import and export");
const format = `The document's JSON Schema: ${INVENTORY_SCHEMA_PATH}.`;

export const transferRouter = router({
  import: permitted("import:manage")
    .meta(
      rest(
        "POST",
        "/import",
        "Import an inventory document",
        "import:manage",
        `All or nothing, in one transaction. Records are matched by natural key (team name, user e-mail, GPU model name, machine name + GPU index, build name, price SKU + effective date, quota team, slice externalId or machine + start + requester) and created or updated; nothing is deleted, and importing the same document twice changes nothing. \`?dryRun=true\` checks the document and reports what would change without writing anything. Every problem is reported at once, with its path in the document (details.problems). ${format}`,
      ),
    )
    // Records are checked one by one in the service, so every problem of every record is reported at once.
    .input(inventoryEnvelope)
    .output(importResultOut)
    .mutation(({ ctx, input }) => importInventory(ctx.actor, input, ctx.now, { dryRun: ctx.restFlags?.dryRun, source: ctx.transport === "rest" ? "Imported through the REST API" : "Imported in the web app" })),
  export: permitted("export:read")
    .meta(rest("GET", "/export", "Export the inventory", "export:read", `Teams, users, GPU models, the price catalog, builds, machines, quotas and every slice, as one document that /import takes back. ${format}`))
    .output(inventoryDocument)
    .query(() => exportInventory()),
});
