"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CsvButton, DataTable } from "./data-table";
import type { MachineRow } from "./report-view";
import { machineColumns } from "./table-columns";

/** Per machine over the window: usage, cloud-equivalent, each on-prem cost, savings and break-even. */
export function MachinesCard({ rows, total, fileName, manage }: { rows: MachineRow[]; total: MachineRow; fileName: string; manage: boolean }) {
  const columns = machineColumns(manage);
  return (
    <Card>
      <CardHeader
        title="By machine"
        description="Usage, costs and savings of each machine in the window."
        actions={<CsvButton of="savings by machine" fileName={fileName} rows={[...rows, total]} columns={columns} />}
      />
      <CardBody className="space-y-3">
        <DataTable caption="Usage, costs and savings per machine" rows={rows} total={total} columns={columns} rowKey={(r) => r.id} />
        <p className="text-xs text-slate-600">
          Capex is the purchase price (or the build&apos;s total) spread over the amortization months; break-even counts it in full from
          the in-service date. <a href="#assumptions" className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">Assumptions</a>
        </p>
      </CardBody>
    </Card>
  );
}
