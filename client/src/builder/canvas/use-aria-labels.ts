// React Flow's own tooltips and screen-reader texts (zoom buttons, minimap, keyboard help, a card
// moved with the arrow keys) and the names of the cards and connections, in the editor's language.
import type { ReactFlowProps } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { ariaNames, type AriaNames } from './aria-names';

type AriaLabels = NonNullable<ReactFlowProps['ariaLabelConfig']>;
const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
const isDirection = (d: string): d is (typeof DIRECTIONS)[number] => (DIRECTIONS as readonly string[]).includes(d);

export function useAriaLabels(): AriaLabels {
  const { t, i18n } = useTranslation();
  return useMemo<AriaLabels>(
    () => ({
      'node.a11yDescription.default': t('builder.canvas.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('builder.canvas.nodeKeyboardOff'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('builder.canvas.nodeMoved', { direction: isDirection(direction) ? t(`builder.canvas.direction.${direction}`) : direction, x, y }),
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

export function useAriaNames(): AriaNames {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => ariaNames(t, locale), [t, locale]);
}
