// A local OpenAI-compatible chat-completions server: answers in the documented response shape,
// or with the documented error shapes and delays, and records every request it got.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LlmBehaviour =
  | { kind: 'reply'; reply: string; handoff?: boolean; delayMs?: number }
  | { kind: 'error'; status: number; message: string }
  | { kind: 'garbage' };

export type FakeLlm = { baseUrl: string; requests: any[]; behave(b: LlmBehaviour): void; close(): Promise<void> };

export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: any[] = [];
  let behaviour: LlmBehaviour = { kind: 'reply', reply: 'Olá! Como posso ajudar?' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found', type: 'invalid_request_error', param: null, code: null } });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      requests.push({ body, authorization: req.headers.authorization });
      const b = behaviour;
      if (b.kind === 'error') return send(b.status, { error: { message: b.message, type: 'server_error', param: null, code: null } });
      const content = b.kind === 'garbage' ? 'I think so, maybe.' : JSON.stringify({ reply: b.reply, handoff: b.handoff ?? false });
      const answer = {
        id: 'chatcmpl-fake', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      };
      setTimeout(() => send(200, answer), b.kind === 'reply' ? (b.delayMs ?? 0) : 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    behave: (b) => void (behaviour = b),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
