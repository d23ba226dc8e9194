import { describe, expect, it } from 'vitest';
import { SEALED_SECRET_MARK, SECRET_MAX_BYTES } from '../../secrets';
import { modelOf, flow, node, trigger } from '../../testing/flow-builders';
import { checkSecrets } from './secrets';

const request = (headers: Array<{ name: string; value: string; secret: boolean }>) =>
  modelOf(flow([trigger(), node('call', 'http_request', { url: 'https://api.loja.com.br/pedidos', headers })], []));

describe('secrets rule', () => {
  it('when a typed credential is longer than its sealed form can hold, then it is an error naming the limit', () => {
    const problems = checkSecrets(request([{ name: 'Authorization', value: `Bearer ${'x'.repeat(SECRET_MAX_BYTES)}`, secret: false }]));
    expect(problems).toEqual([{ code: 'secret_too_long', nodeId: 'call', path: 'config.headers.0.value', params: { max: SECRET_MAX_BYTES, length: SECRET_MAX_BYTES + 7 } }]);
  });
  it('when a credential fits, or a long value is not a credential, then there is nothing to say', () => {
    expect(checkSecrets(request([{ name: 'Authorization', value: 'x'.repeat(SECRET_MAX_BYTES), secret: false }]))).toEqual([]);
    expect(checkSecrets(request([{ name: 'X-Trace', value: 'x'.repeat(3_500), secret: false }]))).toEqual([]);
  });
  it('when a marked secret holds accented letters, then their UTF-8 bytes are what count', () => {
    const problems = checkSecrets(request([{ name: 'X-Senha', value: 'ã'.repeat(1_500), secret: true }]));
    expect(problems.map((p) => p.params)).toEqual([{ max: SECRET_MAX_BYTES, length: 3_000 }]);
  });
  it('when the value is already in its stored form, then it was checked when it was sealed', () => {
    expect(checkSecrets(request([{ name: 'Authorization', value: SEALED_SECRET_MARK + 'A'.repeat(3_950), secret: false }]))).toEqual([]);
  });
});
