// How each node type looks: the definition names its icon and accent colour from closed lists;
// this maps every icon name of that list to its component. Typed map, so an icon added to the
// list fails to compile here until it can be drawn, and nothing falls back silently.
import {
  IconAdjustments,
  IconApi,
  IconArrowsSplit,
  IconBell,
  IconBolt,
  IconCalendar,
  IconClock,
  IconCode,
  IconDatabase,
  IconFilter,
  IconGitBranch,
  IconHeadset,
  IconList,
  IconMail,
  IconMessage,
  IconPhoto,
  IconSend,
  IconSparkles,
  IconTags,
  IconUser,
  IconVariable,
  IconWebhook,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import { nodeRegistry, type NodeColor, type NodeIcon, type NodeType } from '@zyntra/flows-schema';

const icons = {
  adjustments: IconAdjustments,
  api: IconApi,
  'arrows-split': IconArrowsSplit,
  bell: IconBell,
  bolt: IconBolt,
  calendar: IconCalendar,
  clock: IconClock,
  code: IconCode,
  database: IconDatabase,
  filter: IconFilter,
  'git-branch': IconGitBranch,
  headset: IconHeadset,
  list: IconList,
  mail: IconMail,
  message: IconMessage,
  photo: IconPhoto,
  send: IconSend,
  sparkles: IconSparkles,
  tags: IconTags,
  user: IconUser,
  variable: IconVariable,
  webhook: IconWebhook,
  world: IconWorld,
} as const satisfies Record<NodeIcon, Icon>;

export function nodeIcon(type: NodeType): Icon {
  return icons[nodeRegistry[type].icon];
}

/** The Mantine palette entry of the type's accent (flows-schema's colour names are Mantine's). */
export function nodeColor(type: NodeType): NodeColor {
  return nodeRegistry[type].color;
}
