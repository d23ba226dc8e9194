// `npm run build:server`: compiles the server and the migration CLI to plain JavaScript, so
// production runs `node server/dist/main.js` with no TypeScript loader (tsx, esbuild) at runtime.
// Our own sources (server, database, flows-schema: extension-less TS imports, JSON imports) are
// bundled into one ESM file per entry; npm packages stay external and load from node_modules.
import { build, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = [
  { in: 'server/src/main.ts', out: 'server/dist/main.js' },
  { in: 'server/src/security/reseal-command.ts', out: 'server/dist/reseal.js' },
  { in: 'server/src/accounts/reset-link-command.ts', out: 'server/dist/reset-link.js' },
  { in: 'database/cli.ts', out: 'database/dist/cli.js' },
] as const;

/** Bare imports are npm packages (external), except our workspaces, whose TypeScript is bundled. */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@zyntra/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer(opts: { quiet?: boolean } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const dir of new Set(ENTRIES.map((e) => dirname(resolve(root, e.out))))) rmSync(dir, { recursive: true, force: true });
  for (const entry of ENTRIES) {
    const outfile = resolve(root, entry.out);
    await build({
      entryPoints: [resolve(root, entry.in)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      legalComments: 'none',
      logLevel: opts.quiet ? 'error' : 'warning',
      plugins: [packagesExternal],
    });
    written.push(outfile);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildServer();
  for (const file of files) process.stdout.write(`built ${file.slice(root.length + 1)}\n`);
}
