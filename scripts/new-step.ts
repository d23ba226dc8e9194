// `npm run new:step <type> [--panel]`: scaffolds a step — its definition and handler with tests
// (and with --panel a hand-written panel), one line in each of the three typed maps, and the
// regenerated JSON Schema. Then: fill in the definition, the handler, and run the checks.
// See docs/adding-a-step.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scaffoldStep } from './new-step/scaffold';

const root = resolve(import.meta.dirname, '..');
const [type, ...flags] = process.argv.slice(2);
if (!type) {
  console.error('usage: npm run new:step <snake_case_type> [-- --panel]');
  process.exit(2);
}
try {
  const { create, edit } = scaffoldStep(type, { panel: flags.includes('--panel') });
  for (const path of Object.keys(create)) if (existsSync(resolve(root, path))) throw new Error(`${path} already exists`);
  const edited = Object.entries(edit).map(([path, change]) => [path, change(readFileSync(resolve(root, path), 'utf8'))] as const);
  for (const [path, text] of Object.entries(create)) writeFileSync(resolve(root, path), text);
  for (const [path, text] of edited) writeFileSync(resolve(root, path), text);
  console.log([...Object.keys(create).map((p) => `created ${p}`), ...edited.map(([p]) => `edited  ${p}`)].join('\n'));
} catch (err) {
  console.error(`new:step: ${(err as Error).message}`);
  process.exit(1);
}
const schema = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'flows-schema/scripts/generate-json-schema.ts')], { stdio: 'inherit' });
if (schema.status !== 0) process.exit(schema.status ?? 1);
console.log('regenerated flows-schema/flow.schema.json\nnext: fill in the definition and handler, then npm run typecheck && npx vitest run --project unit');
