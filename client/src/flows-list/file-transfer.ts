// Browser-side file helpers for export (download a JSON file) and import (read a picked file).

export function downloadJson(filename: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Revoked on the next tick: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The flow name an imported file suggests: its name without the .zyntra.json / .json suffix. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/(\.zyntra)?\.json$/i, '').trim() || fileName;
}

export async function readJsonFile(file: File): Promise<unknown> {
  return JSON.parse(await file.text()) as unknown;
}
