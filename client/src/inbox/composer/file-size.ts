// A file's size as people read it, in the UI language's digits: "100 bytes", "12 KB", "1,5 MB".
// Under a kilobyte the bytes are counted, not rounded up to "1 KB".
export function fileSize(bytes: number, locale: string): string {
  const n = (value: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes >= 1024 * 1024) return `${n(bytes / 1024 / 1024, 1)} MB`;
  if (bytes >= 1024) return `${n(Math.round(bytes / 1024))} KB`;
  return `${n(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
