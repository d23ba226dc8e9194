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
  requestAnimationFrame(() => rowOrFolders(id)?.focus());
}

/** Chat `id`'s row, else the folders (the list is empty, or the row is not drawn). */
function rowOrFolders(id: string | undefined): HTMLElement | null {
  const row = id ? document.querySelector<HTMLElement>(`[data-testid="conversation-${id}"]`) : null;
  return row ?? document.querySelector<HTMLElement>('[role=tab][aria-selected=true]');
}

/** The id of the chat whose row in the list has the focus, if one has. */
export function focusedRowId(): string | null {
  const row = document.activeElement?.closest('[data-testid=inbox-list] [data-testid^="conversation-"]');
  return row?.getAttribute('data-testid')?.slice('conversation-'.length) ?? null;
}

/** Frames a lost focus waits for chat `id`'s row to be drawn (the list may be read again meanwhile). */
const ROW_WAIT_FRAMES = 30;

/**
 * Once the list is drawn again: if the focus fell to the page (its row left the list, or moved), it
 * goes to chat `id`'s row, else to the folders. A focus the agent put elsewhere stays there.
 */
export function refocusRow(id: string | null, frames = ROW_WAIT_FRAMES): void {
  requestAnimationFrame(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!lost) return;
    const row = id ? document.querySelector<HTMLElement>(`[data-testid="conversation-${id}"]`) : null;
    if (!row && id && frames > 0) return refocusRow(id, frames - 1);
    (row ?? rowOrFolders(undefined))?.focus();
  });
}

/** The list's search box (the / shortcut). */
export function focusSearch(): void {
  document.querySelector<HTMLElement>('[data-testid=inbox-search]')?.focus();
}
