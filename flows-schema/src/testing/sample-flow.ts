import type { FlowDocument, FlowEdge, FlowNode } from '../flow-document';
import { edge, flow, node } from './flow-builders';

/**
 * The README's example: a support menu. It is valid and problem-free: the AI loop passes a wait
 * node and the menu's no_match loops back to the menu itself, both of which wait for the customer.
 */
export function sampleFlow(): FlowDocument {
  return flow(sampleNodes(), sampleEdges(), ['order_id', 'question']);
}

function sampleNodes(): FlowNode[] {
  return [
    node('start', 'trigger', { keywords: [{ match: 'contains', value: 'oi' }], newContact: true }),
    node(
      'menu',
      'message',
      {
        text: 'Olá {{ contact.name | "cliente" }}! Como posso ajudar?',
        buttons: [
          { id: 'faq', title: 'Tirar uma dúvida' },
          { id: 'human', title: 'Falar com atendente' },
        ],
      },
      { x: 320, y: 0 },
    ),
    node(
      'ai',
      'ai_reply',
      { systemPrompt: 'Você atende a Loja Zyntra. Pedido atual: {{ order_id | "nenhum" }}.' },
      { x: 640, y: -120 },
    ),
    node('more', 'wait', { saveAs: 'question' }, { x: 960, y: -120 }),
    node(
      'agent',
      'transfer',
      { team: 'suporte', message: 'Um atendente já vai falar com você.', tags: ['bot'] },
      { x: 640, y: 160 },
    ),
  ];
}

function sampleEdges(): FlowEdge[] {
  return [
    edge('start', 'next', 'menu'),
    edge('menu', 'btn:faq', 'ai'),
    edge('menu', 'btn:human', 'agent'),
    edge('menu', 'no_match', 'menu'),
    edge('ai', 'ok', 'more'),
    edge('ai', 'handoff', 'agent'),
    edge('ai', 'error', 'agent'),
    edge('more', 'next', 'ai'),
  ];
}

/** The README's "broken" example: the same flow after four typical editing mistakes. */
export function brokenSampleFlow(): FlowDocument {
  const doc = sampleFlow();
  const [start, menu, , , agent] = doc.nodes;
  if (start?.type !== 'trigger' || menu?.type !== 'message' || agent?.type !== 'transfer') {
    throw new Error('sample changed');
  }
  // README:begin
  start.config.keywords = [{ match: 'regex', value: '(oi+)+' }];
  menu.config.buttons[1] = { id: 'human', title: 'Falar com um atendente' };
  agent.config.message = 'Protocolo {{ protocolo }}: um atendente já vai falar com você.';
  doc.edges = doc.edges.filter((edge) => edge.id !== 'ai.ok');
  // README:end
  return doc;
}
