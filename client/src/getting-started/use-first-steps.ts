// The workspace's first steps, read once when the page opens; nothing is shown until they are known
// (or when they cannot be read: the checklist is a help, not a page).
import { useEffect, useState } from 'react';
import { api } from '../api/client';

export const FIRST_STEPS = ['channel', 'flow', 'conversation', 'team'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];
/** What is done, and a web-chat channel whose /try page talks to the bot (null without one). */
export type FirstSteps = { steps: Record<FirstStep, boolean>; tryChannelId: string | null };

export function useFirstSteps(enabled: boolean): FirstSteps | null {
  const [steps, setSteps] = useState<FirstSteps | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    api.get<FirstSteps>('/v1/getting-started', { signal: ctrl.signal }).then(setSteps, () => setSteps(null));
    return () => ctrl.abort();
  }, [enabled]);
  return enabled ? steps : null;
}
