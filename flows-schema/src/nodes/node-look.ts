// How a step looks in the editor, as closed lists so a definition can only name what the editor
// can draw: an accent from the editor theme's palette and an icon from a curated Tabler set. A new
// step picks from these; a new icon is added here and in the editor's icon map (a typed map, so
// the editor fails to compile until it can draw it).
export const NODE_COLORS = [
  'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange',
] as const;
export type NodeColor = (typeof NODE_COLORS)[number];

export const NODE_ICONS = [
  'adjustments', 'api', 'arrows-split', 'bell', 'bolt', 'calendar', 'clock', 'code', 'database', 'filter', 'git-branch',
  'headset', 'list', 'mail', 'message', 'photo', 'send', 'sparkles', 'tags', 'user', 'variable', 'webhook', 'world',
] as const;
export type NodeIcon = (typeof NODE_ICONS)[number];
