import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '@zyntra/flows-schema';
import { converse, edge, flow, msg, node, session, testContext, trigger } from '../testing/fixtures';
import { HTTP_MAX_RESPONSE_BYTES, httpRequest, valueAt } from './http-request';

const secret = 'Bearer s3cr3t-token';
const make = (over: Partial<NodeConfig<'http_request'>> = {}) =>
  node('http_request', 'api', { url: 'https://api.loja.com.br/pedidos/{{pedido}}?q={{last_reply}}', headers: [{ name: 'Authorization', value: secret, secret: true }], ...over });
const parked = (token = 'id-1') => ({ ...session(), vars: { pedido: 'A 1/2' }, cursor: { nodeId: 'api', waitingFor: 'effect' as const, effect: 'http', token, retries: 0 } });
const ctx = () => testContext({ contact: { name: 'Ana "A"', phone: '5511999990000', tags: [], attributes: {} } });

describe('http_request handler', () => {
  it('when entered, then it starts the call with placeholders URL-encoded in the URL and JSON-escaped in the body, without header values, and waits for it', () => {
    const n = make({ method: 'POST', body: '{"name": "{{contact.name}}", "order": "{{pedido}}"}', timeoutSeconds: 5 });
    const result = httpRequest.enter(n, { ...parked(), cursor: null, lastReply: 'sim&não' }, ctx());
    expect(result).toEqual({
      actions: [
        {
          type: 'start_effect', kind: 'http', nodeId: 'api', token: 'id-1', waitMs: 35_000,
          request: {
            versionId: session().versionId, method: 'POST',
            url: 'https://api.loja.com.br/pedidos/A%201%2F2?q=sim%26n%C3%A3o',
            body: '{"name": "Ana \\"A\\"", "order": "A 1/2"}',
            timeoutMs: 5000, maxResponseBytes: HTTP_MAX_RESPONSE_BYTES,
          },
        },
      ],
      wait: { waitingFor: 'effect', effect: 'http', token: 'id-1' },
    });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('when the body is not JSON once filled, then it takes error without calling', () => {
    const result = httpRequest.enter(make({ body: '{"a": {{pedido}}}' }), parked(), ctx());
    expect(result).toEqual({ next: 'error', actions: [], outcome: 'http_bad_body', error: 'the body is not valid JSON' });
  });

  it('when a 2xx JSON answer comes back, then mapped fields are saved (strings as is, others as JSON, missing as empty) and it goes ok', () => {
    const n = make({ mappings: [
      { path: 'data.order.status', variable: 'status' }, { path: 'data.items.0.qty', variable: 'qty' },
      { path: 'data.order', variable: 'order' }, { path: 'data.missing.x', variable: 'none' }, { path: 'x', variable: null },
    ] });
    const body = JSON.stringify({ data: { order: { status: 'enviado' }, items: [{ qty: 2 }] } });
    expect(httpRequest.resume!(n, parked(), { type: 'effect_result', kind: 'http', token: 'id-1', data: { status: 200, body } }, ctx())).toEqual({
      next: 'ok', actions: [], vars: { status: 'enviado', qty: '2', order: '{"status":"enviado"}', none: '' },
    });
  });

  it('when nothing is mapped, then any 2xx answer (even not JSON) goes ok', () => {
    expect(httpRequest.resume!(make(), parked(), { type: 'effect_result', kind: 'http', token: 'id-1', data: { status: 204, body: '' } }, ctx())).toEqual({ next: 'ok', actions: [] });
  });

  it.each([
    ['a 500', { type: 'effect_result' as const, kind: 'http', token: 'id-1', data: { status: 500, body: '{}' } }, 'http_status', 'the server answered HTTP 500'],
    ['a refusal of the outbound module', { type: 'effect_failed' as const, kind: 'http', token: 'id-1', reason: 'The address is private' }, 'http_failed', 'The address is private'],
    ['a lost call', { type: 'effect_failed' as const, kind: 'http', token: 'id-1', reason: 'the HTTP call was lost' }, 'http_failed', 'the HTTP call was lost'],
    ['a refusal with its cause', { type: 'effect_failed' as const, kind: 'http', token: 'id-1', reason: 'The address is private', code: 'blocked_address' }, 'http_blocked_address', 'The address is private'],
    ['a timeout', { type: 'effect_failed' as const, kind: 'http', token: 'id-1', reason: 'No answer within 5 s', code: 'timeout' }, 'http_timeout', 'No answer within 5 s'],
    ['a cause that is not a name', { type: 'effect_failed' as const, kind: 'http', token: 'id-1', reason: 'x', code: 'Not A Name!' }, 'http_failed', 'x'],
    ['an answer that is not JSON while a mapping needs it', { type: 'effect_result' as const, kind: 'http', token: 'id-1', data: { status: 200, body: '<html>' } }, 'http_not_json', 'the answer is not JSON'],
  ])('when the call ends with %s, then it takes error with its reason', (_name, event, outcome, error) => {
    const n = make({ mappings: [{ path: 'a', variable: 'a' }] });
    const result = httpRequest.resume!(n, parked(), event, ctx());
    expect(result).toEqual({ next: 'error', actions: [], outcome, error });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('when another kind of event arrives, then it is a bug', () => {
    expect(() => httpRequest.resume!(make(), parked(), { type: 'timer_fired', token: 'id-1' }, ctx())).toThrow(/cannot resume/);
  });

  it('when the answer of another kind of effect arrives, then it is a bug', () => {
    expect(() => httpRequest.resume!(make(), parked(), { type: 'effect_result', kind: 'other', token: 'id-1', data: {} }, ctx())).toThrow(/cannot resume/);
  });

  it('when a path walks the answer, then only own keys are read', () => {
    expect(valueAt({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
    expect(valueAt({}, 'constructor')).toBeUndefined();
    expect(valueAt({ a: 'text' }, 'a.length')).toBeUndefined();
  });

  it('when run by the interpreter, then the session parks on the call, a stale answer is ignored, the customer waits behind it and the answer resumes it', () => {
    const version = flow(
      [trigger(), make({ url: 'https://api.loja.com.br/x', mappings: [{ path: 'status', variable: 'status' }] }), node('message', 'say', { text: 'Status: {{status}}' })],
      [edge('start', 'next', 'api'), edge('api', 'ok', 'say')],
      { variables: [{ name: 'status' }] },
    );
    const { session: parkedSession, actions, log } = converse(version, [
      msg('oi'),
      { type: 'effect_result', kind: 'other', token: 'id-1', data: { status: 200, body: '{"status":"y"}' } },
      { type: 'effect_result', kind: 'http', token: 'other', data: { status: 200, body: '{"status":"x"}' } },
      msg('e aí?'),
      { type: 'effect_result', kind: 'http', token: 'id-1', data: { status: 200, body: '{"status":"pago"}' } },
    ]);
    expect(actions.map((a) => a.type)).toEqual(['start_effect', 'send_message', 'emit_event']);
    expect(actions[1]).toMatchObject({ content: { text: 'Status: pago' } });
    expect(log.filter((l) => l.outcome === 'stale_event')).toHaveLength(2);
    expect(log.map((l) => l.outcome)).toContain('deferred');
    expect(parkedSession?.vars).toEqual({ status: 'pago' });
  });

  it('when the sweeper feeds back a lost call, then the interpreter resumes the step on its error output', () => {
    const version = flow(
      [trigger(), make({ url: 'https://api.loja.com.br/x' }), node('message', 'fail', { text: 'Falhou' })],
      [edge('start', 'next', 'api'), edge('api', 'error', 'fail')],
    );
    const { actions, log } = converse(version, [msg('oi'), { type: 'effect_failed', kind: 'http', token: 'id-1', reason: 'the HTTP call was lost' }]);
    expect(actions[1]).toMatchObject({ type: 'send_message', content: { text: 'Falhou' } });
    expect(log).toContainEqual(expect.objectContaining({ nodeId: 'api', outcome: 'http_failed', error: 'the HTTP call was lost' }));
  });
});
