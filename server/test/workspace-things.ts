// One workspace holding one of everything a route can name by id, for the sweeps generated from the
// route table (tenant-sweep, hostile-sweep): a published flow and its version, a conversation with a
// message, a member, a team, a canned response, an invitation, an API key, a webhook endpoint and
// a delivery, a contact import, a campaign, a saved filter, a WhatsApp template and a contact field.
import { edge, flow, keywordTrigger, node } from './flow-docs';
import { api } from './harness';
import { addAgent } from './agents';
import { textMessage } from './fakes/whatsapp-payloads';
import { eventually, type Pipeline } from './pipeline';

export const sweepFlow = flow([keywordTrigger('ajuda'), node('human', 'transfer', { message: 'um momento' })], [edge('start', 'next', 'human')]);

/** Which thing a route parameter takes: by its name, or for `:id` by the path's first segment. */
const ID_FOR: Record<string, string> = {
  messageId: 'message', versionId: 'version', userId: 'member', channelId: 'channel',
  'id@flows': 'flow', 'id@conversations': 'conversation', 'id@teams': 'team', 'id@canned-responses': 'canned',
  'id@contacts': 'contact', 'id@channels': 'channel', 'id@invitations': 'invitation', 'id@api-keys': 'apiKey',
  'id@webhook-endpoints': 'webhookEndpoint', 'id@operations': 'message', deliveryId: 'delivery', 'id@notices': 'notice',
  importId: 'contactImport', 'id@campaigns': 'campaign', 'id@contact-filters': 'contactFilter',
  templateId: 'template', conversationId: 'conversation', 'name@contacts': 'attribute',
};

export type Things = Record<string, string>;

/** The id of `things` a parameter of `path` takes; a route whose parameter has none is named, so it cannot skip a sweep. */
export const thingFor = (things: Things, path: string) => (param: string) => {
  const first = path.split('/')[2]!;
  const id = things[ID_FOR[param] ?? ID_FOR[`${param}@${first}`] ?? ''];
  if (!id) throw new Error(`no id for :${param} in ${path}: add it to ID_FOR in server/test/workspace-things.ts`);
  return id;
};

export async function createThings(a: Pipeline): Promise<Things> {
  const ids: Things = {};
  const call = (method: string, path: string, body?: unknown) => api(a.app, method, path, body, a.token);
  ids.channel = a.channelId;
  ids.member = (await addAgent(a.app, a.tenantId, 'Bruno')).id;
  ids.team = (await call('POST', '/v1/teams', { name: 'Vendas', memberIds: [ids.member] })).body.id;
  ids.canned = (await call('POST', '/v1/canned-responses', { shortcut: 'oi', text: 'Olá!' })).body.id;
  ids.invitation = (await call('POST', '/v1/invitations', { email: 'convite@example.com', role: 'agent' })).body.id;
  ids.apiKey = (await call('POST', '/v1/api-keys', { name: 'A', role: 'agent' })).body.id;
  ids.webhookEndpoint = (await call('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hooks', events: ['message.sent'] })).body.id;
  await call('POST', `/v1/webhook-endpoints/${ids.webhookEndpoint}/test`);
  ids.delivery = (await eventually(async () => (await call('GET', `/v1/webhook-endpoints/${ids.webhookEndpoint}/deliveries`)).body.items[0])).id;
  ids.notice = '1'; // A notice would need a day of failures; no answer may depend on it existing.
  const published = await a.publish(sweepFlow, 'Ajuda');
  ids.flow = published.flowId;
  ids.version = published.versionId;
  await a.wa.inbound({ waId: '5511950000001', name: 'Cliente A' }, textMessage('ajuda'));
  const conv = await eventually(async () => (await call('GET', '/v1/conversations?status=waiting')).body.items[0]);
  ids.conversation = conv.id;
  ids.contact = conv.contact.id;
  // A contact field, by its name: another workspace renaming or deleting its own "Cidade" leaves this one.
  await call('PATCH', `/v1/contacts/${ids.contact}`, { attributes: { Cidade: 'Recife' } });
  ids.attribute = 'Cidade';
  ids.message = (await call('GET', `/v1/conversations/${conv.id}/messages`)).body.items[0].id;
  const imported = await fetch(`${a.app.url}/v1/contacts/import`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'text/csv' }, body: 'phone,name\n+5511950000002,Importada' });
  ids.contactImport = ((await imported.json()) as { id: string }).id;
  const campaign = await call('POST', '/v1/campaigns', { name: 'A', channelId: a.channelId, template: { name: 'promo', language: 'pt_BR', parameters: {} }, audience: { tags: ['ninguem'] } });
  ids.campaign = campaign.body.id;
  ids.contactFilter = (await call('POST', '/v1/contact-filters', { name: 'VIP', tags: ['vip'] })).body.id;
  const template = await call('POST', `/v1/channels/${a.channelId}/templates`, { name: 'aviso', language: 'pt_BR', category: 'UTILITY', components: [{ type: 'BODY', text: 'Olá' }] });
  ids.template = template.body.id;
  if (!ids.template) throw new Error(`template: ${template.status} ${JSON.stringify(template.body)}`);
  if (!ids.campaign) throw new Error(`campaign: ${campaign.status} ${JSON.stringify(campaign.body)}`);
  return ids;
}
