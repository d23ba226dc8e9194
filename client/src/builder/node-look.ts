// How each node type looks: the registry names a Tabler icon; this maps names to components and
// gives every type an accent color. Typed maps, so a new node type fails to compile until it has one.
import type { MantineColor } from '@mantine/core';
import {
  IconBolt,
  IconBox,
  IconClock,
  IconGitBranch,
  IconHeadset,
  IconMessage,
  IconSparkles,
  type Icon,
} from '@tabler/icons-react';
import { nodeRegistry, type NodeType } from '@zyntra/flows-schema';

const iconsByName: Record<string, Icon> = {
  bolt: IconBolt,
  message: IconMessage,
  clock: IconClock,
  'git-branch': IconGitBranch,
  sparkles: IconSparkles,
  headset: IconHeadset,
};

export const nodeColors = {
  trigger: 'orange',
  message: 'teal',
  wait: 'yellow',
  condition: 'grape',
  ai_reply: 'violet',
  transfer: 'blue',
} as const satisfies Record<NodeType, MantineColor>;

export function nodeIcon(type: NodeType): Icon {
  return iconsByName[nodeRegistry[type].icon] ?? IconBox;
}
