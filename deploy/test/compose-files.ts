// Reads compose files the way `docker compose` does for the parts our tests need: variables
// interpolated from an environment (${X}, ${X:-default}, ${X:?message}), YAML with merge keys.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const COMPOSE_FILES = ['docker-compose.yml', 'deploy/docker-compose.yml'] as const;

export type ComposeService = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: unknown;
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  volumes?: Array<string | { source?: string }>;
  user?: string;
};
export type ComposeFile = { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** The variables a compose file interpolates, with whether each must be set (`:?`). */
export function composeReferences(text: string): Map<string, { required: boolean }> {
  const found = new Map<string, { required: boolean }>();
  for (const [, name, op] of text.matchAll(REFERENCE)) {
    const required = op === ':?' || op === '?';
    found.set(name!, { required: required || (found.get(name!)?.required ?? false) });
  }
  return found;
}

export function interpolate(text: string, env: Record<string, string | undefined>): string {
  const escaped = '\u{E000}'; // a private-use character stands for `$$` while references are replaced
  return text.replaceAll('$$', escaped).replace(REFERENCE, (_m, name: string, op?: string, arg?: string) => {
    const value = env[name];
    const unsetOrEmpty = value === undefined || (op?.startsWith(':') && value === '');
    if (op?.endsWith('-')) return unsetOrEmpty ? arg! : value!;
    if (op?.endsWith('?') && unsetOrEmpty) throw new Error(`${name}: ${arg}`);
    return value ?? '';
  }).replaceAll(escaped, '$');
}

export function loadCompose(file: string, env: Record<string, string | undefined> = {}): ComposeFile {
  const text = readFileSync(resolve(repoRoot, file), 'utf8');
  return parse(interpolate(text, env), { merge: true }) as ComposeFile;
}

/** Services built from the repository's Dockerfile: the Zyntra image (api, worker, migrate). */
export function appServices(file: string, compose: ComposeFile): Array<[string, ComposeService]> {
  const dir = dirname(resolve(repoRoot, file));
  return Object.entries(compose.services).filter(([, s]) => {
    const context = typeof s.build === 'string' ? s.build : s.build?.context;
    return context !== undefined && resolve(dir, context) === repoRoot;
  });
}

export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env) ? env.map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string]) : Object.entries(env);
  return Object.fromEntries(entries.map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/** KEY=value lines of an env file (comments and blank lines skipped). */
export function envFileEntries(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}
