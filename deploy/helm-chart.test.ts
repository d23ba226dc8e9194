// The Helm chart, checked without a cluster: values parse, every `.Values` path a template reads
// exists in values.yaml, and, where a helm binary is present ($HELM_BIN or `helm` on PATH), the
// chart renders to the objects Kubernetes needs, with the variables the server reads.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../server/src/config/env';
import { chartValues, findHelm, hasPath, helmTemplate, valuesPathsUsed } from './test/helm-chart';

const helm = findHelm();
const required = {
  'secretEnv.DATABASE_URL': 'postgres://zyntra:pw@pgbouncer:6432/zyntra',
  'secretEnv.REDIS_URL': 'redis://redis:6379',
  'secretEnv.JWT_SECRET': 'j'.repeat(48),
  'secretEnv.ENCRYPTION_KEY': Buffer.alloc(32, 5).toString('base64'),
};

/** The environment a container gets from the rendered ConfigMap, Secret and its own env list. */
function containerEnv(objects: Array<Record<string, any>>, container: Record<string, any>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const source = objects.find((o) => (o.kind === 'ConfigMap' || o.kind === 'Secret') && o.metadata.name === ref.name);
    Object.assign(env, source?.data ?? source?.stringData ?? {});
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = String(e.value);
  return env;
}

describe('Helm chart', () => {
  it('when templates read .Values paths, then each exists in values.yaml', () => {
    const values = chartValues();
    const missing = valuesPathsUsed().filter(({ path }) => !hasPath(values, path)).map(({ file, path }) => `${file} reads .Values.${path}, which values.yaml lacks`);
    expect(missing).toEqual([]);
  });

  it.skipIf(!helm)('when rendered, then it has api and worker Deployments, a migrations hook Job, a Service and an Ingress', () => {
    const objects = helmTemplate(helm!, required);
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Deployment/z-zyntra-api', 'Deployment/z-zyntra-worker', 'Job/z-zyntra-migrate', 'Service/z-zyntra-api', 'Ingress/z-zyntra', 'ConfigMap/z-zyntra-config', 'Secret/z-zyntra-env']));
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'database/dist/cli.js', 'migrate']);
    const hookSecret = objects.find((o) => o.metadata.name === 'z-zyntra-migrations')!;
    expect(Number(hookSecret.metadata.annotations['helm.sh/hook-weight'])).toBeLessThan(Number(job.metadata.annotations['helm.sh/hook-weight']));
  });

  it.skipIf(!helm)('when rendered, then api and worker containers get a configuration the server accepts, as their role, waiting for migrations', () => {
    const objects = helmTemplate(helm!, { ...required, 'worker.env.WORKER_CONCURRENCY': '16' });
    for (const role of ['api', 'worker'] as const) {
      const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === `z-zyntra-${role}`)!;
      const container = deployment.spec.template.spec.containers[0];
      const config = parseConfig(containerEnv(objects, container));
      expect(config.ROLE).toBe(role);
      expect(config.MIGRATE_ON_START).toBe(false);
      expect(config.DATABASE_URL).toBe(required['secretEnv.DATABASE_URL']);
      expect(deployment.spec.template.spec.securityContext.runAsUser).toBe(1000);
      if (role === 'worker') expect(config.WORKER_CONCURRENCY).toBe(16);
    }
  });

  it.skipIf(!helm)('when a required secret is missing and no existing Secret is named, then rendering fails naming it', () => {
    const { 'secretEnv.JWT_SECRET': _omit, ...rest } = required;
    expect(() => helmTemplate(helm!, rest)).toThrow(/secretEnv.JWT_SECRET is required/);
  });

  it.skipIf(!helm)('when an existing Secret is named, then no Secret is rendered and the migrations Job reads that one', () => {
    const objects = helmTemplate(helm!, { existingSecret: 'zyntra-managed', 'migrations.existingSecretKey': 'DIRECT_DATABASE_URL' });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(job.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef).toEqual({ name: 'zyntra-managed', key: 'DIRECT_DATABASE_URL' });
  });
});
