// `npm run password:reset-link -- <email>`: prints a one-time link (valid one hour) with which that person
// chooses a new password. For a server that sends no email (no SMTP_URL), or a mail that never arrived.
// Run it with the servers' environment; in Docker: `docker compose exec api node server/dist/reset-link.js <email>`.
import { loadConfigOrExit } from '../config/env';
import { createDb } from '../db/knex';
import { resetLinkForEmail } from './password-reset.service';

const email = process.argv[2]?.trim();
if (!email) {
  process.stderr.write('usage: npm run password:reset-link -- <email>\n');
  process.exit(2);
}
const config = loadConfigOrExit();
const db = createDb(config);
try {
  const publicUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
  const link = await resetLinkForEmail(db, publicUrl, email);
  if (link) process.stdout.write(`${link}\nValid for one hour, once. Whoever opens it chooses ${email}'s new password: send it to them only.\n`);
  else {
    process.stderr.write(`No account has the email ${email}\n`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
