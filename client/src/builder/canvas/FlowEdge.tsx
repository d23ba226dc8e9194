// A connection. It shows its own problems (an output that no longer exists, a duplicate) in red
// with the messages on hover, the path a test conversation took in teal, and, while selected, a
// button that deletes it (as Delete/Backspace do).
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { hasErrors, type Problem } from '@zyntra/flows-schema';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemBadge } from '../problems/ProblemBadge';
import { edgeGeometry, labelTransform } from './edge-geometry';
import { useFlowStoreApi, useFlowStoreFields } from '../store/flow-store-context';
import type { EditorEdge } from '../store/editor-types';

function strokeOf(problems: Problem[] | undefined, selected: boolean, walked: boolean): string {
  if (problems) return hasErrors(problems) ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-orange-5)';
  if (selected) return 'var(--mantine-color-blue-6)';
  return walked ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)';
}

function DeleteEdgeButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  return (
    <Tooltip label={t('builder.canvas.deleteEdge')} withArrow>
      <ActionIcon size="sm" radius="xl" color="red" variant="filled" aria-label={t('builder.canvas.deleteEdge')} onClick={() => store.getState().removeEdge(id)} data-testid={`edge-delete-${id}`}>
        <IconTrash size={12} />
      </ActionIcon>
    </Tooltip>
  );
}

function FlowEdgeView(props: EdgeProps<EditorEdge>) {
  const { id, markerEnd } = props;
  const selected = props.selected ?? false;
  const { problems, walked, route } = useFlowStoreFields((s) => ({
    problems: s.problemsByEdge[id],
    walked: s.testTrail.edges[id] === true,
    route: s.edgeRoutes[id],
  }));
  const { path, labelX, labelY } = edgeGeometry(route, props);
  const width = selected || problems || walked ? 2.5 : 1.75;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={walked ? 'walked' : undefined} style={{ stroke: strokeOf(problems, selected, walked), strokeWidth: width }} />
      {(problems || selected) && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            data-edge-label={id}
            style={{ position: 'absolute', display: 'flex', gap: 4, transform: labelTransform(labelX, labelY), pointerEvents: 'all' }}
          >
            {problems && <ProblemBadge problems={problems} testId={`edge-problems-${id}`} />}
            {selected && <DeleteEdgeButton id={id} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
