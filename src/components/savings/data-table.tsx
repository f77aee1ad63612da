"use client";

import { clsx } from "clsx";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { toCsv, type CsvValue } from "./csv";

/**
 * A column of a savings table. One definition serves the screen and the CSV export, so the
 * download holds exactly the table's figures (money with every micro-dollar in the file).
 */
export interface Column<Row> {
  header: string;
  /** The CSV header when it needs more than the screen's (units: "Savings (USD)"). */
  csvHeader?: string;
  /** What the screen shows; defaults to the CSV value as text. */
  cell?: (row: Row) => ReactNode;
  csv: (row: Row) => CsvValue;
  numeric?: boolean;
  /** false: in the CSV only (a period's exact end, which the screen folds into its label). */
  screen?: false;
}

/** Starts a download of `text` in the browser; the BOM lets spreadsheet apps read UTF-8 names. */
export function downloadCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download CSV", named for screen readers after what it downloads ("Download CSV of savings by machine"). */
export function CsvButton<Row>({ of, fileName, rows, columns }: { of: string; fileName: string; rows: readonly Row[]; columns: readonly Column<Row>[] }) {
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={`Download CSV of ${of}`}
      onClick={() => downloadCsv(fileName, toCsv(rows, columns.map((c) => ({ header: c.csvHeader ?? c.header, value: c.csv }))))}
    >
      <Download aria-hidden="true" />
      Download CSV
    </Button>
  );
}

/** A table whose first column names each row; an optional total row closes it (and the CSV). */
export function DataTable<Row>({
  caption,
  rows,
  total,
  columns,
  rowKey,
  className,
}: {
  caption: string;
  rows: readonly Row[];
  total?: Row;
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  className?: string;
}) {
  const shown = columns.filter((c) => c.screen !== false);
  const show = (c: Column<Row>, row: Row) => (c.cell ? c.cell(row) : String(c.csv(row) ?? ""));
  const line = (row: Row, isTotal: boolean) => (
    <Tr key={isTotal ? "total" : rowKey(row)} className={clsx(isTotal && "border-t-2 border-slate-200 bg-slate-50 font-semibold")}>
      {shown.map((c, i) =>
        i === 0 ? (
          <Th key={c.header} scope="row" className="px-3! whitespace-nowrap">
            {show(c, row)}
          </Th>
        ) : (
          <Td key={c.header} className={clsx("px-3! whitespace-nowrap", c.numeric && "text-right tabular-nums", isTotal && "text-slate-900")}>
            {show(c, row)}
          </Td>
        ),
      )}
    </Tr>
  );
  return (
    <Table caption={caption} containerClassName={clsx("shadow-none", className)}>
      <THead>
        <Tr>
          {shown.map((c) => (
            // Headers may wrap: with every figure on one line, the widest column is a header's.
            <Th key={c.header} className={clsx("px-3! align-bottom whitespace-normal!", c.numeric && "text-right")}>
              {c.header}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>{rows.map((row) => line(row, false))}</TBody>
      {total && <tfoot>{line(total, true)}</tfoot>}
    </Table>
  );
}
