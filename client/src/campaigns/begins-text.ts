// "Starts at 09:00, inside the sending hours" (or tomorrow at): said by the start confirmation and
// the campaign's page when a campaign is started outside its sending hours.
import type { TFunction } from 'i18next';
import type { sendingBegins } from './sending-hours';

export type Begins = NonNullable<ReturnType<typeof sendingBegins>>;

export const beginsText = (t: TFunction, b: Begins): string => t(b.tomorrow ? 'campaigns.begins.tomorrow' : 'campaigns.begins.today', { time: b.time });
