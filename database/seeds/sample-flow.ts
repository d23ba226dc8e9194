// The demo workspace's published flow: a small menu in Brazilian Portuguese that shows buttons,
// variables and a handoff to humans. It opens clean: no problem of any severity (every answer
// leads back to the menu) and no card over another (seeds/sample-flow.test.ts, and the builder's
// browser test measures the cards as drawn).
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
        id: 'menu', type: 'message', position: at(336, 128), name: 'Menu principal',
        config: {
          text: 'Olá, {{contact.name | "tudo bem"}}! Sou o assistente da Loja Demo. Como posso ajudar?',
          buttons: [{ id: 'promo', title: 'Ver promoções' }, { id: 'hours', title: 'Horário' }, { id: 'human', title: 'Falar com atendente' }],
          list: null, media: null, typingDelayMs: 0,
        },
      },
      { id: 'promo', type: 'message', name: 'Promoções', position: at(688, 0), config: { text: 'Hoje tem 10% de desconto com o cupom ZYNTRA10.', buttons: [], list: null, media: null, typingDelayMs: 0 } },
      { id: 'hours', type: 'message', name: 'Horário', position: at(688, 176), config: { text: 'Atendemos de segunda a sábado, das 9h às 18h.', buttons: [], list: null, media: null, typingDelayMs: 0 } },
      { id: 'human', type: 'transfer', name: 'Atendente', position: at(688, 352), config: { team: null, message: 'Certo! Vou chamar alguém da equipe. Aguarde um instante.', tags: ['atendimento'] } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'btn:promo', target: 'promo' },
      { id: 'e3', source: 'menu', sourceHandle: 'btn:hours', target: 'hours' },
      { id: 'e4', source: 'menu', sourceHandle: 'btn:human', target: 'human' },
      { id: 'e5', source: 'menu', sourceHandle: 'no_match', target: 'menu' },
      // After the answer the menu shows again, so the conversation never just stops.
      { id: 'e6', source: 'promo', sourceHandle: 'next', target: 'menu' },
      { id: 'e7', source: 'hours', sourceHandle: 'next', target: 'menu' },
    ],
    settings: { variables: [], sessionTimeoutMinutes: 1440, restartKeywords: ['reiniciar', 'restart'], exitKeywords: ['sair do bot'] },
  };
}
