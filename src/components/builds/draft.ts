import type { Part, PartCategory, PartSpecs } from "@/core/builds/parts";
import type { BuildStatus } from "@/contracts/builds";
import { dollarsInputText, parseDollars } from "./money";
import { SPEC_FIELDS, SPECS_BY_CATEGORY, type SpecKey } from "./spec-fields";

/**
 * What the editor holds while someone types: every field as text, so a half-typed "1,29" is kept
 * as typed and reported, never silently turned into a number. `key` identifies a line across
 * edits (for React, for errors and for the checks' part ids).
 */
export interface PartDraft {
  key: string;
  category: PartCategory;
  name: string;
  quantity: string;
  unitPrice: string;
  specs: Partial<Record<SpecKey, string>>;
}

export interface QuoteDraft {
  key: string;
  vendor: string;
  description: string;
  price: string;
}

export interface BuildDraft {
  name: string;
  status: BuildStatus;
  notes: string;
  parts: PartDraft[];
  quotes: QuoteDraft[];
}

/** What builds.create and builds.save take besides the ids. */
export interface BuildPayload {
  name: string;
  status: BuildStatus;
  notes: string;
  parts: { category: PartCategory; name: string; quantity: number; unitPriceMicros: number; specs: PartSpecs }[];
  quotes: { vendor: string; description: string; priceMicros: number }[];
}

let nextKey = 0;
export const newKey = (prefix: string) => `${prefix}-new-${++nextKey}`;

export function emptyPart(category: PartCategory = "other"): PartDraft {
  return { key: newKey("part"), category, name: "", quantity: "1", unitPrice: "", specs: {} };
}

export function emptyQuote(): QuoteDraft {
  return { key: newKey("quote"), vendor: "", description: "", price: "" };
}

export function draftOf(build: {
  name: string;
  status: BuildStatus;
  notes: string;
  parts: Part[];
  quotes: { id: string; vendor: string; description: string; priceMicros: number }[];
}): BuildDraft {
  return {
    name: build.name,
    status: build.status,
    notes: build.notes,
    parts: build.parts.map((part) => ({
      key: part.id,
      category: part.category,
      name: part.name,
      quantity: String(part.quantity),
      unitPrice: dollarsInputText(part.unitPriceMicros),
      specs: Object.fromEntries(Object.entries(part.specs).map(([key, value]) => [key, String(value)])),
    })),
    quotes: build.quotes.map((quote) => ({
      key: quote.id,
      vendor: quote.vendor,
      description: quote.description,
      price: dollarsInputText(quote.priceMicros),
    })),
  };
}

const MAX_QUANTITY = 1000;
const MAX_SPEC = 1_000_000;

function parseWhole(text: string, max: number): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: trimmed === "" ? "must not be empty" : "must be a whole number, 0 or more" };
  const value = Number(trimmed);
  return value > max ? { error: `must be at most ${max.toLocaleString("en-US")}` } : { value };
}

/** Error keys: "name", "parts.<key>.quantity", "parts.<key>.specs.tdpW", "quotes.<key>.price". */
export type DraftErrors = Record<string, string>;

function partSpecs(part: PartDraft, errors: DraftErrors): PartSpecs {
  const specs: Record<string, string | number> = {};
  for (const key of SPECS_BY_CATEGORY[part.category]) {
    const text = part.specs[key]?.trim() ?? "";
    if (text === "") continue;
    if (SPEC_FIELDS[key].kind === "text") {
      if (text.length > 40) errors[`parts.${part.key}.specs.${key}`] = "must be at most 40 characters";
      else specs[key] = text;
      continue;
    }
    const parsed = parseWhole(text, MAX_SPEC);
    if ("error" in parsed) errors[`parts.${part.key}.specs.${key}`] = parsed.error;
    else specs[key] = parsed.value;
  }
  return specs as PartSpecs;
}

/**
 * The draft as the server wants it, with what is wrong in it. Specs of other categories are
 * dropped (they stay in the draft, so switching a line's category back restores them), and a
 * field that does not parse counts as absent so the checks and totals still follow the rest.
 */
export function readDraft(draft: BuildDraft): { payload: BuildPayload; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name.length < 2) errors.name = "must be at least 2 characters";
  else if (name.length > 100) errors.name = "must be at most 100 characters";
  if (draft.notes.trim().length > 5000) errors.notes = "must be at most 5000 characters";

  const parts = draft.parts.map((part) => {
    const at = `parts.${part.key}`;
    const partName = part.name.trim();
    if (partName === "") errors[`${at}.name`] = "must not be empty";
    else if (partName.length > 200) errors[`${at}.name`] = "must be at most 200 characters";
    const quantity = parseWhole(part.quantity, MAX_QUANTITY);
    if ("error" in quantity) errors[`${at}.quantity`] = quantity.error;
    const price = parseDollars(part.unitPrice);
    if ("error" in price) errors[`${at}.unitPrice`] = price.error;
    return {
      category: part.category,
      name: partName,
      quantity: "value" in quantity ? quantity.value : 0,
      unitPriceMicros: "micros" in price ? price.micros : 0,
      specs: partSpecs(part, errors),
    };
  });

  const quotes = draft.quotes.map((quote) => {
    const at = `quotes.${quote.key}`;
    const vendor = quote.vendor.trim();
    if (vendor === "") errors[`${at}.vendor`] = "must not be empty";
    else if (vendor.length > 100) errors[`${at}.vendor`] = "must be at most 100 characters";
    if (quote.description.trim().length > 300) errors[`${at}.description`] = "must be at most 300 characters";
    const price = parseDollars(quote.price);
    if ("error" in price) errors[`${at}.price`] = price.error;
    return { vendor, description: quote.description.trim(), priceMicros: "micros" in price ? price.micros : 0 };
  });

  return { payload: { name, status: draft.status, notes: draft.notes.trim(), parts, quotes }, errors };
}

/** The draft's lines as the core's parts, keyed like the draft, for checks and totals as you type. */
export function coreParts(draft: BuildDraft, payload: BuildPayload): Part[] {
  return payload.parts.map((part, index) => ({ ...part, id: draft.parts[index]!.key }));
}

/** Two drafts save the same thing, so typing and undoing leaves the editor "unchanged". */
export function sameSave(a: BuildDraft, b: BuildDraft): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  const [ra, rb] = [readDraft(a), readDraft(b)];
  // Text that does not parse is a change the person has to resolve, never "nothing to save".
  if (Object.keys(ra.errors).length > 0 || Object.keys(rb.errors).length > 0) return false;
  return JSON.stringify(ra.payload) === JSON.stringify(rb.payload);
}
