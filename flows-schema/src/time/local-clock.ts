// Where a moment falls on a time zone's clock: the weekday, the minute of the day and the second
// into that minute. Pure (the moment is passed in), for the business-hours step in the engine and
// the campaigns' sending window on the server. One formatter per zone is kept: there are a few
// hundred zones at most, and building a formatter costs far more than using one.
export type LocalClock = {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  seconds: number;
};

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // Throws a RangeError for a zone that does not exist, before anything is kept.
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

export function localClock(at: Date, timeZone: string): LocalClock {
  const parts = formatFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: DAYS.indexOf(get('weekday')), minutes: Number(get('hour')) * 60 + Number(get('minute')), seconds: Number(get('second')) };
}

/** "08:30" → 510: minutes since midnight of a clock time. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether a minute of the day (`minutes`, from localClock) falls inside daily hours such as
 * 09:00–20:00: equal start and end mean all day, an end before the start runs overnight. The
 * campaigns' sending hours on the server and the screen that says when sending begins share it.
 */
export function withinHours(minutes: number, start: string, end: string): boolean {
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  if (s === e) return true;
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}
