// CSV written for spreadsheets (the contact export); reading one is parseCsv in flows-schema.

const needsQuotes = /[",;\r\n]/;

/** One CSV line; a value that a spreadsheet would run as a formula is prefixed with `'`. */
export function csvLine(values: Array<string | number | boolean | null | undefined>): string {
  return values.map((v) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^\+\d+$/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
