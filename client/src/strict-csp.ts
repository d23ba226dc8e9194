// The server's Content-Security-Policy forbids eval. zod compiles object parsers with Function()
// when it may, and probes for that by calling it, which the browser reports as a violation; the
// policy blocks it anyway, so parsing runs interpreted either way. Say so up front instead.
// Imported first in main.tsx, before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });
