// Whether the draft differs from the live version (or was never published). An edit not saved yet
// is a change too; a saved one is judged by the server against the live version. Read by the chip
// and the button that show it, so the first keystroke after a save re-renders those two, not the
// whole toolbar.
import type { FlowMeta } from '../hooks/useFlowMeta';
import { useFlowStore } from '../store/flow-store-context';
import type { SaveState } from '../store/ui-slice';

const PENDING: ReadonlySet<SaveState> = new Set(['saving', 'error', 'refused', 'tooLarge', 'conflict']);

export function useUnpublishedChanges(meta: Pick<FlowMeta, 'status' | 'hasUnpublishedChanges'>): boolean {
  const pending = useFlowStore((s) => PENDING.has(s.saveState));
  return meta.status === 'draft' || meta.hasUnpublishedChanges || pending;
}
