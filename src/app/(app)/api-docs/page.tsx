import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { INVENTORY_SCHEMA_PATH } from "@/server/api/rest/paths";
import { SwaggerView } from "./swagger-view";
import "./swagger-overrides.css";

export const metadata: Metadata = { title: "API documentation" };

const link = "font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900";

export default function ApiDocsPage() {
  return (
    <>
      <PageHeader
        title="API documentation"
        description="The REST API under /api/v1: the same rules as the web app, for scripts, notebooks and the command line."
      />
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
        <li>
          Authenticate with a personal token from <Link className={link} href="/profile/tokens">API tokens</Link>
        </li>
        <li>
          The OpenAPI 3.1 document: <a className={link} href="/api/openapi.json">/api/openapi.json</a>
        </li>
        <li>
          The import and export format: <a className={link} href={INVENTORY_SCHEMA_PATH}>JSON Schema</a>
        </li>
      </ul>
      <SwaggerView />
    </>
  );
}
