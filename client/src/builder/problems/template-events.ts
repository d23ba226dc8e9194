// Which live events may change a flow's template problems: a template of the workspace approved,
// paused, edited, deleted or brought by a sync (`template.updated`, server templates/*) that one of
// the flow's send_template steps names. The server checks a step against the workspace's templates
// of that name in every channel, so the name alone decides. Pure.
import type { SendTemplateConfig } from '@zyntra/flows-schema';
import type { LiveEvent } from '../../shared/live-events';
import type { EditorNode } from '../store/editor-types';

/** The templates the flow's send_template steps name. */
export function stepTemplateNames(nodes: readonly EditorNode[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const n of nodes) {
    const name = n.data.type === 'send_template' ? (n.data.config as SendTemplateConfig).name : '';
    if (name) names.add(name);
  }
  return names;
}

/** Whether one of `events` concerns a template those steps name (one without a name might concern any). */
export function concernsTemplateSteps(events: readonly LiveEvent[], nodes: readonly EditorNode[]): boolean {
  const templateEvents = events.filter((e) => e.type === 'template.updated');
  if (templateEvents.length === 0) return false;
  const names = stepTemplateNames(nodes);
  return names.size > 0 && templateEvents.some((e) => typeof e.name !== 'string' || names.has(e.name));
}
