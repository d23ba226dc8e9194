import { describe, expect, it } from 'vitest';
import { session, testContext, trigger as triggerNode } from '../testing/fixtures';
import { handlers } from './index';
import { NODE_TYPES } from '@zyntra/flows-schema';

describe('trigger handler', () => {
  it('when entered, then it moves on through "next" without actions', () => {
    expect(handlers.trigger.enter(triggerNode(), session(), testContext())).toEqual({ next: 'next', actions: [] });
  });
});

describe('handler registry', () => {
  it.each(NODE_TYPES)('when the node type is %s, then a handler with enter() is registered', (type) => {
    expect(typeof handlers[type].enter).toBe('function');
  });
});
