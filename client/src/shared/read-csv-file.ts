import { decodeText, looksBinary } from '@zyntra/flows-schema';

/** A chosen CSV file's text as the spreadsheet saved it (UTF-8, UTF-16 or Windows-1252); null for a binary file such as an .xlsx. */
export async function readCsvFile(file: File): Promise<string | null> {
  const { text } = decodeText(new Uint8Array(await file.arrayBuffer()));
  return looksBinary(text) ? null : text;
}
