// A test send as the marketer reads it: queued when "Send test" answers, then what WhatsApp did with
// it. Read and played count as delivered; a status not known here stays "queued" until it settles.
export type TestOutcome = 'queued' | 'sent' | 'delivered' | 'failed';

const OUTCOMES: Record<string, TestOutcome> = { sent: 'sent', delivered: 'delivered', read: 'delivered', played: 'delivered', failed: 'failed' };

export const testOutcome = (status: string): TestOutcome => OUTCOMES[status] ?? 'queued';

/** Nothing more will change for this test: it reached the phone or it was refused. */
export const isSettled = (o: TestOutcome): boolean => o === 'delivered' || o === 'failed';
