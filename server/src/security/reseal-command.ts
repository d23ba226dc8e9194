// `npm run secrets:reseal`: re-seals every stored secret with the current ENCRYPTION_KEY. Run it with
// the servers' environment after a rotation; exits 1 when some secret opens with none of the keys.
import { loadConfigOrExit } from '../config/env';
import { createDb } from '../db/knex';
import { FLOW_DOCUMENTS } from '../flows/flow-secrets-reseal';
import { resealAll } from './reseal';
import { createSealer } from './seal';

const config = loadConfigOrExit();
const db = createDb(config);
try {
  const report = await resealAll(db, createSealer(config.ENCRYPTION_KEY, config.ENCRYPTION_KEYS_PREVIOUS), FLOW_DOCUMENTS);
  let unreadable = 0;
  for (const [field, c] of Object.entries(report)) {
    process.stdout.write(`${field}: ${c.resealed} re-sealed, ${c.current} already current, ${c.unreadable} unreadable\n`);
    unreadable += c.unreadable;
  }
  if (unreadable) {
    process.stderr.write(`${unreadable} secret(s) open with no configured key: keep the key that sealed them in ENCRYPTION_KEYS_PREVIOUS\n`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
