import { formatMicrosDecimal } from "@/core/costs/money";
import { windowDays } from "./window";

/**
 * One cell of an export. A bigint is money in micro-dollars and is written with every
 * micro-dollar ("11.762648"), a Date as UTC ISO 8601, null and undefined as an empty cell.
 */
export type CsvValue = string | number | bigint | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** Spreadsheets run a cell that starts like a formula; text cells are defused with a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return formatMicrosDecimal(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value instanceof Date) return value.toISOString();
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: a header row, then one line per row, CRLF line ends. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const line = (cells: string[]) => `${cells.map(quoted).join(",")}\r\n`;
  return line(columns.map((c) => cellText(c.header))) + rows.map((row) => line(columns.map((c) => cellText(c.value(row))))).join("");
}

/** "rigshare-savings-by-machine-2025-01-01-to-2025-12-31.csv": the window's first and last UTC day. */
export function csvFileName(table: string, window: { from: Date; to: Date }): string {
  const { first, last } = windowDays(window);
  return `rigshare-savings-${table}-${first}-to-${last}.csv`;
}
