// The demo workspace's bot, as a new business first tries it: every way a customer may answer its
// menu leads somewhere sensible, and a customer who asks for a person in their own words gets one.
import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '@zyntra/flows-schema';
import { sampleFlowDocument } from '../../../database/seeds/sample-flow';
import { converse, msg, testContext } from './testing/fixtures';

const version = { flowId: 'demo', versionId: 'v1', document: flowDocumentSchema.parse(sampleFlowDocument()) };
const said = (texts: string[]) => converse(version, texts.map((t, i) => msg(t, null, `m${i}`)), testContext({ contact: { name: null, phone: null, tags: [], attributes: {} } }));
const replies = (texts: string[]) => said(texts).actions.flatMap((a) => (a.type === 'send_message' ? [a.content.text] : []));
const MENU = 'Como posso ajudar? Escolha uma opção:';

describe('the demo bot', () => {
  it('when a customer says oi, then it greets them and shows the menu', () => {
    expect(replies(['oi'])).toEqual(['Olá, tudo bem! Sou o assistente da Loja Demo.', MENU]);
  });

  it.each([
    ['taps by typing the title', 'Horário'],
    ["types the option's number", '2'],
  ])('when the customer %s, then it answers that option and shows the menu again', (_case, answer) => {
    expect(replies(['oi', answer]).slice(2)).toEqual(['Atendemos de segunda a sábado, das 9h às 18h.', MENU]);
  });

  it('when the customer writes something the menu does not know, then it says so once and shows the menu, not the greeting', () => {
    expect(replies(['oi', 'tem pix?']).slice(2)).toEqual(['Desculpe, não entendi.', MENU]);
  });

  it.each(['quero falar com alguém', 'ATENDENTE', 'uma pessoa por favor', '3'])('when the customer asks for a person ("%s"), then it hands the chat to the team', (answer) => {
    const run = said(['oi', answer]);
    expect(run.actions.map((a) => a.type)).toContain('handoff_to_human');
    expect(replies(['oi', answer]).slice(2)).toEqual(['Certo! Vou chamar alguém da equipe. Aguarde um instante.']);
  });
});
