// The demo workspace's published flow: a small menu in Brazilian Portuguese that shows buttons,
// variables, a condition and a handoff to humans. It opens clean: no problem of any severity (every
// answer leads back to the menu) and no card over another (seeds/sample-flow.test.ts, and the
// builder's browser test measures the cards as drawn).

/** The demo shop's opening hours, as the flow and the agents' canned response say them. */
export const SHOP_HOURS = 'Atendemos de segunda a sábado, das 9h às 18h.';

export function sampleFlowDocument() {
  const at = (x: number, y: number) => ({ x, y });
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start', type: 'trigger', position: at(0, 160), name: 'Oi ou menu',
        config: {
          keywords: [{ match: 'exact', value: 'oi' }, { match: 'exact', value: 'olá' }, { match: 'contains', value: 'menu' }],
          newContact: true, fallback: false, channelIds: [], priority: 0,
        },
      },
      {
        id: 'hello', type: 'message', position: at(336, 176), name: 'Saudação',
        config: { text: 'Olá, {{contact.name | "tudo bem"}}! Sou o assistente da Loja Demo.', buttons: [], list: null, media: null, typingDelayMs: 0 },
      },
      {
        id: 'menu', type: 'message', position: at(672, 144), name: 'Menu principal',
        config: {
          text: 'Como posso ajudar? Escolha uma opção:',
          buttons: [{ id: 'promo', title: 'Ver promoções' }, { id: 'hours', title: 'Horário' }, { id: 'human', title: 'Falar com atendente' }],
          list: null, media: null, typingDelayMs: 0,
        },
      },
      { id: 'promo', type: 'message', name: 'Promoções', position: at(1024, 0), config: { text: 'Hoje tem 10% de desconto com o cupom ZYNTRA10.', buttons: [], list: null, media: null, typingDelayMs: 0 } },
      { id: 'hours', type: 'message', name: 'Horário', position: at(1024, 176), config: { text: SHOP_HOURS, buttons: [], list: null, media: null, typingDelayMs: 0 } },
      { id: 'human', type: 'transfer', name: 'Atendente', position: at(1376, 352), config: { team: null, message: 'Certo! Vou chamar alguém da equipe. Aguarde um instante.', tags: ['atendimento'] } },
      {
        // A customer who writes what they want instead of picking ("quero falar com alguém") still gets a person.
        id: 'asks', type: 'condition', name: 'Pediu uma pessoa?', position: at(1024, 480),
        config: {
          branches: [{
            id: 'person', label: 'Pediu uma pessoa', combinator: 'any',
            rules: ['atendente', 'pessoa', 'humano', 'alguém'].map((word) => ({ left: 'last_reply', op: 'contains' as const, right: word })),
          }],
        },
      },
      { id: 'sorry', type: 'message', name: 'Não entendi', position: at(1376, 576), config: { text: 'Desculpe, não entendi.', buttons: [], list: null, media: null, typingDelayMs: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'menu' },
      { id: 'e3', source: 'menu', sourceHandle: 'btn:promo', target: 'promo' },
      { id: 'e4', source: 'menu', sourceHandle: 'btn:hours', target: 'hours' },
      { id: 'e5', source: 'menu', sourceHandle: 'btn:human', target: 'human' },
      { id: 'e6', source: 'menu', sourceHandle: 'no_match', target: 'asks' },
      { id: 'e7', source: 'asks', sourceHandle: 'branch:person', target: 'human' },
      { id: 'e8', source: 'asks', sourceHandle: 'else', target: 'sorry' },
      // After an answer the menu shows again, so the conversation never just stops.
      { id: 'e9', source: 'promo', sourceHandle: 'next', target: 'menu' },
      { id: 'e10', source: 'hours', sourceHandle: 'next', target: 'menu' },
      { id: 'e11', source: 'sorry', sourceHandle: 'next', target: 'menu' },
    ],
    settings: { variables: [], sessionTimeoutMinutes: 1440, restartKeywords: ['reiniciar', 'restart'], exitKeywords: ['sair do bot'] },
  };
}
