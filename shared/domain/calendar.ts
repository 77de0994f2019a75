/**
 * Agreements live on Europe/London calendar dates (the contract (Reviews and the daily job)): a moment is turned into the
 * date it was in London, so 00:30 BST on 1 April is 1 April, not 31 March.
 */

/**
 * A formatter made on first use: the first one in a process loads ICU's time zones (about 15 ms),
 * which a cold start should pay only if its invocation shows or computes a London date.
 */
const londonFormat = (locale: string, options: Intl.DateTimeFormatOptions) => {
  let format: Intl.DateTimeFormat | undefined;
  return (moment: Date | number) => (format ??= new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', ...options })).format(moment);
};

const LONDON_DATE = londonFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

export const londonDate = (moment: Date): string => LONDON_DATE(moment);

export const londonYear = (moment: Date): number => Number(londonDate(moment).slice(0, 4));

/** Adds calendar months to `YYYY-MM-DD`, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (isoDate: string, months: number): string => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
};

const DAY_MS = 24 * 3600 * 1000;
const utcOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

export const addDays = (isoDate: string, days: number): string => new Date(utcOf(isoDate) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utcOf(to) - utcOf(from)) / DAY_MS);

const LONDON_HOUR = londonFormat('en-GB', { hour: '2-digit', hourCycle: 'h23' });

/** The moment a London calendar day begins: midnight GMT in winter, 23:00 UTC the day before in summer. */
export const startOfLondonDay = (isoDate: string): string => {
  const utcMidnight = utcOf(isoDate);
  // Clocks change at 01:00 UTC, so London's offset at UTC midnight is the day's own at its start.
  return new Date(utcMidnight - Number(LONDON_HOUR(utcMidnight)) * 3600_000).toISOString();
};

const DATE_IN_WORDS = londonFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const TIME_OF_DAY = londonFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A calendar date as people write it: `2026-12-09` → "9 December 2026". */
export const dateInWords = (isoDate: string): string => DATE_IN_WORDS(new Date(`${isoDate}T12:00:00Z`));

/** A moment as a London date and time: "9 December 2026 at 09:11 UK time". */
export const momentInWords = (isoMoment: string): string => {
  const moment = new Date(isoMoment);
  return `${DATE_IN_WORDS(moment)} at ${TIME_OF_DAY(moment)} UK time`;
};

/** Either of the above, by the value's shape; anything else as it is. */
export const inWords = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateInWords(value) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? momentInWords(value) : value;
