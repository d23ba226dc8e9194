// Regular-expression denial of service, reproduced through the engine's own matching paths: a
// regex keyword picking a flow, a regex condition rule and a wait's answer validation, each fed
// 10 kB of hostile text. With RegExp, 29 characters took 21–42 s on the shared worker.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSafeRegex, type NodeConfig } from '@zyntra/flows-schema';
import { step } from './interpret';
import { matchTrigger } from './match-trigger';
import { cpuTimed } from './testing/cpu-time';
import { chain, converse, edge, flow, msg, node, testContext, trigger } from './testing/fixtures';

const BUDGET_MS = 50;
const ATTACKS: Array<[string, string]> = [
  ['^(a|a)*$', `${'a'.repeat(10_240)}!`],
  ['(\\w|\\d)*x$', '1'.repeat(10_240)],
  ['^\\d*\\d*\\d*\\d*x', '1'.repeat(10_240)],
];

// The bound is about the algorithm, not the first call's compilation of the engine's own code.
beforeAll(() => {
  compileSafeRegex('^(warm|up)*$')?.test('warm'.repeat(2_560));
});

describe('regex keywords on hostile messages', () => {
  it.each(ATTACKS)(
    'when a trigger keyword is %s and 10 kB arrive, then the choice is made in under 50 ms',
    (value, text) => {
      const candidate = flow([trigger('start', { keywords: [{ match: 'regex', value }] })], []);
      const ctx = { channelId: 'ch-1', isNewContact: false, hadSession: false };
      const { result, ms } = cpuTimed(() => matchTrigger([candidate], msg(text), ctx));
      expect(result).toBeNull();
      expect(ms).toBeLessThan(BUDGET_MS);
    },
  );
});

describe('regex condition rules on hostile replies', () => {
  type Rule = NodeConfig<'condition'>['branches'][number]['rules'][number];
  const version = (right: string) =>
    flow(
      [
        trigger(),
        node('wait', 'ask', { saveAs: 'answer' }),
        node('condition', 'check', {
          branches: [
            {
              id: 'hit',
              label: 'hit',
              combinator: 'any',
              rules: [{ left: 'answer', op: 'regex', right } satisfies Rule],
            },
          ],
        }),
        node('message', 'yes', { text: 'sim' }),
        node('message', 'no', { text: 'não' }),
      ],
      [...chain('start', 'ask', 'check'), edge('check', 'branch:hit', 'yes'), edge('check', 'else', 'no')],
      { variables: [{ name: 'answer' }] },
    );

  it.each(ATTACKS)(
    'when a rule is %s and the saved answer is 10 kB, then the branch is chosen in under 50 ms',
    (right, text) => {
      const ctx = testContext();
      const parked = converse(version(right), [msg('oi')], ctx).session;
      const { result, ms } = cpuTimed(() => step(version(right), parked, msg(text), ctx));
      expect(result.log.find((entry) => entry.nodeId === 'check')).toMatchObject({ outcome: 'else' });
      expect(ms).toBeLessThan(BUDGET_MS);
    },
  );
});

describe('wait validation on hostile replies', () => {
  // Waits validate with the engine's own fixed patterns; the customer still controls the text.
  it.each<[NodeConfig<'wait'>['expect'], string]>([
    ['email', `${'a@'.repeat(5_120)}!`],
    ['email', `a@${'a.'.repeat(5_120)}@`],
    ['phone', `${'1 '.repeat(5_120)}x`],
    ['number', `${'1.'.repeat(5_120)}x`],
    ['number', `1${'.123'.repeat(2_560)},x`],
  ])(
    'when a wait expects %s and gets 10 kB of near misses, then it answers in under 50 ms',
    (expect_, text) => {
      const version = flow(
        [trigger(), node('wait', 'ask', { expect: expect_, saveAs: null, maxRetries: 0 })],
        chain('start', 'ask'),
      );
      const ctx = testContext();
      const parked = converse(version, [msg('oi')], ctx).session;
      const { result, ms } = cpuTimed(() => step(version, parked, msg(text), ctx));
      expect(result.log).toContainEqual(expect.objectContaining({ nodeId: 'ask', outcome: 'invalid' }));
      expect(ms).toBeLessThan(BUDGET_MS);
    },
  );
});
