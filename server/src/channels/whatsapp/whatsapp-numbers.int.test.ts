// One Meta app, several numbers, one callback URL: a signed payload that reaches one channel's URL
// with messages for the workspace's other number is routed to that number's channel; messages for a
// number of another workspace, or of a channel on another app, never cross over and are set aside
// where the tenant sees them.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { edge, flow, node } from '../../../test/flow-docs';
import { api } from '../../../test/harness';
import { envelope, messageValue, metaJson, signMeta, textMessage } from '../../../test/fakes/whatsapp-payloads';
import { APP_SECRET, eventually, otherWorkspace, pipelineForFile, sentTexts, type Pipeline } from '../../../test/pipeline';

let p: Pipeline;
let db: pg.Client;
let second: string;
let otherApp: string;

const channel = (phoneNumberId: string, appSecret = APP_SECRET) => ({
  type: 'whatsapp_cloud', name: `Número ${phoneNumberId}`,
  config: { phoneNumberId, businessAccountId: 'WABA-1', accessToken: 'EAAG-test-access-token-secret', appSecret, verifyToken: `verify-${phoneNumberId}` },
});

pipelineForFile(async (started) => {
  ({ pipeline: p, db } = started);
  await p.publish(flow([node('start', 'trigger', { fallback: true }), node('say', 'message', { text: 'recebido' })], [edge('start', 'next', 'say')]));
  second = (await api(p.app, 'POST', '/v1/channels', channel('2002'), p.token)).body.id;
  otherApp = (await api(p.app, 'POST', '/v1/channels', channel('4004', 'another-app-secret'), p.token)).body.id;
});

const conversationsOf = async (waId: string) =>
  (await db.query('SELECT cv.tenant_id, cv.channel_id FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE ct.phone = $1', [waId])).rows;

describe('one Meta app with several numbers', () => {
  it('when the payload carries messages for other numbers, then the workspace\'s own number gets its message and the rest are set aside, never crossing workspaces', async () => {
    const elsewhere = await otherWorkspace(p, 'Outra Loja', '3003');
    const entries = [['2002', '5511955500001'], ['3003', '5511955500002'], ['4004', '5511955500003'], ['9999', '5511955500004']] as const;
    const body = {
      object: 'whatsapp_business_account',
      entry: entries.flatMap(([number, waId]) => envelope(number, messageValue({ waId }, textMessage(`para ${number}`))).entry),
    };
    const raw = metaJson(body);
    expect(await p.wa.postRaw(raw, signMeta(raw, APP_SECRET))).toBe(200);

    // The second number of this workspace, on the same app: stored on its channel and answered from it.
    await eventually(async () => (await conversationsOf('5511955500001')).length === 1);
    expect(await conversationsOf('5511955500001')).toEqual([{ tenant_id: p.tenantId, channel_id: second }]);
    await eventually(() => sentTexts(p.wa, '5511955500001').includes('recebido'));
    // Another workspace's number and a channel on another app: nothing crossed over.
    await new Promise((r) => setTimeout(r, 500));
    for (const waId of ['5511955500002', '5511955500003', '5511955500004']) expect(await conversationsOf(waId), waId).toEqual([]);
    // …and the receiving channel says what it set aside, naming the numbers.
    const rejected = await api(p.app, 'GET', `/v1/channels/${p.channelId}/rejected-events`, undefined, p.token);
    const reasons = rejected.body.items.map((r: any) => r.reason).join('\n');
    for (const number of ['3003', '4004', '9999']) expect(reasons).toContain(`phone number id ${number}`);
    expect((await api(p.app, 'GET', `/v1/channels/${elsewhere.channelId}/rejected-events`, undefined, elsewhere.token)).body.items).toEqual([]);
    expect((await api(p.app, 'GET', `/v1/channels/${otherApp}/rejected-events`, undefined, p.token)).body.items).toEqual([]);
  });
});
