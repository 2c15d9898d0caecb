/**
 * Times on the dashboard in the 24-hour clock: `00:05`, never the 12-hour `12:05`. Written with the
 * `Date` getters rather than `Intl.DateTimeFormat`, whose first use loads the ICU data in one long
 * task (see lib/number-format.ts); hours and minutes read the same in every locale.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (value: number) => String(value).padStart(2, '0');

/** `00:05:09`, in the browser's time zone. */
export const formatClockTime = (time: Date | number): string => {
  const date = new Date(time);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

/**
 * A time-axis tick, in the browser's time zone: `00:05` for a minute or hour, `00:05:30` when
 * the ticks are seconds apart, and the date (`27 Nov`) at midnight, where a new day begins.
 */
export function formatAxisTime(time: Date | number): string {
  const date = new Date(time);
  const hours = date.getHours();
  const minutes = date.getMinutes();
  if (date.getSeconds() !== 0 || date.getMilliseconds() !== 0) return formatClockTime(date);
  if (hours === 0 && minutes === 0) return `${date.getDate()} ${MONTHS[date.getMonth()]!}`;
  return `${pad(hours)}:${pad(minutes)}`;
}
