import { nodeRegistry, type NodeType } from '@zyntra/flows-schema';
import { useMemo } from 'react';
import { useLocale } from '../../../i18n/use-locale';
import { fieldText, type FieldText } from './field-text';

/** The wording of a node type's config fields in the current UI language. */
export function useFieldText(type: NodeType): FieldText {
  const locale = useLocale();
  return useMemo(() => fieldText(nodeRegistry[type].config, locale), [type, locale]);
}
