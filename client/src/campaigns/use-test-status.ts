// Follows one test send until it reaches the phone or is refused (or two minutes pass): a test is
// queued when "Send test" answers, so its outcome is read again every second.
import { useEffect, useState } from 'react';
import { campaignsApi, type TestSendStatus } from './campaigns-api';
import { isSettled, testOutcome } from './test-send-outcome';

const EVERY_MS = 1_000;
const GIVE_UP_MS = 120_000;

export function useTestStatus(campaignId: string, messageId: string): TestSendStatus | null {
  const [status, setStatus] = useState<TestSendStatus | null>(null);
  useEffect(() => {
    setStatus(null);
    const ctrl = new AbortController();
    const until = Date.now() + GIVE_UP_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => campaignsApi.testStatus(campaignId, messageId, ctrl.signal).then((s) => {
      setStatus(s);
      return isSettled(testOutcome(s.status));
    }, () => ctrl.signal.aborted).then((done) => {
      if (!done && Date.now() < until) timer = setTimeout(() => void read(), EVERY_MS);
    });
    void read();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [campaignId, messageId]);
  return status;
}
