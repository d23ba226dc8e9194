// The generated side panel: one input per config field, read from the definition's zod schema
// and its `.meta()` wording. Simple steps use it as their whole panel (see genericPanel); richer
// panels can embed it for their plain fields.
import { Stack } from '@mantine/core';
import { nodeRegistry, type NodeConfig, type NodeType } from '@zyntra/flows-schema';
import { memo, useMemo, type ComponentType } from 'react';
import type { PanelProps } from '../panel-props';
import { useNodeField } from '../use-node-field';
import { ConfigField } from './ConfigField';
import { formFields, type FormField } from './form-fields';

interface ConfigFormProps<T extends NodeType> extends PanelProps {
  type: T;
  /** Fields a hand-written part of the panel edits instead. */
  omit?: readonly (keyof NodeConfig<T> & string)[];
}

/** One input, subscribed to its own field only. */
const BoundField = memo(function BoundField({ nodeId, type, field }: { nodeId: string; type: NodeType; field: FormField }) {
  const [value, set] = useNodeField(nodeId, type, field.path as keyof NodeConfig<NodeType> & string);
  return <ConfigField field={field} value={value} onChange={set as (v: unknown) => void} testId={`${type}-${field.path}`} />;
});

export function ConfigForm<T extends NodeType>({ nodeId, type, omit }: ConfigFormProps<T>) {
  const fields = useMemo(() => formFields(nodeRegistry[type].config, omit), [type, omit]);
  return (
    <Stack gap="md">
      {fields.map((field) => (
        <BoundField key={field.path} nodeId={nodeId} type={type} field={field} />
      ))}
    </Stack>
  );
}

/** The whole panel of a simple step, for its line in panels/index.ts. */
export function genericPanel<T extends NodeType>(type: T): ComponentType<PanelProps> {
  function GenericPanel({ nodeId }: PanelProps) {
    return <ConfigForm nodeId={nodeId} type={type} />;
  }
  GenericPanel.displayName = `GenericPanel(${type})`;
  return GenericPanel;
}
