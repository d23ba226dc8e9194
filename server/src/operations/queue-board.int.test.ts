// The operator's queue dashboard: off without OPERATOR_TOKEN, and with it only for the operator,
// never for a workspace owner's session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { startPipeline, type Pipeline } from '../../test/pipeline';
import { QUEUES } from '../queues/queue-names';

const OPERATOR = 'operator-token-0123456789abcdef';
let p: Pipeline;
let plain: TestApp;

beforeAll(async () => {
  p = await startPipeline({ OPERATOR_TOKEN: OPERATOR });
  plain = await startTestApp({ ROLE: 'api' });
});
afterAll(async () => {
  await plain?.close();
  await p?.close();
});

const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('/admin/queues', () => {
  it('when no operator token is configured, then the dashboard does not exist', async () => {
    expect((await fetch(`${plain.url}/admin/queues/api/queues`, { headers: { authorization: basic(OPERATOR) } })).status).toBe(404);
  });

  it('when a workspace owner or a wrong password asks, then 401 with a Basic challenge', async () => {
    for (const authorization of [undefined, `Bearer ${p.token}`, basic('not-the-operator-token'), 'Basic !!!']) {
      const res = await fetch(`${p.app.url}/admin/queues/api/queues`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Basic');
    }
  });

  it('when the operator signs in, then the page and every queue are shown', async () => {
    const page = await fetch(`${p.app.url}/admin/queues`, { headers: { authorization: basic(OPERATOR) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const api = await fetch(`${p.app.url}/admin/queues/api/queues`, { headers: { authorization: basic(OPERATOR) } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QUEUES).sort());
  });
});
