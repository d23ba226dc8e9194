// Pure reading of an import CSV: the header decides the columns, each record becomes a contact to
// create or update, or a rejection with its line number and a reason a person can act on.
import { AppError } from '../http/app-error';
import { csvColumn, type CsvRecord } from '@zyntra/flows-schema';
import { normalizePhone } from './phone';

export type ImportLine = { line: number; phone: string; name: string | null; tags: string[]; attributes: Record<string, string> };
/** `code` lets the client say it in the user's language; `message` is the English text. */
export type LineError = { line: number; code: string; message: string; value?: string };
export type LineResult = { ok: ImportLine } | { error: LineError };

export const ATTRIBUTE_KEY = /^[\p{L}\p{N}_.-]{1,64}$/u;
/** Names every JavaScript object already answers to: no attribute (in any case) may take one. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const isReservedKey = (key: string) => RESERVED_KEYS.has(key.toLowerCase());
export const MAX_ROWS = 50_000;
/** Attributes one contact may have (an edit past it is refused, so an import must not get there). */
export const MAX_ATTRIBUTES = 200;

export type Header = { columns: string[] };

/** Why a file is refused as a whole: `reason` lets the client say it in the user's language. */
const refuse = (reason: string, message: string, more: Record<string, string | number> = {}) =>
  new AppError('validation_failed', message, { reason, ...more });

/** The header row: a phone column required; any other column but name/tags becomes an attribute key. */
export function readHeader(record: CsvRecord | undefined): Header {
  if (!record) throw refuse('file_empty', 'The file is empty: a header row with a phone column is expected');
  const columns = record.fields.map(csvColumn);
  if (!columns.includes('phone')) throw refuse('no_phone_column', 'The header row has no "phone" column');
  const bad = columns.find((c) => !ATTRIBUTE_KEY.test(c));
  if (bad !== undefined) throw refuse('bad_column', `Column "${bad.slice(0, 64)}" is not a valid attribute name (letters, digits, _ . - only)`, { column: bad.slice(0, 64) });
  const reserved = columns.find(isReservedKey);
  if (reserved !== undefined) throw refuse('reserved_column', `Column "${reserved}" is not a valid attribute name (__proto__, constructor and prototype are reserved)`, { column: reserved });
  const attributeColumns = columns.filter((c) => c !== 'phone' && c !== 'name' && c !== 'tags').length;
  if (attributeColumns > MAX_ATTRIBUTES) throw refuse('too_many_columns', `${attributeColumns} attribute columns: a contact has at most ${MAX_ATTRIBUTES} attributes`, { limit: MAX_ATTRIBUTES });
  const lower = columns.map((c) => c.toLowerCase());
  const dup = lower.find((c, i) => lower.indexOf(c) !== i);
  if (dup) throw refuse('duplicate_column', `Column "${dup}" appears twice`, { column: dup });
  return { columns };
}

const fail = (line: number, code: string, message: string, value?: string): LineResult => ({ error: { line, code, message, ...(value !== undefined ? { value } : {}) } });

export function readLine(header: Header, record: CsvRecord, country: string): LineResult {
  const { line, fields } = record;
  if (record.unclosedQuote) return fail(line, 'unclosed_quote', 'a quote on this line is never closed, so its fields cannot be told apart');
  if (fields.length > header.columns.length) return fail(line, 'too_many_fields', `${fields.length} fields, but the header has ${header.columns.length}`, String(fields.length));
  const value = (i: number) => (fields[i] ?? '').trim();
  let phone: string | null = null;
  let rawPhone = '';
  let name: string | null = null;
  let tags: string[] = [];
  const attributes: Record<string, string> = {};
  for (const [i, column] of header.columns.entries()) {
    const v = value(i);
    if (column === 'phone') { rawPhone = v; phone = v ? normalizePhone(v, country) : null; }
    else if (column === 'name') name = v || null;
    else if (column === 'tags') tags = [...new Set(v.split(';').map((t) => t.trim()).filter(Boolean))];
    else if (v) attributes[column] = v;
  }
  if (!rawPhone) return fail(line, 'phone_empty', 'phone is empty');
  if (!phone) return fail(line, 'phone_invalid', `"${rawPhone.slice(0, 40)}" is not a valid phone number`, rawPhone.slice(0, 40));
  if (name && name.length > 200) return fail(line, 'name_too_long', 'name is longer than 200 characters');
  if (tags.length > 50) return fail(line, 'too_many_tags', 'more than 50 tags');
  const longTag = tags.find((t) => t.length > 64);
  if (longTag) return fail(line, 'tag_too_long', `tag "${longTag.slice(0, 20)}…" is longer than 64 characters`, longTag.slice(0, 20));
  const longValue = Object.keys(attributes).find((k) => attributes[k]!.length > 1000);
  if (longValue) return fail(line, 'value_too_long', `${longValue} is longer than 1000 characters`, longValue);
  return { ok: { line, phone, name, tags, attributes } };
}
