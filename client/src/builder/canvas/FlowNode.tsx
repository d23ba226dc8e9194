// The one generic node card: icon, label, summary and output handles all come from the registry,
// so a new node type needs no change here. Memoized and subscribed only to its own slices, so
// dragging one node or validating the flow re-renders only the cards that changed.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { IconPlayerStop, IconUsers } from '@tabler/icons-react';
import { anyNodeDefinition, hasErrors, type OutputHandle } from '@zyntra/flows-schema';
import { memo, useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeColors, nodeIcon } from '../node-look';
import { ProblemBadge } from '../problems/ProblemBadge';
import { useFlowStore } from '../store/flow-store-context';
import type { EditorNode } from '../store/editor-types';
import { useLocale } from '../use-locale';
import styles from './flow-node.module.css';
import { useTeamNames } from './use-team-names';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

// A config broken in ways zod would reject (an old import) must not crash the whole canvas.
function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function NodeStatsRow({ id }: { id: string }) {
  const { t } = useTranslation();
  const stats = useFlowStore((s) => (s.showAnalytics ? s.analytics?.[id] : undefined));
  const enabled = useFlowStore((s) => s.showAnalytics);
  if (!enabled) return null;
  return (
    <div className={styles.stats} data-testid={`node-stats-${id}`}>
      <span className={styles.stat} title={t('builder.analytics.reached')}>
        <IconUsers size={12} /> {stats?.reached ?? 0}
      </span>
      <span className={styles.stat} title={t('builder.analytics.stopped')}>
        <IconPlayerStop size={12} /> {stats?.stoppedHere ?? 0}
      </span>
    </div>
  );
}

function FlowNodeView({ id, data, selected }: NodeProps<EditorNode>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = useFlowStore((s) => s.problemsByNode[id]);
  const running = useFlowStore((s) => s.testNodeId === id);
  const def = anyNodeDefinition(data.type);
  const Icon = nodeIcon(data.type);
  const outputs = useMemo(() => safely<OutputHandle[]>(() => def.outputs(data.config), []), [def, data.config]);
  const teamNames = useTeamNames();
  const raw = useMemo(() => safely(() => def.summary(data.config, locale), ''), [def, data.config, locale]);
  const summary = teamNames.get(raw) ?? raw;
  // Unconnected-output problems carry the handle in their path ("outputs.btn:x").
  const badHandles = useMemo(
    () => new Set((problems ?? []).filter((p) => p.severity === 'error' && p.path.startsWith('outputs.')).map((p) => p.path.slice(8))),
    [problems],
  );
  const errors = problems !== undefined && hasErrors(problems);
  const style = { '--node-color': `var(--mantine-color-${nodeColors[data.type]}-6)` } as CSSProperties;

  return (
    <div
      className={cx(styles.card, selected && styles.selected, errors && styles.error, !errors && problems && styles.warning, running && styles.running)}
      style={style}
      data-testid={`node-${id}`}
      data-node-type={data.type}
      data-running={running || undefined}
    >
      {!def.isEntry && <Handle type="target" position={Position.Left} className={styles.target} data-testid={`handle-${id}-in`} />}
      <div className={styles.header}>
        <Icon size={16} className={styles.icon} />
        <span className={styles.title}>{def.label[locale]}</span>
        {problems && <ProblemBadge problems={problems} testId={`node-problems-${id}`} />}
      </div>
      <div className={cx(styles.summary, !summary && styles.placeholder)}>{summary || t('builder.node.notConfigured')}</div>
      <NodeStatsRow id={id} />
      {outputs.length > 0 && (
        <div className={styles.outputs}>
          {outputs.map((o) => (
            <div key={o.id} className={cx(styles.output, badHandles.has(o.id) && styles.outputError)} title={o.label[locale]}>
              <span className={styles.outputLabel}>{o.label[locale]}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={o.id}
                className={cx(styles.handle, badHandles.has(o.id) && styles.handleError)}
                data-testid={`handle-${id}-${o.id}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNode = memo(FlowNodeView);
