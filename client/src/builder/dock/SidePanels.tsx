// The right-hand panels beside the canvas: problems, the selected step and the test chat. Where they
// do not all fit beside a usable canvas, some share a column (see panel-columns). Each panel keeps
// its place in the tree either way, so a change of layout never resets the test chat or a field.
import type { CSSProperties, ReactNode } from 'react';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { NodeSidePanel } from '../panels/NodeSidePanel';
import { useFlowStore, usePanelNodeId } from '../store/flow-store-context';
import { TestChatPanel } from '../test-chat/TestChatPanel';
import { useBelow } from '../../shared/use-below';
import styles from './dock.module.css';
import { arrangePanels, PANEL_ORDER, type Arrangement, type PanelId } from './panel-columns';

interface SidePanelsProps {
  /** How many panel columns fit beside the canvas (usePanelColumns). */
  columns: number;
  flowId: string;
  saveDraft: () => Promise<boolean>;
}

function Slot({ id, arrangement, children }: { id: PanelId; arrangement: Arrangement | null; children: ReactNode }) {
  const place = arrangement?.places[id];
  const style: CSSProperties | undefined = place && { gridColumn: place.column, gridRow: `${place.row} / span ${place.span}` };
  return (
    <div className={styles.slot} style={style} data-placed={place ? true : undefined} data-below={place && place.row > 1 ? true : undefined}>
      {children}
    </div>
  );
}

export function SidePanels({ columns, flowId, saveDraft }: SidePanelsProps) {
  const problemsOpen = useFlowStore((s) => s.drawer === 'problems');
  const testOpen = useFlowStore((s) => s.testOpen);
  const nodeOpen = usePanelNodeId() !== null;
  // On a phone each panel covers the canvas on its own (side-panel.module.css).
  const phone = useBelow('sm');
  const isOpen = { problems: problemsOpen, node: nodeOpen, test: testOpen };
  const arrangement = phone ? null : arrangePanels(PANEL_ORDER.filter((id) => isOpen[id]), columns);
  const grid: CSSProperties | undefined = arrangement
    ? { gridTemplateColumns: `repeat(${arrangement.columns}, auto)`, gridTemplateRows: `repeat(${arrangement.rows}, minmax(0, 1fr))` }
    : undefined;
  return (
    <div className={styles.dock} style={grid} data-testid="side-panels" data-stacked={arrangement ? true : undefined}>
      <Slot id="problems" arrangement={arrangement}>
        <ProblemsPanel />
      </Slot>
      <Slot id="node" arrangement={arrangement}>
        <NodeSidePanel />
      </Slot>
      <Slot id="test" arrangement={arrangement}>
        {testOpen && <TestChatPanel flowId={flowId} saveDraft={saveDraft} />}
      </Slot>
    </div>
  );
}
