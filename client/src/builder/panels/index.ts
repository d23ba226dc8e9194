// The side panel for each node type. Typed against NodeType, so adding a node type to the
// registry fails to compile until its panel is registered here (the compiler is the checklist).
// A simple step's panel is generated from its zod config: `my_step: genericPanel('my_step')`.
import type { NodeType } from '@zyntra/flows-schema';
import type { ComponentType } from 'react';
import { ActionsPanel } from './ActionsPanel';
import { ConditionPanel } from './ConditionPanel';
import { genericPanel } from './generic/ConfigForm';
import { MessagePanel } from './MessagePanel';
import type { PanelProps } from './panel-props';
import { TransferPanel } from './TransferPanel';
import { TriggerPanel } from './TriggerPanel';
import { WaitPanel } from './WaitPanel';
import { HttpRequestPanel } from './HttpRequestPanel';
import { SendTemplatePanel } from './SendTemplatePanel';
import { RandomizerPanel } from './RandomizerPanel';
import { BusinessHoursPanel } from './BusinessHoursPanel';

export type { PanelProps } from './panel-props';

export const panels = {
  trigger: TriggerPanel,
  message: MessagePanel,
  wait: WaitPanel,
  condition: ConditionPanel,
  ai_reply: genericPanel('ai_reply'),
  transfer: TransferPanel,
  actions: ActionsPanel,
  http_request: HttpRequestPanel,
  send_template: SendTemplatePanel,
  randomizer: RandomizerPanel,
  business_hours: BusinessHoursPanel,
} satisfies Record<NodeType, ComponentType<PanelProps>>;
