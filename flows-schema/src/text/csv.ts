// RFC 4180 CSV as spreadsheets write it: quoted fields (with "" escapes and line breaks), CRLF or LF,
// a leading BOM, and the header's delimiter: `;` (spreadsheets in Brazil save CSV that way) or a
// tab (Excel's "Unicode text").
// Single pass, linear. Shared by the contact import (server) and the campaign audience (screen).

export type CsvRecord = { line: number; fields: string[] };

/** The delimiter the header row uses most: `,` unless `;` or a tab is more frequent. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  return (['\t', ';'] as const).reduce<',' | ';' | '\t'>((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Records with the line each starts on (1-based; the header is line 1). Blank lines are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { fields.push(field); field = ''; }
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

/** Column names people write in Brazil for the columns an import knows. */
const COLUMN_ALIASES: Record<string, 'phone' | 'name' | 'tags'> = {
  phone: 'phone', telefone: 'phone', celular: 'phone', whatsapp: 'phone',
  name: 'name', nome: 'name',
  tags: 'tags', etiquetas: 'tags',
};

/** `phone`, `name` or `tags` for a header cell that means one of them (any case), else the cell trimmed. */
export function csvColumn(cell: string): string {
  const trimmed = cell.trim();
  const key = trimmed.toLowerCase();
  // An own key only: "constructor" or "__proto__" must not read Object.prototype.
  return Object.hasOwn(COLUMN_ALIASES, key) ? COLUMN_ALIASES[key]! : trimmed;
}
