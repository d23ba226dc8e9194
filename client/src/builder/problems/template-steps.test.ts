import { describe, expect, it } from 'vitest';
import { nodeRegistry, type SendTemplateConfig } from '@zyntra/flows-schema';
import type { EditorNode } from '../store/editor-types';
import { templateSteps } from './template-steps';

const step = (id: string, config: Partial<SendTemplateConfig>): EditorNode => ({
  id, type: 'flow', position: { x: 0, y: 0 }, data: { type: 'send_template', config: { ...nodeRegistry.send_template.defaults(), ...config } },
});
const message: EditorNode = { id: 'hi', type: 'flow', position: { x: 0, y: 0 }, data: { type: 'message', config: { ...nodeRegistry.message.defaults(), text: 'Oi' } } };
const picked = { name: 'pedido_saiu', body: ['{{contact.name}}'], buttons: [{ index: 1, subType: 'url' as const, value: '' }] };

describe('templateSteps', () => {
  it('when no step names a template, then there is nothing to ask the server', () => {
    expect(templateSteps([message, step('tpl', {})])).toEqual({ key: '', document: null });
  });

  it('when a step names one, then the document holds that step alone', () => {
    const { key, document } = templateSteps([message, step('tpl', picked)]);
    expect(key).not.toBe('');
    expect(document?.nodes.map((n) => n.id)).toEqual(['tpl']);
    expect(document?.edges).toEqual([]);
  });

  it('when a value is typed or another step changes, then the key stays; when the template, a count or a button slot changes, then it moves', () => {
    const { key } = templateSteps([message, step('tpl', picked)]);
    const same = (nodes: EditorNode[]) => templateSteps(nodes).key === key;
    expect(same([{ ...message, data: { ...message.data, config: { ...message.data.config, text: 'Olá' } } }, step('tpl', { ...picked, body: ['Ana'], buttons: [{ index: 1, subType: 'url', value: '1023' }] })])).toBe(true);
    expect(same([message, step('tpl', { ...picked, name: 'outro' })])).toBe(false);
    expect(same([message, step('tpl', { ...picked, language: 'en_US' })])).toBe(false);
    expect(same([message, step('tpl', { ...picked, body: [] })])).toBe(false);
    expect(same([message, step('tpl', { ...picked, buttons: [] })])).toBe(false);
    expect(same([message, step('tpl', { ...picked, headerType: 'image' })])).toBe(false);
    expect(same([message, step('tpl', picked), step('tpl2', picked)])).toBe(false);
  });
});
