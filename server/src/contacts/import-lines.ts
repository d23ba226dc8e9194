// Pure reading of an import CSV: the header decides the columns, each record becomes a contact to
// create or update, or a rejection with its line number and a reason a person can act on.
import { AppError } from '../http/app-error';
import { attributeNameFromColumn, csvColumn, isReservedAttributeName, type CsvRecord } from '@zyntra/flows-schema';
import { normalizePhone } from './phone';

export type ImportLine = { line: number; phone: string; name: string | null; tags: string[]; attributes: Record<string, string> };
/** `code` lets the client say it in the user's language; `message` is the English text. */
export type LineError = { line: number; code: string; message: string; value?: string };
export type LineResult = { ok: ImportLine } | { error: LineError };

export const MAX_ROWS = 50_000;
/** Attributes one contact may have (an edit past it is refused, so an import must not get there). */
export const MAX_ATTRIBUTES = 200;

/** A column that fills an attribute: the header cell as written, and the attribute name it gives. */
export type AttributeColumn = { column: string; attribute: string };
export type Header = { columns: string[]; attributeColumns: AttributeColumn[] };

/** Why a file is refused as a whole: `reason` lets the client say it in the user's language. */
const refuse = (reason: string, message: string, more: Record<string, string | number> = {}) =>
  new AppError('validation_failed', message, { reason, ...more });

const KNOWN = new Set(['phone', 'name', 'tags']);

/**
 * `phone`, `name` or `tags` for a cell that means one (Telefone, Nome, Etiquetas…), else the attribute
 * name it gives: a spreadsheet's "Data de nascimento" fills "Data_de_nascimento" rather than refusing
 * the whole file. A known name with stray marks ("Telefone *") is still that column.
 */
function columnOf(cell: string): string {
  const column = csvColumn(cell);
  return KNOWN.has(column) ? column : csvColumn(attributeNameFromColumn(column));
}

/** The header row: a phone column required; any other column but name/tags becomes an attribute name. */
export function readHeader(record: CsvRecord | undefined): Header {
  if (!record) throw refuse('file_empty', 'The file is empty: a header row with a phone column is expected');
  const cells = record.fields.map((cell) => cell.trim());
  const columns = cells.map(columnOf);
  if (!columns.includes('phone')) throw refuse('no_phone_column', 'The header row has no "phone" column');
  const bad = cells.find((_, i) => columns[i] === '');
  if (bad !== undefined) throw refuse('bad_column', `Column "${bad.slice(0, 64)}" has no letter or digit to name an attribute`, { column: bad.slice(0, 64) });
  const reserved = columns.find(isReservedAttributeName);
  if (reserved !== undefined) throw refuse('reserved_column', `Column "${reserved}" is not a valid attribute name (__proto__, constructor and prototype are reserved)`, { column: reserved });
  const attributeColumns = cells.flatMap((column, i) => (KNOWN.has(columns[i]!) ? [] : [{ column, attribute: columns[i]! }]));
  if (attributeColumns.length > MAX_ATTRIBUTES) throw refuse('too_many_columns', `${attributeColumns.length} attribute columns: a contact has at most ${MAX_ATTRIBUTES} attributes`, { limit: MAX_ATTRIBUTES });
  const lower = columns.map((c) => c.toLowerCase());
  const dup = lower.find((c, i) => lower.indexOf(c) !== i);
  if (dup) throw refuse('duplicate_column', `Column "${dup}" appears twice`, { column: dup });
  return { columns, attributeColumns };
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
