// The one generic node card: icon, label, summary and output handles all come from the registry,
// so a new node type needs no change here. Memoized, and subscribed once, to exactly what it shows
// (its own data, problems, test and analytics overlays): typing in another step's panel, dragging
// another card or validating the flow re-renders only the cards that changed.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { IconPlayerStop, IconUsers } from '@tabler/icons-react';
import { anyNodeDefinition, hasErrors, type OutputHandle, type Problem } from '@zyntra/flows-schema';
import { memo, useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeColor, nodeIcon } from '../node-look';
import { ProblemBadge } from '../problems/ProblemBadge';
import type { FlowState } from '../store/create-flow-store';
import { useFlowStoreFields } from '../store/flow-store-context';
import type { NodeStats } from '../store/ui-slice';
import { useLocale } from '../../i18n/use-locale';
import { nodeDataOf, type CanvasNode } from './canvas-nodes';
import styles from './flow-node.module.css';
import { useTeamNames } from './use-team-names';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
const NO_STATS: NodeStats = { reached: 0, stoppedHere: 0 };

// A config broken in ways zod would reject (an old import) must not crash the whole canvas.
function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const cardView = (id: string) => (s: FlowState) => ({
  data: nodeDataOf(s.nodes, id),
  problems: s.problemsByNode[id],
  running: s.testNodeId === id,
  visited: s.testTrail.nodes[id] === true,
  stats: s.showAnalytics ? (s.analytics?.[id] ?? NO_STATS) : null,
});

function NodeStatsRow({ id, stats }: { id: string; stats: NodeStats }) {
  const { t } = useTranslation();
  return (
    <div className={styles.stats} data-testid={`node-stats-${id}`}>
      <span className={styles.stat} title={t('builder.analytics.reached')}>
        <IconUsers size={12} /> {stats.reached}
      </span>
      <span className={styles.stat} title={t('builder.analytics.stopped')}>
        <IconPlayerStop size={12} /> {stats.stoppedHere}
      </span>
    </div>
  );
}

function Outputs({ id, outputs, problems, locale }: { id: string; outputs: OutputHandle[]; problems: Problem[] | undefined; locale: 'en' | 'pt-BR' }) {
  // Unconnected-output problems carry the handle in their path ("outputs.btn:x").
  const bad = useMemo(
    () => new Set((problems ?? []).filter((p) => p.severity === 'error' && p.path.startsWith('outputs.')).map((p) => p.path.slice(8))),
    [problems],
  );
  return (
    <div className={styles.outputs}>
      {outputs.map((o) => (
        <div key={o.id} className={cx(styles.output, bad.has(o.id) && styles.outputError)} title={o.label[locale]}>
          <span className={styles.outputLabel}>{o.label[locale]}</span>
          <Handle type="source" position={Position.Right} id={o.id} className={cx(styles.handle, bad.has(o.id) && styles.handleError)} data-testid={`handle-${id}-${o.id}`} />
        </div>
      ))}
    </div>
  );
}

function FlowNodeView({ id, data: { type }, selected }: NodeProps<CanvasNode>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, problems, running, visited, stats } = useFlowStoreFields(cardView(id));
  const def = anyNodeDefinition(type);
  const Icon = nodeIcon(type);
  const config = data?.config;
  const outputs = useMemo(() => safely<OutputHandle[]>(() => def.outputs(config as never), []), [def, config]);
  const teamNames = useTeamNames();
  const raw = useMemo(() => safely(() => def.summary(config as never, locale), ''), [def, config, locale]);
  // A transfer's summary is its team id; show the team's name.
  const summary = teamNames.get(raw) ?? raw;
  const errors = problems !== undefined && hasErrors(problems);
  const style = { '--node-color': `var(--mantine-color-${nodeColor(type)}-6)` } as CSSProperties;

  return (
    <div
      className={cx(styles.card, selected && styles.selected, errors && styles.error, !errors && problems && styles.warning, visited && styles.visited, running && styles.running)}
      style={style}
      data-testid={`node-${id}`}
      data-node-type={type}
      data-running={running || undefined}
      data-visited={visited || undefined}
    >
      {!def.isEntry && <Handle type="target" position={Position.Left} className={styles.target} data-testid={`handle-${id}-in`} />}
      <div className={styles.header}>
        <Icon size={16} className={styles.icon} />
        <span className={styles.title} title={data?.name ? def.label[locale] : undefined} data-testid={`node-title-${id}`}>
          {data?.name || def.label[locale]}
        </span>
        {problems && <ProblemBadge problems={problems} testId={`node-problems-${id}`} />}
      </div>
      <div className={cx(styles.summary, !summary && styles.placeholder)}>{summary || t('builder.node.notConfigured')}</div>
      {stats && <NodeStatsRow id={id} stats={stats} />}
      {outputs.length > 0 && <Outputs id={id} outputs={outputs} problems={problems} locale={locale} />}
    </div>
  );
}

export const FlowNode = memo(FlowNodeView);
