// Sets up the benchmark tenant through the public API: sign-up, a WhatsApp channel at Meta's
// highest throughput tier, and a published flow (keyword "oi" → message with buttons).
import { call } from './http';

export async function setupZyntraTenant(base: string, wa: { accessToken: string; appSecret: string; phoneNumberId: string }): Promise<string> {
  const { token } = await call(base, 'POST', '/v1/auth/signup', { workspaceName: 'Bench', name: 'Bench', email: `bench${Date.now()}@example.com`, password: 'bench-password-1' });
  const channel = await call(base, 'POST', '/v1/channels', {
    type: 'whatsapp_cloud', name: 'Bench',
    config: { phoneNumberId: wa.phoneNumberId, businessAccountId: 'WABA', accessToken: wa.accessToken, appSecret: wa.appSecret, verifyToken: 'v', messagesPerSecond: 1000 },
  }, token);
  const at = { x: 0, y: 0 };
  const document = {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger', position: at, config: { keywords: [{ match: 'exact', value: 'oi' }], newContact: false, fallback: false, channelIds: [], priority: 0 } },
      { id: 'menu', type: 'message', position: at, config: { text: 'Olá, {{contact.name | "cliente"}}! Como posso ajudar?', buttons: [{ id: 'p', title: 'Preços' }, { id: 'h', title: 'Horários' }], list: null, media: null, typingDelayMs: 0 } },
      { id: 'end', type: 'message', position: at, config: { text: 'Até logo!', buttons: [], list: null, media: null, typingDelayMs: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'btn:p', target: 'end' },
      { id: 'e3', source: 'menu', sourceHandle: 'btn:h', target: 'end' },
      { id: 'e4', source: 'menu', sourceHandle: 'no_match', target: 'end' },
    ],
    settings: { variables: [], sessionTimeoutMinutes: 1440, restartKeywords: [], exitKeywords: [] },
  };
  const flow = await call(base, 'POST', '/v1/flows', { name: 'Bench', document }, token);
  await call(base, 'POST', `/v1/flows/${flow.id}/publish`, {}, token);
  return channel.id;
}
