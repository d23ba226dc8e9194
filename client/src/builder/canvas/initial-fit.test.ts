import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editor-types';
import { initialFit } from './initial-fit';

const card = (id: string, type: string, x: number, y = 0) =>
  ({ id, type: 'flow', position: { x, y }, measured: { width: 240, height: 90 }, data: { type, config: {} } }) as unknown as EditorNode;
const base = { maxZoom: 1, padding: 0.2 };
const phone = { width: 390, height: 750 };

describe('initialFit', () => {
  it('when the whole flow is readable on the screen, then the whole flow is framed', () => {
    expect(initialFit([card('t', 'trigger', 0), card('m', 'message', 0, 150)], phone, 0.6, base)).toBe(base);
  });

  it('when seeing a long flow whole on a phone would draw boxes, then its triggers are framed', () => {
    const nodes = [card('t', 'trigger', 0), ...Array.from({ length: 8 }, (_, i) => card(`m${i}`, 'message', 300 * (i + 1))), card('t2', 'trigger', 0, 400)];
    expect(initialFit(nodes, phone, 0.6, base)).toEqual({ ...base, nodes: [{ id: 't' }, { id: 't2' }] });
  });

  it('when such a flow has no trigger, or the screen is wide enough to read it whole, then the whole flow is framed', () => {
    const steps = Array.from({ length: 8 }, (_, i) => card(`m${i}`, 'message', 300 * i));
    expect(initialFit(steps, phone, 0.6, base)).toBe(base);
    expect(initialFit([card('t', 'trigger', 0), ...steps], { width: 3840, height: 2160 }, 0.6, base)).toBe(base);
  });

  it('when the flow is empty, then the options are left as they are', () => {
    expect(initialFit([], phone, 0.6, base)).toBe(base);
  });
});
