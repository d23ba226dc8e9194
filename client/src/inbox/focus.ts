// Where the keyboard's focus goes as an agent moves through the inbox without a mouse.
/**
 * The thread's messages take the focus (Escape in the reply box): there the arrows and Page Up read
 * the history, and the inbox's letter shortcuts work again.
 */
export function focusMessages(): void {
  document.querySelector<HTMLElement>('[data-testid=thread-messages]')?.focus();
}

/** Escape on the chat's messages or on a row of the list leaves the chat at once (elsewhere it first leaves the element). */
export const leavesChat = (el: Element): boolean => el.getAttribute('data-testid') === 'thread-messages' || el.closest('[data-testid=inbox-list]') !== null;

/**
 * The focus goes to chat `id`'s row in the list once it is drawn (the list is virtualized), else to
 * the folders: an agent leaving or switching chats with the keyboard carries on from the list.
 */
export function focusRow(id: string | undefined): void {
  requestAnimationFrame(() => {
    const row = id ? document.querySelector<HTMLElement>(`[data-testid="conversation-${id}"]`) : null;
    (row ?? document.querySelector<HTMLElement>('[role=tab][aria-selected=true]'))?.focus();
  });
}

/** The list's search box (the / shortcut). */
export function focusSearch(): void {
  document.querySelector<HTMLElement>('[data-testid=inbox-search]')?.focus();
}
