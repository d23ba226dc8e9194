// Reads the Helm chart for the tests: its values, the .Values paths its templates use, the
// environment variable names it sets, and (when a helm binary is present) its rendering.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from './compose-files';

export const chartDir = join(repoRoot, 'deploy/helm/zyntra');
export type ChartValues = {
  config: Record<string, unknown>;
  secretEnv: Record<string, unknown>;
  api: { env: Record<string, unknown> };
  worker: { env: Record<string, unknown> };
  [key: string]: unknown;
};

export const chartValues = (): ChartValues => parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as ChartValues;

export function templates(): Array<{ file: string; text: string }> {
  const dir = join(chartDir, 'templates');
  return readdirSync(dir).map((file) => ({ file: `templates/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Environment variable names written literally in the templates (`- name: ROLE`). */
export function templateEnvNames(): Set<string> {
  const names = new Set<string>();
  for (const { text } of templates()) for (const [, name] of text.matchAll(/^\s*- name: ([A-Z][A-Z0-9_]*)\s*$/gm)) names.add(name!);
  return names;
}

/** Every `.Values.a.b` path the templates read (also through `$.Values` and `.root.Values`). */
export function valuesPathsUsed(): Array<{ file: string; path: string }> {
  const used: Array<{ file: string; path: string }> = [];
  for (const { file, text } of templates()) for (const [, path] of text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)) used.push({ file, path: path! });
  return used;
}

export function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** The helm binary: $HELM_BIN, or `helm` on PATH; null when there is none (rendering is then skipped). */
export function findHelm(): string | null {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const found = spawnSync('sh', ['-c', 'command -v helm'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export function helmTemplate(helm: string, sets: Record<string, string>): Array<Record<string, any>> {
  const args = ['template', 'z', chartDir, ...Object.entries(sets).flatMap(([k, v]) => ['--set-string', `${k}=${v}`])];
  const run = spawnSync(helm, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`helm template failed: ${run.stderr}`);
  return parseAllDocuments(run.stdout).map((d) => d.toJS()).filter(Boolean);
}
