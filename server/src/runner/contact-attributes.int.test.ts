// A bot flow reads the contact's attributes through the real pipeline: a contact added with the
// columns a spreadsheet brings ("Cidade", "plano") writes the keyword on the fake WhatsApp Cloud API,
// and the answer names their city and takes the VIP path. Another workspace's contact with the same
// phone and attribute names lends nothing.
import { describe, expect, it } from 'vitest';
import { api } from '../../test/harness';
import { edge, flow, keywordTrigger, node } from '../../test/flow-docs';
import { textMessage } from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, pipelineForFile, type Pipeline } from '../../test/pipeline';

const greeting = flow(
  [
    keywordTrigger('loja'),
    node('plan', 'condition', {
      branches: [{ id: 'vip', label: 'VIP', combinator: 'all', rules: [{ left: 'contact.plano', op: 'equals', right: 'premium' }] }],
    }),
    node('vip', 'message', { text: 'VIP {{contact.name}}: temos uma loja em {{contact.cidade}}' }),
    node('other', 'message', { text: 'Olá {{contact.name | "cliente"}}, temos uma loja em {{contact.CIDADE | "sua cidade"}}' }),
  ],
  [edge('start', 'next', 'plan'), edge('plan', 'branch:vip', 'vip'), edge('plan', 'else', 'other')],
);
const moving = flow(
  [keywordTrigger('mudei'), node('move', 'actions', { actions: [{ kind: 'set_attribute', tags: [], name: 'CIDADE', value: 'Olinda' }] }), node('moved', 'message', { text: 'Agora em {{contact.cidade}}' })],
  [edge('start', 'next', 'move'), edge('move', 'next', 'moved')],
);

let p: Pipeline;
let other: Awaited<ReturnType<typeof otherWorkspace>>;
pipelineForFile(async ({ pipeline }) => {
  p = pipeline;
  await p.publish(greeting, 'Loja');
  await p.publish(moving, 'Mudança');
  other = await otherWorkspace(p, 'Outra loja', 'PN-ATTR-OTHER');
  await other.publish(greeting, 'Loja');
});

let n = 0;
const phone = () => `55119${String(Date.now() % 10_000_000).padStart(7, '0')}${n++}`.slice(0, 13);
/** What the workspace whose number is `phoneNumberId` (the pipeline's by default) sent to `to`. */
const answers = (to: string, phoneNumberId?: string) =>
  p.wa.sends.filter((s) => s.body.to === to && (phoneNumberId === undefined ? s.phoneNumberId !== other.phoneNumberId : s.phoneNumberId === phoneNumberId))
    .map((s) => s.body.text?.body ?? '');

async function addContact(token: string, waId: string, body: Record<string, unknown>) {
  const res = await api(p.app, 'POST', '/v1/contacts', { phone: `+${waId}`, ...body }, token);
  expect(res.status).toBe(201);
}

describe('contact attributes in a bot flow', () => {
  it('when a premium contact from Recife writes the keyword, then the answer takes the VIP path and names the city; the other workspace\'s same contact gets its own', async () => {
    const waId = phone();
    await addContact(p.token, waId, { name: 'Ana', attributes: { Cidade: 'Recife', plano: 'Premium' } });
    await addContact(other.token, waId, { name: 'Ana B', attributes: { Cidade: 'Manaus', plano: 'básico' } });

    await p.wa.inbound({ waId, name: 'Ana' }, textMessage('loja'));
    await eventually(() => answers(waId).length > 0);
    expect(answers(waId)).toEqual(['VIP Ana: temos uma loja em Recife']);

    await other.inbound(waId, 'loja');
    await eventually(() => answers(waId, other.phoneNumberId).length > 0);
    expect(answers(waId, other.phoneNumberId)).toEqual(['Olá Ana B, temos uma loja em Manaus']);
  });

  it('when only another workspace knows the contact\'s attributes, then this workspace\'s flow reads none of them', async () => {
    const waId = phone();
    await addContact(other.token, waId, { name: 'Beatriz Outra', attributes: { cidade: 'Manaus', plano: 'premium' } });
    await p.wa.inbound({ waId, name: 'Bia' }, textMessage('loja'));
    await eventually(() => answers(waId).length > 0);
    expect(answers(waId)).toEqual(['Olá Bia, temos uma loja em sua cidade']);
  });

  it('when an Actions step sets the city, then the next step of the run and the next conversation read the new one', async () => {
    const waId = phone();
    await addContact(p.token, waId, { name: 'Caio', attributes: { Cidade: 'Recife' } });
    await p.wa.inbound({ waId, name: 'Caio' }, textMessage('mudei'));
    await eventually(() => answers(waId).length > 0);
    expect(answers(waId)).toEqual(['Agora em Olinda']);
    await p.wa.inbound({ waId, name: 'Caio' }, textMessage('loja'));
    await eventually(() => answers(waId).length > 1);
    expect(answers(waId)).toEqual(['Agora em Olinda', 'Olá Caio, temos uma loja em Olinda']);
  });
});
