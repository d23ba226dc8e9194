// The workspace's first steps, read once when the page opens; nothing is shown until they are known
// (or when they cannot be read: the checklist is a help, not a page).
import { useEffect, useState } from 'react';
import { api } from '../api/client';

export const FIRST_STEPS = ['channel', 'flow', 'conversation', 'team'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];
export type FirstSteps = Record<FirstStep, boolean>;

export function useFirstSteps(enabled: boolean): FirstSteps | null {
  const [steps, setSteps] = useState<FirstSteps | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    api.get<{ steps: FirstSteps }>('/v1/getting-started', { signal: ctrl.signal }).then((r) => setSteps(r.steps), () => setSteps(null));
    return () => ctrl.abort();
  }, [enabled]);
  return enabled ? steps : null;
}
