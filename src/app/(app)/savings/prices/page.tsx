import { Tags } from "lucide-react";
import type { Metadata } from "next";
import { formatDate } from "@/components/format";
import { formatRate, UNIT_LABELS, type CatalogUnit } from "@/components/savings/format";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ListTable, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/core/permissions";
import type { RouterOutputs } from "@/trpc/types";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { AddPriceButton, CloudSkuForm, DeletePriceButton } from "./price-forms";

export const metadata: Metadata = { title: "Price catalog" };

const UNIT_ORDER: CatalogUnit[] = ["gpu-hour", "vcpu-hour", "gb-hour"];

type Entry = RouterOutputs["savings"]["catalog"]["entries"][number];

/** Each SKU's history, newest first, and the entry in effect now. */
function groupBySku(entries: Entry[], now: Date) {
  const skus = new Map<string, Entry[]>();
  for (const e of entries) skus.set(e.sku, [...(skus.get(e.sku) ?? []), e]);
  return [...skus.entries()]
    .map(([sku, list]) => {
      const history = [...list].sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
      const current = history.find((e) => e.effectiveFrom.getTime() <= now.getTime()) ?? null;
      return { sku, unit: list[0]!.unit, provider: list[0]!.provider, history, current };
    })
    .sort((a, b) => UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit) || a.sku.localeCompare(b.sku));
}

export default async function PricesPage() {
  const access = await allowedTo("savings:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const manage = can(access.actor.roles, "prices:manage");
  const catalog = await (await api()).savings.catalog();
  const now = new Date();
  const skus = groupBySku(catalog.entries, now);
  const gpuSkus = skus.filter((s) => s.unit === "gpu-hour").map((s) => ({ sku: s.sku, current: s.current ? formatRate(s.current.priceMicros) : null }));
  const skuOptions = skus.map((s) => ({ sku: s.sku, unit: s.unit, provider: s.provider }));

  return (
    <>
      <PageHeader
        back={{ href: "/savings", label: "Savings" }}
        title="Price catalog"
        description="The cloud prices savings are measured against. A price applies from its effective date until the SKU's next one, so past reports keep the prices of their time."
        actions={manage ? <AddPriceButton skus={skuOptions} /> : undefined}
      />
      <div className="space-y-8">
        <Card>
          <CardHeader
            title="Cloud equivalents of GPU models"
            description="Which GPU-hour price each card is compared with — the founders priced a GTX 1080 Ti as a GCP P100."
          />
          <CardBody className="p-0">
            <ListTable caption="Cloud equivalents of GPU models" containerClassName="rounded-none border-0 shadow-none" columns={["GPU model", { label: "Board power", className: "text-right" }, "Priced as"]} rows={catalog.gpuModels} empty={<p className="px-5 py-4 text-sm text-slate-600">No GPU models yet; add them in the inventory.</p>}>
              {(model) => (
                <Tr key={model.id}>
                  <Th scope="row">{model.name}</Th>
                  <Td className="text-right tabular-nums">{model.boardPowerW} W</Td>
                  <Td>
                    {manage ? (
                      <CloudSkuForm model={model} skus={gpuSkus} />
                    ) : model.cloudSku ? (
                      <span>
                        <span className="font-mono">{model.cloudSku}</span>{" "}
                        <span className="text-slate-500">{gpuSkus.find((s) => s.sku === model.cloudSku)?.current ?? ""} / GPU-hour</span>
                      </span>
                    ) : (
                      <Badge tone="warning">No cloud equivalent</Badge>
                    )}
                  </Td>
                </Tr>
              )}
            </ListTable>
          </CardBody>
        </Card>

        <section aria-labelledby="skus-heading" className="space-y-4">
          <h2 id="skus-heading" className="text-lg font-semibold text-slate-900">
            Prices by SKU
          </h2>
          {skus.length === 0 ? (
            <EmptyState icon={Tags} title="No prices yet" description={manage ? "Add the first cloud price with “Add a price”." : "An admin has not added any prices yet."} />
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              {skus.map((s) => (
                <article key={s.sku} aria-labelledby={`sku-${s.sku}`} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
                  <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
                    <div className="min-w-0">
                      <h3 id={`sku-${s.sku}`} className="font-mono text-base font-semibold break-all text-slate-900">
                        {s.sku}
                      </h3>
                      <p className="mt-0.5 text-sm text-slate-600">
                        {s.provider} · per {UNIT_LABELS[s.unit]}
                      </p>
                    </div>
                    <p className="text-right">
                      <span className="block text-xs text-slate-500">{s.current ? "Now" : "Not in effect yet"}</span>
                      <span className="text-xl font-semibold text-slate-900 tabular-nums">{s.current ? formatRate(s.current.priceMicros) : "—"}</span>
                    </p>
                  </header>
                  <Table caption={`Price history of ${s.sku}`} containerClassName="rounded-t-none rounded-b-lg border-0 shadow-none">
                    <THead>
                      <Tr>
                        <Th>From</Th>
                        <Th className="text-right">Price</Th>
                        <Th>Source</Th>
                        {manage && (
                          <Th>
                            <span className="sr-only">Actions</span>
                          </Th>
                        )}
                      </Tr>
                    </THead>
                    <TBody>
                      {s.history.map((e) => (
                        <Tr key={e.id}>
                          <Td className="whitespace-nowrap">
                            {formatDate(e.effectiveFrom)}
                            <span className="mt-1 block">
                              {e === s.current ? (
                                <Badge tone="success">In effect</Badge>
                              ) : e.effectiveFrom > now ? (
                                <Badge tone="info">Scheduled</Badge>
                              ) : (
                                <Badge>Superseded</Badge>
                              )}
                            </span>
                          </Td>
                          <Td className="text-right whitespace-nowrap tabular-nums">{formatRate(e.priceMicros)}</Td>
                          <Td className="text-xs text-slate-600">
                            {e.referenceDefault && (
                              <span className="mb-1 block" title="Loaded on the first start from the reference data; check it against your cloud's current prices.">
                                <Badge tone="warning">Reference default</Badge>
                              </span>
                            )}
                            {e.sourceNote || "—"}
                          </Td>
                          {manage && (
                            <Td className="text-right">
                              <DeletePriceButton entry={{ id: e.id, sku: e.sku, price: formatRate(e.priceMicros), from: formatDate(e.effectiveFrom) }} />
                            </Td>
                          )}
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                </article>
              ))}
            </div>
          )}
        </section>
      </div>
    </>
  );
}
