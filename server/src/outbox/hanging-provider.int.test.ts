// A hanging provider of one workspace does not hold up another's replies: sends in their own
// worker against real PostgreSQL and Redis, with Meta's Graph API faked. It compares latencies, so
// it runs in the timed group (vitest.config.ts), with no other test file beside it.
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../test/cleanups';
import { echoFlow } from '../../test/flow-docs';
import * as P from '../../test/fakes/whatsapp-payloads';
import { eventually, otherWorkspace, startPipeline } from '../../test/pipeline';

const cleanups = cleanupsAfterEach();

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;

describe('a hanging provider', () => {
  it("when workspace A's provider hangs, then workspace B's replies are not slowed (p99 within 2×)", async () => {
    const p = await startPipeline();
    cleanups.push(() => p.close());
    await p.publish(echoFlow('eco'), 'Eco');
    // Workspace B: its own number on the same fake Graph API, which answers B at once and hangs A.
    const B_PHONE = '106540352242999';
    const b = await otherWorkspace(p, 'Loja B', B_PHONE);
    await b.publish(echoFlow('b'), 'Eco B');
    const inboundB = b.inbound;
    // B's reply latency: webhook posted → its reply reaches the provider. Contacts start their session first.
    const measureB = async (round: string) => {
      const ids = Array.from({ length: 12 }, (_, i) => `55119300${round}${String(i).padStart(3, '0')}`);
      for (const id of ids) await inboundB(id, 'oi');
      const latencies: number[] = [];
      for (let k = 0; k < 3; k++) {
        for (const id of ids) {
          const t0 = Date.now();
          await inboundB(id, `${round}${k}`);
          const sent = await eventually(() => p.wa.sends.find((s) => s.body.to === id && s.body.text?.body === `b ${round}${k}`), 20_000);
          latencies.push(sent.at - t0);
        }
      }
      return p99(latencies);
    };
    const before = await measureB('1');

    p.wa.answerAfter((phoneNumberId) => (phoneNumberId === B_PHONE ? 0 : 60_000));
    const aContacts = Array.from({ length: 24 }, (_, i) => ({ waId: `55119400${String(i).padStart(4, '0')}` }));
    for (const c of aContacts) await p.wa.inbound(c, P.textMessage('oi'));
    for (const c of aContacts) await p.wa.inbound(c, P.textMessage('trava'));
    // A's sends are in flight and hanging.
    await eventually(() => p.wa.sends.filter((s) => s.phoneNumberId !== B_PHONE).length >= 4, 20_000);
    const during = await measureB('2');
    // At most the workspace limit of A's sends reached the provider while it hung.
    expect(p.wa.sends.filter((s) => s.phoneNumberId !== B_PHONE).length).toBeLessThanOrEqual(4);
    // A floor of 250 ms keeps scheduler noise on a busy machine from deciding the comparison.
    expect(during, `B p99 before ${before} ms, with A hanging ${during} ms`).toBeLessThanOrEqual(2 * Math.max(before, 250));
  }, 120_000);
});
