// The step's own name, edited in the panel header: it shows on the card, in problems, in search
// and in analytics. Empty falls back to the type's label. A long name ("Transferir para atendente do
// financeiro") wraps onto more lines instead of being cut beside the header's buttons; Enter ends the edit.
import { Textarea } from '@mantine/core';
import { fieldMeta, MAX_NODE_NAME_LENGTH, nodeNameSchema, textIn } from '@zyntra/flows-schema';
import { useLocale } from '../../i18n/use-locale';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

const meta = fieldMeta(nodeNameSchema, '');

export function StepNameInput({ nodeId, typeLabel }: { nodeId: string; typeLabel: string }) {
  const locale = useLocale();
  const store = useFlowStoreApi();
  const name = useFlowStore((s) => s.nodes.find((n) => n.id === nodeId)?.data.name ?? '');
  return (
    <Textarea
      variant="unstyled"
      size="sm"
      fw={600}
      autosize
      minRows={1}
      value={name}
      placeholder={typeLabel}
      maxLength={MAX_NODE_NAME_LENGTH}
      onChange={(e) => store.getState().renameNode(nodeId, e.currentTarget.value.replace(/\s*\n\s*/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        }
      }}
      aria-label={meta?.label[locale]}
      title={textIn(meta?.placeholder, locale)}
      styles={{ input: { fontWeight: 600, fontSize: 15, lineHeight: 1.3, paddingTop: 2, paddingBottom: 2, minHeight: 26 } }}
      data-testid="step-name"
    />
  );
}
