// A draft is tenant input: validation must stay linear in nodes + edges, and a document beyond
// the limits is refused before any rule runs. A 1.4 MB draft with 20,000 edges used to take
// ~5 s per save and per read, blocking the server for everyone. Costs are compared with another
// validation in the same test (CPU time, least of a few runs), never with a fixed number of
// milliseconds: a busy machine slows both sides alike. (At the limits in the worst shape a full
// validation takes ~40–90 ms of CPU on a quiet development machine.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from '../flow-document';
import { migrateFlow } from '../migrations/migrate-flow';
import { cpuTimed } from '../testing/cpu-time';
import { codesOf, edge, flow, modelOf, node, trigger } from '../testing/flow-builders';
import { FLOW_LIMITS, isLimitProblem } from './flow-limits';
import { hasErrors } from './problems';
import { validateFlow, validateModel } from './validate-flow';

/** The worst shape for per-edge work: every edge leaves one condition with one branch per edge. */
function fanOut(edgeCount: number, nodeCount: number) {
  const branches = Array.from({ length: edgeCount - 1 }, (_, i) => ({
    id: `b${i}`,
    label: '',
    combinator: 'all' as const,
    rules: [{ left: 'last_reply', op: 'equals' as const, right: `${i}` }],
  }));
  const targets = Array.from({ length: nodeCount - 2 }, (_, i) =>
    node(`m${i}`, 'message', { text: `Opção ${i}` }),
  );
  const nodes: FlowNode[] = [trigger(), node('menu', 'condition', { branches }), ...targets];
  const edges: FlowEdge[] = [
    edge('start', 'next', 'menu'),
    ...branches.map((branch, i) => edge('menu', `branch:${branch.id}`, `m${i % targets.length}`)),
  ];
  return flow(nodes, edges);
}

/** The least CPU time of a few runs: noise from other processes only ever adds. */
function leastMs(run: () => unknown, runs = 3): number {
  return Math.min(...Array.from({ length: runs }, () => cpuTimed(run).ms));
}

// The bounds are about the algorithm in a running server, not about the first calls that compile
// the rules' own code (an attacker cannot make the server pay those again).
const atLimit = fanOut(FLOW_LIMITS.maxEdges, FLOW_LIMITS.maxNodes);
/** What every rule costs on the largest draft the limits let through: the yardstick of this file. */
let fullMs = 0;
beforeAll(() => {
  validateFlow(atLimit);
  fullMs = leastMs(() => validateFlow(atLimit));
});

describe('validateFlow at scale', () => {
  it('when a draft has 20,000 edges, then it is refused at once with one clear problem', () => {
    const doc = fanOut(20_000, 1_000);
    const result = validateFlow(doc);
    expect(codesOf(result)).toEqual(['too_many_edges@-:edges']);
    expect(result[0]?.message.en).toBe(
      'This flow has 20000 connections; the limit is 4000. Split it into smaller flows.',
    );
    // No rule ran: five times the edges of the largest draft, a tenth of its cost. The least of a
    // few runs, as for the yardstick: one garbage collection in a single run cost 20 ms in CI.
    expect(leastMs(() => validateFlow(doc))).toBeLessThan(fullMs / 10);
  });

  it('when a draft has more nodes than the limit, then it is refused at once', () => {
    const nodes = Array.from({ length: FLOW_LIMITS.maxNodes + 1 }, (_, i) => node(`n${i}`, 'message'));
    const doc = flow(nodes, []);
    expect(codesOf(validateFlow(doc))).toEqual(['too_many_nodes@-:nodes']);
    expect(leastMs(() => validateFlow(doc))).toBeLessThan(fullMs / 10);
  });

  it('when a draft is exactly at the limits in the worst shape, then every rule runs, in about ten times what a tenth of it takes', () => {
    const result = validateFlow(atLimit);
    expect(result.some((p) => p.code === 'too_many_edges' || p.code === 'too_many_nodes')).toBe(false);
    expect(codesOf(result)).toContain('optional_output_unconnected@m0:outputs.next');
    const tenth = fanOut(FLOW_LIMITS.maxEdges / 10, FLOW_LIMITS.maxNodes / 10);
    validateFlow(tenth);
    // Linear gives ~10 (15–20 measured, fixed costs weigh more on the small one); a rule
    // quadratic in edges would give ~100.
    // Both sides measured here, the least of five runs each: noise only ever adds, and a slow
    // moment during one side's runs alone would skew the ratio (it did once, beside busy cores).
    const ratio = leastMs(() => validateFlow(atLimit), 5) / Math.max(leastMs(() => validateFlow(tenth), 5), 1);
    expect(ratio).toBeLessThan(50);
  });

  it('when the graph rules meet ten times more edges, then they take about ten times longer, not a hundred', () => {
    // Every edge leaves the trigger's one output (each a duplicate_handle_edge): the widest fan-out
    // a small config allows, past the edge limit since the rules are called directly.
    const fromTrigger = (edgeCount: number) => {
      const targets = Array.from({ length: 1_000 }, (_, i) =>
        node(`m${i}`, 'message', { text: `Opção ${i}` }),
      );
      const edges = Array.from({ length: edgeCount }, (_, i) =>
        edge('start', 'next', `m${i % 1_000}`, `e${i}`),
      );
      return modelOf(flow([trigger(), ...targets], edges));
    };
    const small = fromTrigger(2_000);
    const large = fromTrigger(20_000);
    const ratio =
      leastMs(() => validateModel(large)) /
      Math.max(
        leastMs(() => validateModel(small)),
        1,
      );
    expect(validateModel(large).filter((p) => p.code === 'duplicate_handle_edge')).toHaveLength(19_999);
    expect(ratio).toBeLessThan(30);
  });
});

describe('validateFlow: regexes per flow', () => {
  /** One condition whose branches each test a different, costly pattern. */
  function regexHeavy(count: number, mark = 'x') {
    const branches = Array.from({ length: count }, (_, i) => ({
      id: `b${i}`,
      label: '',
      combinator: 'all' as const,
      rules: [{ left: 'last_reply', op: 'regex' as const, right: `\\p{L}{200}${mark}${i}` }],
    }));
    const edges = [
      edge('start', 'next', 'check'),
      ...branches.map((b) => edge('check', `branch:${b.id}`, 'done')),
    ];
    return flow([trigger(), node('check', 'condition', { branches }), node('done', 'transfer')], edges);
  }

  beforeAll(() => {
    validateFlow(regexHeavy(100, 'warm'));
  });

  it('when a draft holds 3,000 distinct regexes, then only the first 50 are compiled and the rest refused at once', () => {
    const doc = regexHeavy(3_000);
    const result = validateFlow(doc);
    const refused = result.filter((p) => p.code === 'too_many_regexes');
    expect(result).toHaveLength(FLOW_LIMITS.maxProblems); // the list is capped too
    expect(refused.length).toBeGreaterThan(FLOW_LIMITS.maxProblems / 2);
    expect(refused[0]).toMatchObject({
      nodeId: 'check',
      path: `config.branches.${FLOW_LIMITS.maxRegexes}.rules.0.right`,
    });
    expect(refused[0]?.message['pt-BR']).toBe(
      'Um fluxo pode usar no máximo 50 expressões regulares; use palavras-chave simples aqui ou divida o fluxo.',
    );
    expect(result.some((p) => p.code.startsWith('regex_'))).toBe(false);
    // Compiling all 3,000 costs ~1 s, 10–25 times a full validation of the largest draft; with
    // the first 50 compiled it is 0.8–1.2 times. Fresh patterns each run (verdicts are cached).
    const fresh = [1, 2, 3].map((run) => regexHeavy(3_000, `run${run}`));
    const regexMs = Math.min(...fresh.map((d) => cpuTimed(() => validateFlow(d)).ms));
    expect(regexMs).toBeLessThan(fullMs * 4);
  });
});

describe('validateFlow: many problems', () => {
  it('when one node holds 400,000 bad items, then it gets one problem at once instead of one per item', () => {
    const bad = node('m', 'message');
    const doc = flow(
      [trigger(), { ...bad, config: { ...bad.config, buttons: Array(400_000).fill(1) } } as FlowNode],
      [],
    );
    const { result, ms } = cpuTimed(() => validateFlow(doc));
    expect(codesOf(result)).toContain('too_much_data@m:config');
    expect(result.length).toBeLessThan(10);
    expect(ms).toBeLessThan(fullMs * 3);
  });

  it('when settings hold 400,000 bad items, then they get one problem at once', () => {
    const doc = { ...flow([trigger()], []), settings: { restartKeywords: Array(400_000).fill(1) } };
    const { result, ms } = cpuTimed(() => validateFlow(doc));
    expect(codesOf(result)).toContain('too_much_data@-:settings');
    expect(ms).toBeLessThan(fullMs * 3);
  });

  it('when 1,999 nodes each have 200 bad items, then the first problems are listed, errors first, and a note says there are more', () => {
    const nodes = Array.from({ length: 1_999 }, (_, i) => {
      const bad = node(`n${i}`, 'message');
      return { ...bad, config: { ...bad.config, buttons: Array(200).fill(1) } } as FlowNode;
    });
    const { result, ms } = cpuTimed(() => validateFlow(flow(nodes, [])));
    expect(result).toHaveLength(FLOW_LIMITS.maxProblems);
    expect(result.at(-1)).toMatchObject({ code: 'too_many_problems', severity: 'warning' });
    expect(result.at(-1)?.message.en).toBe(
      `Only the first ${FLOW_LIMITS.maxProblems - 1} problems are listed; fix these first.`,
    );
    expect(hasErrors(result)).toBe(true);
    expect(ms).toBeLessThan(fullMs * 3);
  });

  it('when warnings overflow the list, then every error found after them is still listed', () => {
    const loose = Array.from({ length: 800 }, (_, i) => node(`loose${i}`, 'transfer'));
    const late = node('late', 'transfer', { message: 'Protocolo {{protocolo}}' });
    const result = validateFlow(flow([trigger(), ...loose, late], []));
    expect(result).toHaveLength(FLOW_LIMITS.maxProblems);
    expect(result.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual([
      'output_unconnected',
      'undeclared_variable',
    ]);
  });

  it('when only warnings overflow the list, then the flow has no errors', () => {
    const loose = Array.from({ length: 800 }, (_, i) => node(`loose${i}`, 'transfer'));
    const result = validateFlow(
      flow([trigger(), node('bye', 'transfer'), ...loose], [edge('start', 'next', 'bye')]),
    );
    expect(result).toHaveLength(FLOW_LIMITS.maxProblems);
    expect(hasErrors(result)).toBe(false);
  });
});

describe('migrateFlow at scale', () => {
  it('when an imported document has 400,000 bad items across its nodes, then it is refused for less than three full validations', () => {
    const nodes = Array.from({ length: 1_999 }, (_, i) => {
      const bad = node(`n${i}`, 'message');
      return { ...bad, config: { ...bad.config, buttons: Array(200).fill(1) } } as FlowNode;
    });
    const doc = flow(nodes, []);
    const { result, ms } = cpuTimed(() => migrateFlow(doc));
    expect('problems' in result && result.problems).toHaveLength(FLOW_LIMITS.maxProblems);
    expect(ms).toBeLessThan(fullMs * 3);
  });

  it('when an imported document has 20,000 edges, then it is refused at once', () => {
    const { result, ms } = cpuTimed(() => migrateFlow(fanOut(20_000, 1_000)));
    expect('problems' in result && codesOf(result.problems)).toEqual(['too_many_edges@-:edges']);
    expect(ms).toBeLessThan(fullMs * 3);
  });
});

describe('validateFlow: limit problems survive a full list', () => {
  it('when 3,000 unconnected branches test regexes, then the regex limit is listed before the other errors', () => {
    const branches = Array.from({ length: 3_000 }, (_, i) => ({
      id: `b${i}`,
      label: '',
      combinator: 'all' as const,
      rules: [{ left: 'last_reply', op: 'regex' as const, right: `^pedido ${i}$` }],
    }));
    const result = validateFlow(
      flow([trigger(), node('check', 'condition', { branches })], [edge('start', 'next', 'check')]),
    );
    expect(result).toHaveLength(FLOW_LIMITS.maxProblems);
    // 2,950 regexes over the limit and 3,000 unconnected outputs: the limit problems come first.
    expect(result.filter(isLimitProblem)).toHaveLength(FLOW_LIMITS.maxProblems - 1);
  });
});
