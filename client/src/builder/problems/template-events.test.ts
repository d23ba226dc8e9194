import { describe, expect, it } from 'vitest';
import { nodeRegistry, type SendTemplateConfig } from '@zyntra/flows-schema';
import type { LiveEvent } from '../../shared/live-events';
import type { EditorNode } from '../store/editor-types';
import { concernsTemplateSteps, stepTemplateNames } from './template-events';

const step = (id: string, config: Partial<SendTemplateConfig>): EditorNode => ({
  id, type: 'flow', position: { x: 0, y: 0 }, data: { type: 'send_template', config: { ...nodeRegistry.send_template.defaults(), ...config } },
});
const message: EditorNode = { id: 'hi', type: 'flow', position: { x: 0, y: 0 }, data: { type: 'message', config: { ...nodeRegistry.message.defaults(), text: 'pedido_saiu' } } };
const template = (name: string | undefined, status = 'PAUSED'): LiveEvent => ({ id: 1, type: 'template.updated', channelId: 'c1', name, language: 'pt_BR', status });
const flow = [message, step('tpl', { name: 'pedido_saiu' }), step('tpl2', { name: 'pedido_saiu', language: 'en_US' }), step('empty', {})];

describe('stepTemplateNames', () => {
  it('when steps name templates, then each name is listed once, and a step that names none or another type of step adds nothing', () => {
    expect([...stepTemplateNames(flow)]).toEqual(['pedido_saiu']);
    expect(stepTemplateNames([message, step('empty', {})]).size).toBe(0);
  });
});

describe('concernsTemplateSteps', () => {
  it('when a template a step names is paused, approved or deleted, then the steps are checked again', () => {
    expect(concernsTemplateSteps([template('pedido_saiu')], flow)).toBe(true);
    expect(concernsTemplateSteps([template('pedido_saiu', 'DELETED')], flow)).toBe(true);
    expect(concernsTemplateSteps([{ id: 2, type: 'message.received' }, template('outro'), template('pedido_saiu', 'APPROVED')], flow)).toBe(true);
  });

  it('when only other templates or other events come, then nothing is asked', () => {
    expect(concernsTemplateSteps([template('outro')], flow)).toBe(false);
    expect(concernsTemplateSteps([{ id: 3, type: 'flow.published', name: 'pedido_saiu' }, { id: 4, type: 'message.received' }], flow)).toBe(false);
  });

  it('when the flow has no step naming a template, then no template event is its concern, not even a nameless one', () => {
    expect(concernsTemplateSteps([template('pedido_saiu'), template(undefined)], [message, step('empty', {})])).toBe(false);
  });

  it('when a template event carries no name, then it may concern any step: checked again', () => {
    expect(concernsTemplateSteps([template(undefined)], flow)).toBe(true);
  });
});
