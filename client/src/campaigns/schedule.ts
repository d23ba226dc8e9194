// Wall-clock times in the workspace's time zone ↔ instants, and reading a CSV's phone column.
import { csvColumn, parseCsv } from '@zyntra/flows-schema';

/** "2026-12-05T09:30" in `timeZone` → an ISO instant. */
export function zonedToIso(local: string, timeZone: string): string {
  const [date, time] = local.split('T');
  const [y, mo, d] = (date ?? '').split('-').map(Number);
  const [h, mi] = (time ?? '00:00').split(':').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const offset = offsetAt(guess, timeZone);
  return new Date(guess - offset).toISOString();
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - instant;
}

/** Phones from a CSV with a header row naming a phone column (`phone`, `telefone`, `celular`…) or a single column of numbers. */
export function phonesFromCsv(text: string): { phones: string[]; rejected: number[]; details: boolean } {
  const records = parseCsv(text);
  const header = records[0]?.fields ?? [];
  const col = header.map(csvColumn).indexOf('phone');
  // Names or other columns beside the phone: worth keeping on the contacts the message is written for.
  const details = col >= 0 && header.some((name, i) => i !== col && name.trim() !== '');
  const phones: string[] = [];
  const rejected: number[] = [];
  for (const { line, fields } of col >= 0 ? records.slice(1) : records) {
    const raw = (fields[Math.max(col, 0)] ?? '').replace(/[\s().-]/g, '');
    // The + stays: the server reads a number without it in the workspace's country.
    if (/^\+?[0-9]{8,15}$/.test(raw)) phones.push(raw);
    else rejected.push(line);
  }
  return { phones: [...new Set(phones)], rejected, details };
}
