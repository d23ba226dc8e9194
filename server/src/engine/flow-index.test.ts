import { describe, expect, it } from 'vitest';
import { indexFlow } from './flow-index';
import { edge, flow, node, trigger } from './testing/fixtures';

describe('indexFlow', () => {
  const { document } = flow(
    [node('message', 'm'), trigger('t'), node('message', 'm', { text: 'duplicate' })],
    [edge('t', 'next', 'm'), { ...edge('t', 'next', 'other'), id: 'dup' }, edge('t:n', 'ext', 'x')],
  );
  const index = indexFlow(document);

  it('when ids repeat, then the first node and the first edge win', () => {
    expect(index.node('m')?.config).toMatchObject({ text: '' });
    expect(index.edge('t', 'next')?.target).toBe('m');
  });

  it('when source and handle contain ":", then keys do not collide', () => {
    expect(index.edge('t', 'n:ext')).toBeUndefined();
    expect(index.edge('t:n', 'ext')?.target).toBe('x');
  });

  it('when asked for the trigger, then the entry node is found wherever it sits', () => {
    expect(index.trigger()?.id).toBe('t');
  });
});
