// Whether the contact's details sit beside the thread. The agent's last choice on this browser
// holds (the header's button, or D); before any choice they show only where the thread keeps room
// beside them: from 1440 px. On a 1280 px laptop the list, the details and the app's menu left the
// thread 380 px, and messages wrapped into a narrow column.
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';

export type DetailsChoice = 'shown' | 'hidden';

/** From this width the thread keeps about 540 px beside the menu (240), the list (360) and the details (300). */
export const ROOMY = '(min-width: 90em)';

const KEY = 'zyntra.inbox.details';

/** Beside the thread: as the agent chose, else where there is room for both. */
export const detailsBeside = (choice: DetailsChoice | null, roomy: boolean): boolean => (choice === null ? roomy : choice === 'shown');

/** Whether the details show beside the thread, and the switch (remembered on this browser). */
export function useDetailsBeside(): [boolean, () => void] {
  const roomy = useMediaQuery(ROOMY, false, { getInitialValueInEffect: false });
  const [choice, setChoice] = useLocalStorage<DetailsChoice | null>({ key: KEY, defaultValue: null, getInitialValueInEffect: false });
  const beside = detailsBeside(choice, roomy);
  return [beside, () => setChoice(beside ? 'hidden' : 'shown')];
}
