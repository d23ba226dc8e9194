// React Flow's own tooltips and screen-reader texts (zoom buttons, minimap, keyboard help) in the
// editor's language.
import type { ReactFlowProps } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type AriaLabels = NonNullable<ReactFlowProps['ariaLabelConfig']>;

export function useAriaLabels(): AriaLabels {
  const { t, i18n } = useTranslation();
  return useMemo<AriaLabels>(
    () => ({
      'node.a11yDescription.default': t('builder.canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('builder.canvas.nodeKeyboardOff'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('builder.canvas.nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('builder.canvas.edgeHelp'),
      'controls.ariaLabel': t('builder.canvas.controls'),
      'controls.zoomIn.ariaLabel': t('builder.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('builder.canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('builder.canvas.fitView'),
      'controls.interactive.ariaLabel': t('builder.canvas.interactive'),
      'minimap.ariaLabel': t('builder.canvas.minimap'),
      'handle.ariaLabel': t('builder.canvas.handle'),
    }),
    // i18n.language: the texts change with the language even though `t` keeps its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}
