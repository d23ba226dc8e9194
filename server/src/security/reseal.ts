// After ENCRYPTION_KEY is rotated (the old key moved to ENCRYPTION_KEYS_PREVIOUS), re-seals every
// stored secret with the current key, in pages, so the previous key can then be dropped. Safe to run
// again and while the servers run: values already current are skipped, and a secret that cannot be
// opened with any configured key is counted and left as it is.
import type { Knex } from 'knex';
import { SEALED_FIELDS, type SealedField } from './reseal.queries';
import type { Sealer } from './seal';

export type ResealCount = { resealed: number; current: number; unreadable: number };
export type ResealReport = Record<keyof typeof SEALED_FIELDS, ResealCount>;

const PAGE = 200;

async function resealField(db: Knex, sealer: Sealer, field: SealedField): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, current: 0, unreadable: 0 };
  let afterId: string | null = null;
  for (;;) {
    const rows = await field.page(db, afterId, PAGE);
    for (const row of rows) {
      if (sealer.isCurrent(row.sealed)) count.current += 1;
      else {
        let resealed: string;
        try {
          resealed = sealer.reseal(row.sealed);
        } catch {
          count.unreadable += 1;
          continue;
        }
        // false: the workspace wrote a new secret meanwhile, sealed with the current key anyway.
        if (await field.replace(db, row, resealed)) count.resealed += 1;
        else count.current += 1;
      }
    }
    if (rows.length < PAGE) return count;
    afterId = rows[rows.length - 1]!.id;
  }
}

export async function resealAll(db: Knex, sealer: Sealer): Promise<ResealReport> {
  const report = {} as ResealReport;
  for (const [name, field] of Object.entries(SEALED_FIELDS)) report[name as keyof ResealReport] = await resealField(db, sealer, field);
  return report;
}
