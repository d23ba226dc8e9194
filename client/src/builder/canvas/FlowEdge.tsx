// Edges show their own problems (a connection from an output that no longer exists, a duplicate
// connection) in red with the messages on hover.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { hasErrors } from '@zyntra/flows-schema';
import { memo } from 'react';
import { ProblemBadge } from '../problems/ProblemBadge';
import { useFlowStore } from '../store/flow-store-context';
import type { EditorEdge } from '../store/editor-types';

function FlowEdgeView(props: EdgeProps<EditorEdge>) {
  const { id, selected, markerEnd } = props;
  const problems = useFlowStore((s) => s.problemsByEdge[id]);
  const [path, labelX, labelY] = getBezierPath(props);
  const color = problems
    ? hasErrors(problems)
      ? 'var(--mantine-color-red-6)'
      : 'var(--mantine-color-orange-5)'
    : selected
      ? 'var(--mantine-color-blue-6)'
      : 'var(--mantine-color-gray-5)';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke: color, strokeWidth: selected || problems ? 2.5 : 1.75 }} />
      {problems && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            style={{ position: 'absolute', transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}
          >
            <ProblemBadge problems={problems} testId={`edge-problems-${id}`} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
