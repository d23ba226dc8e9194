// The compose files cannot run here (no Docker engine), so they are checked by reading: valid
// against the Compose Specification's JSON Schema (test/compose-spec.json: schema/compose-spec.json
// of the compose-spec project, Apache-2.0, commit 170098b), the production start
// order, and the environment that setup.sh + deploy/docker-compose.yml give the server.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../server/src/config/env';
import { appServices, COMPOSE_FILES, composeReferences, envFileEntries, environmentOf, loadCompose, repoRoot } from './test/compose-files';

const schema = JSON.parse(readFileSync(resolve(repoRoot, 'deploy/test/compose-spec.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false }).compile(schema);
const anyValue = new Proxy({}, { get: () => 'x' }) as Record<string, string>;
const productionFile = 'deploy/docker-compose.yml';
const productionText = () => readFileSync(resolve(repoRoot, productionFile), 'utf8');

/** Runs setup.sh in a scratch folder and returns the .env it wrote. */
function runSetup(domain: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'zyntra-setup-'));
  copyFileSync(resolve(repoRoot, 'deploy/setup.sh'), join(dir, 'setup.sh'));
  const run = spawnSync('sh', [join(dir, 'setup.sh'), domain], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`setup.sh failed: ${run.stderr}`);
  return envFileEntries(readFileSync(join(dir, '.env'), 'utf8'));
}

describe('compose files', () => {
  it.each(COMPOSE_FILES)('when %s is read, then it is valid under the Compose Specification', (file) => {
    const valid = validate(loadCompose(file, anyValue));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(COMPOSE_FILES)('when %s is read, then every depends_on names a service, healthy means it has a healthcheck, and volumes are declared', (file) => {
    const compose = loadCompose(file, anyValue);
    const problems: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      const deps: Record<string, { condition?: string }> = Array.isArray(service.depends_on) ? Object.fromEntries(service.depends_on.map((d) => [d, {}])) : (service.depends_on ?? {});
      for (const [dep, { condition }] of Object.entries(deps)) {
        const target = compose.services[dep];
        if (!target) problems.push(`${name} depends on missing ${dep}`);
        else if (condition === 'service_healthy' && (!target.healthcheck?.test || target.healthcheck.disable)) problems.push(`${name} waits for ${dep} to be healthy, which has no healthcheck`);
      }
      for (const v of service.volumes ?? []) {
        const source = typeof v === 'string' ? v.split(':')[0]! : (v.source ?? '');
        if (source && !/^[./]/.test(source) && !(source in (compose.volumes ?? {}))) problems.push(`${name} mounts undeclared volume ${source}`);
      }
      if (service.user === 'root' || service.user === '0') problems.push(`${name} runs as root`);
    }
    expect(problems).toEqual([]);
  });
});

describe('production compose (deploy/)', () => {
  it('when it starts, then api and worker wait for the one-shot migrations step, which waits for a healthy PostgreSQL', () => {
    const { services } = loadCompose(productionFile, anyValue);
    expect(services.api!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    expect(services.worker!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    expect(services.migrate!.command).toEqual(['node', 'database/dist/cli.js', 'migrate']);
    expect(services.migrate!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    expect(services.caddy!.depends_on).toMatchObject({ api: { condition: 'service_healthy' } });
    expect(environmentOf(services.api!).MIGRATE_ON_START).toBe('false');
  });

  it('when setup.sh has written .env, then api and worker get a configuration the server accepts, with media signed for the public domain', () => {
    const dotenv = Object.fromEntries(runSetup('Zyntra.Example.com'));
    expect(dotenv.DOMAIN).toBe('zyntra.example.com');
    expect(Buffer.from(dotenv.ENCRYPTION_KEY!, 'base64')).toHaveLength(32);
    expect(dotenv.POSTGRES_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
    expect(dotenv.MINIO_ROOT_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
    const compose = loadCompose(productionFile, dotenv);
    for (const [name, service] of appServices(productionFile, compose).filter(([n]) => n !== 'migrate')) {
      const config = parseConfig(environmentOf(service));
      expect(config.ROLE).toBe(name);
      expect(config.PUBLIC_URL).toBe('https://zyntra.example.com');
      expect(config.S3_PUBLIC_ENDPOINT).toBe('https://zyntra.example.com');
      expect(config.DATABASE_URL).toBe(`postgres://zyntra:${dotenv.POSTGRES_PASSWORD}@postgres:5432/zyntra`);
      expect(config.S3_SECRET_ACCESS_KEY).toBe(dotenv.MINIO_ROOT_PASSWORD);
    }
  });

  it('when setup.sh is given something that is not a domain, then it refuses and writes nothing', () => {
    expect(() => runSetup('not a domain')).toThrow(/not a domain name/);
  });

  it('when a variable is required by the compose file, then setup.sh writes it; every other one is documented in deploy/.env.example', () => {
    const refs = composeReferences(productionText());
    const written = runSetup('zyntra.example.com');
    const documented = envFileEntries(readFileSync(resolve(repoRoot, 'deploy/.env.example'), 'utf8'));
    const problems = [
      ...[...refs].filter(([, r]) => r.required).filter(([n]) => !written.has(n)).map(([n]) => `setup.sh does not write ${n}, which ${productionFile} requires`),
      ...[...refs.keys()].filter((n) => !documented.has(n)).map((n) => `deploy/.env.example misses ${n}, which ${productionFile} reads`),
    ];
    expect(problems).toEqual([]);
  });

  it('when Caddy routes media, then it sends the media bucket path to MinIO and everything else to the api', () => {
    const caddyfile = readFileSync(resolve(repoRoot, 'deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/@media \{\s*path \/\{\$S3_BUCKET\}\/\*\s*method GET HEAD\s*\}/);
    expect(caddyfile).toMatch(/handle @media \{\s*reverse_proxy minio:9000\s*\}/);
    expect(caddyfile).toMatch(/handle \{[^}]*reverse_proxy api:3000\s*\}/);
    const { services } = loadCompose(productionFile, anyValue);
    // Caddy and the app must agree on the bucket name.
    expect(productionText()).toContain('S3_BUCKET: ${S3_BUCKET:-zyntra-media}');
    expect(environmentOf(services.caddy!)).toHaveProperty('S3_BUCKET');
  });
});
