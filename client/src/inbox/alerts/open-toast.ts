// A toast in the inbox that opens a chat when clicked or tapped: the page's own word for an alert
// (a mention, a chat given to the agent), since the tone is easy to miss (a phone on silent) and
// the browser's notification shows only while the tab is hidden.
import { notifications } from '@mantine/notifications';

type OpenToast = { id: string; color: string; title: string; message: string; testId: string; open: () => void };

export function showOpenToast(t: OpenToast): void {
  notifications.show({
    id: t.id, color: t.color, title: t.title, message: t.message, autoClose: 10_000,
    style: { cursor: 'pointer' }, onClick: () => { notifications.hide(t.id); t.open(); }, 'data-testid': t.testId,
  } as Parameters<typeof notifications.show>[0]);
}
