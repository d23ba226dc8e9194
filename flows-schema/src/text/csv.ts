// RFC 4180 CSV as spreadsheets write it: quoted fields (with "" escapes and line breaks), CRLF or LF,
// a leading BOM, and the header's delimiter: `;` (spreadsheets in Brazil save CSV that way) or a
// tab (Excel's "Unicode text").
// Single pass, linear but for a quote never closed (below). Shared by the contact import (server)
// and the campaign audience (screen).

/** `unclosedQuote`: the record opened a quote that nothing closes; its quote was read as a character. */
export type CsvRecord = { line: number; fields: string[]; unclosedQuote?: true };

/** Stray quotes read again as characters: a guard only, each stretch of the file is read at most twice. */
const MAX_REREADS = 10_000;

/** The delimiter the header row uses most: `,` unless `;` or a tab is more frequent. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  return (['\t', ';'] as const).reduce<',' | ';' | '\t'>((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * Records with the line each starts on (1-based; the header is line 1). Blank lines are skipped.
 * A stray quote (`"Ana,SP` typed in a spreadsheet) would swallow the lines after it into one field,
 * up to the next quote or the end of the file. A quoted field must end at a delimiter, a line end or
 * the end of the file: when it does not, or never ends, its record is read again with that quote as
 * a character and flagged, and the lines after it are read as usual.
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let opened = { at: -1, line: 1, fields: [] as string[] };
  let literal = -1;
  let flagged = false;
  let rereads = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push(flagged ? { line: start, fields, unclosedQuote: true } : { line: start, fields });
    fields = [];
    field = '';
    flagged = false;
  };
  /** Back to the stray quote, to read it as a character; false past the guard. */
  const reread = (): boolean => {
    if (rereads++ >= MAX_REREADS) return false;
    ({ at: literal, line } = opened);
    fields = [...opened.fields];
    field = '';
    quoted = false;
    flagged = true;
    return true;
  };
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length) {
      if (!quoted) break;
      if (!reread()) { flagged = true; break; }
      i = literal;
    }
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') {
        const next = text[i + 1];
        const ends = next === undefined || next === delimiter || next === '\n' || next === '\r';
        if (!ends && reread()) i = literal - 1;
        else quoted = false;
      } else { if (ch === '\n') line++; field += ch; }
    } else if (ch === '"' && field === '' && i !== literal) {
      quoted = true;
      opened = { at: i, line, fields: [...fields] };
    } else if (ch === delimiter) { fields.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length) endRecord();
  return records;
}

/** Column names people write in Brazil (and in English) for the columns an import knows, without accents. */
const COLUMN_ALIASES: Record<string, 'phone' | 'name' | 'tags'> = {
  phone: 'phone', telefone: 'phone', fone: 'phone', tel: 'phone', celular: 'phone', whatsapp: 'phone', numero: 'phone', mobile: 'phone',
  name: 'name', nome: 'name',
  tags: 'tags', etiquetas: 'tags',
};

/** A header cell as the aliases are written: lower case, accents dropped ("Número" → "numero"). */
const aliasKey = (cell: string) => cell.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** `phone`, `name` or `tags` for a header cell that means one of them (any case or accent), else the cell trimmed. */
export function csvColumn(cell: string): string {
  const trimmed = cell.trim();
  const key = aliasKey(trimmed);
  // An own key only: "constructor" or "__proto__" must not read Object.prototype.
  return Object.hasOwn(COLUMN_ALIASES, key) ? COLUMN_ALIASES[key]! : trimmed;
}
