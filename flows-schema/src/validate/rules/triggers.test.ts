import { describe, expect, it } from 'vitest';
import { codesOf, flow, modelOf, node, trigger } from '../../testing/flow-builders';
import { checkTriggers } from './triggers';

describe('trigger count rule', () => {
  it('when there is exactly one trigger, then nothing is reported', () => {
    expect(checkTriggers(modelOf(flow([trigger(), node('m', 'message')], [])))).toEqual([]);
  });

  it('when there is no trigger, then missing_trigger is reported on the nodes list', () => {
    expect(codesOf(checkTriggers(modelOf(flow([node('m', 'message')], []))))).toEqual([
      'missing_trigger@-:nodes',
    ]);
  });

  it('when there are several triggers, then every trigger after the first is reported', () => {
    const doc = flow([trigger('a'), trigger('b'), trigger('c')], []);
    expect(codesOf(checkTriggers(modelOf(doc)))).toEqual([
      'multiple_triggers@b:type',
      'multiple_triggers@c:type',
    ]);
  });
});
