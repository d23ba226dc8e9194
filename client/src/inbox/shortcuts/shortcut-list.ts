// The inbox's keyboard shortcuts, listed once for the handlers and the "?" help.
export const SHORTCUTS = [
  { keys: ['Alt+↓', 'J'], action: 'next' },
  { keys: ['Alt+↑', 'K'], action: 'previous' },
  { keys: ['A'], action: 'take' },
  { keys: ['E'], action: 'close' },
  { keys: ['Z'], action: 'snooze' },
  { keys: ['R'], action: 'focusComposer' },
  { keys: ['N'], action: 'note' },
  { keys: ['C'], action: 'start' },
  { keys: ['/'], action: 'search' },
  { keys: ['D'], action: 'details' },
  { keys: ['Esc'], action: 'back' },
  { keys: ['?'], action: 'help' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** Keys that work in one place (the part handles them itself), listed in the help under its name. */
export const PLACE_KEYS = [
  { title: 'inbox.shortcuts.in.composer', keys: [
    { keys: ['Enter'], label: 'inbox.shortcuts.composer.send' },
    { keys: ['Shift+Enter'], label: 'inbox.shortcuts.composer.newLine' },
    { keys: ['/'], label: 'inbox.shortcuts.composer.canned' },
    { keys: ['@'], label: 'inbox.shortcuts.composer.mention' },
    { keys: ['↑', '↓'], label: 'inbox.shortcuts.composer.pick' },
    { keys: ['Esc'], label: 'inbox.shortcuts.composer.leave' },
  ] },
  { title: 'inbox.shortcuts.in.folders', keys: [{ keys: ['←', '→'], label: 'inbox.shortcuts.folders.folder' }] },
] as const;
