// The inbox's keyboard shortcuts, listed once for the handlers and the "?" help.
export const SHORTCUTS = [
  { keys: ['Alt+↓', 'J'], action: 'next' },
  { keys: ['Alt+↑', 'K'], action: 'previous' },
  { keys: ['A'], action: 'take' },
  { keys: ['E'], action: 'close' },
  { keys: ['R'], action: 'focusComposer' },
  { keys: ['N'], action: 'note' },
  { keys: ['C'], action: 'start' },
  { keys: ['Esc'], action: 'back' },
  { keys: ['?'], action: 'help' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];
