import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { EditorEdge, EditorNode } from '../store/editor-types';
import { connect, createNode, renameNode, updateNodeConfig } from '../store/graph-ops';
import { ariaNames } from './aria-names';
import { createCanvasEdgesSelector } from './canvas-edges';

const ask = updateNodeConfig([createNode('message', { x: 0, y: 0 }, () => 'n_7fq2')], [], 'n_7fq2', {
  text: 'Quer ver as ofertas?',
  buttons: [{ id: 'sim', title: 'Quero ver' }, { id: 'nao', title: 'Agora não' }],
  list: null,
  media: null,
  typingDelayMs: 0,
} as never).nodes;
const nodes: EditorNode[] = renameNode([createNode('trigger', { x: 0, y: 0 }, () => 'n_k3v9'), ...ask], 'n_k3v9', 'Boas-vindas');
const edges: EditorEdge[] = connect(connect([], { source: 'n_k3v9', sourceHandle: 'next', target: 'n_7fq2' }), { source: 'n_7fq2', sourceHandle: 'btn:sim', target: 'n_k3v9' });

describe('connections as a screen reader hears them', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('pt-BR');
  });

  it('when a connection is labelled, then it names its steps (and the output of a step with several), never their ids', () => {
    const select = createCanvasEdgesSelector(ariaNames(i18n.t, 'pt-BR'));
    const out = select({ nodes, edges });
    expect(out.map((e) => e.ariaLabel)).toEqual(['Conexão de Boas-vindas para Mensagem', 'Conexão de Mensagem, Quero ver, para Boas-vindas']);
    expect(out[0]!.domAttributes).toEqual({ 'aria-roledescription': 'conexão' });
  });

  it('when a step is typed into or renamed, then only the connections whose label changed are new', () => {
    const select = createCanvasEdgesSelector(ariaNames(i18n.t, 'pt-BR'));
    const first = select({ nodes, edges });
    const typed = updateNodeConfig(nodes, edges, 'n_7fq2', { ...nodes[1]!.data.config, text: 'Ofertas!' } as never).nodes;
    expect(select({ nodes: typed, edges })).toBe(first);
    const renamed = select({ nodes: renameNode(typed, 'n_7fq2', 'Ofertas'), edges });
    expect(renamed.map((e) => e.ariaLabel)).toEqual(['Conexão de Boas-vindas para Ofertas', 'Conexão de Ofertas, Quero ver, para Boas-vindas']);
    expect(renamed).not.toBe(first);
  });
});
