// .env.example, the compose files and the Helm chart's values name the server's variables, and only
// those: server/src/config/env.ts (the only reader of process.env) is the list. When you add a
// variable there, each failure below names the file that misses it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, REQUIRED_CONFIG_VARIABLES } from '../server/src/config/env';
import { appServices, COMPOSE_FILES, envFileEntries, environmentOf, loadCompose, repoRoot } from './test/compose-files';
import { chartValues, templateEnvNames } from './test/helm-chart';

const SOURCE = 'server/src/config/env.ts';
const serverReads = new Set<string>(CONFIG_VARIABLES);
// Read by `npm start` (scripts/start.ts), not by the server: documented in .env.example too.
const LAUNCHER_ONLY = new Set(['DATA_DIR']);

function unknownIn(where: string, names: Iterable<string>): string[] {
  return [...names].filter((n) => !serverReads.has(n)).map((n) => `${where} lists ${n}, which ${SOURCE} does not read: remove it or add it to the schema there`);
}

function missingIn(where: string, names: Set<string>, wanted: readonly string[], why: string): string[] {
  return wanted.filter((n) => !names.has(n)).map((n) => `${where} misses ${n}, ${why}`);
}

/** Every variable compose files pass to the app may be set; fake values make the file load. */
const anyValue = new Proxy({}, { get: () => 'x' }) as Record<string, string>;

describe('deployment files name the variables the server reads', () => {
  it('when .env.example is read, then it documents every server variable and nothing else', () => {
    const names = new Set(envFileEntries(readFileSync(resolve(repoRoot, '.env.example'), 'utf8')).keys());
    const problems = [
      ...unknownIn('.env.example', [...names].filter((n) => !LAUNCHER_ONLY.has(n))),
      ...missingIn('.env.example', names, CONFIG_VARIABLES, `which ${SOURCE} reads: add it with a comment saying what it does`),
    ];
    expect(problems).toEqual([]);
  });

  it.each(COMPOSE_FILES)('when %s is read, then its app services set every required variable and only server variables', (file) => {
    const compose = loadCompose(file, anyValue);
    const services = appServices(file, compose);
    expect(services.map(([name]) => name)).toEqual(expect.arrayContaining(['api', 'worker']));
    const problems = services.flatMap(([name, service]) => {
      const names = new Set(Object.keys(environmentOf(service)));
      const where = `${file} (service ${name})`;
      // A service with its own command (the migrations step) runs the migration CLI, not the server.
      const runsServer = service.command === undefined;
      return [
        ...unknownIn(where, names),
        ...(runsServer ? missingIn(where, names, REQUIRED_CONFIG_VARIABLES, `which the server requires: add it to its environment`) : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('when the Helm chart is read, then its values and templates set every required variable and only server variables', () => {
    const values = chartValues();
    const file = 'deploy/helm/zyntra/values.yaml';
    const sections = { config: values.config, secretEnv: values.secretEnv, 'api.env': values.api.env, 'worker.env': values.worker.env };
    const inTemplates = templateEnvNames();
    const all = new Set([...Object.values(sections).flatMap((s) => Object.keys(s ?? {})), ...inTemplates]);
    const problems = [
      ...Object.entries(sections).flatMap(([section, entries]) => unknownIn(`${file} (${section})`, Object.keys(entries ?? {}))),
      ...unknownIn('deploy/helm/zyntra/templates (env)', inTemplates),
      ...missingIn(`${file} (config or secretEnv)`, all, REQUIRED_CONFIG_VARIABLES, 'which the server requires'),
    ];
    expect(problems).toEqual([]);
  });

  it('when a file names a variable the server does not read, then the message says which file and which variable', () => {
    expect(unknownIn('deploy/docker-compose.yml (service api)', ['NOT_A_SETTING'])).toEqual([
      `deploy/docker-compose.yml (service api) lists NOT_A_SETTING, which ${SOURCE} does not read: remove it or add it to the schema there`,
    ]);
    expect(missingIn('.env.example', new Set(), ['JWT_SECRET'], 'which the server requires')).toEqual(['.env.example misses JWT_SECRET, which the server requires']);
  });
});
