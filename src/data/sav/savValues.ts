/** Seconds from SPSS's epoch (1582-10-14) to 1970-01-01. */
const SPSS_EPOCH_OFFSET = 12219379200;

/**
 * An SPSS date, datetime or time value (seconds; dates since 1582-10-14) as ISO-style text: `2018-05-06`,
 * `2018-05-06T10:10:10`, `10:10:10` (times may exceed 24 hours); fractions of a second are kept when present.
 *
 * @example
 * savDateText(13744944000, 'date')     // '2018-05-06'
 * savDateText(13744980610, 'datetime') // '2018-05-06T10:10:10'
 * savDateText(36610, 'time')           // '10:10:10'
 */
export function savDateText(seconds: number, kind: 'date' | 'datetime' | 'time'): string {
  if (kind === 'time') {
    const sign = seconds < 0 ? '-' : '';
    const s = Math.abs(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s - h * 3600 - m * 60;
    return `${sign}${h}:${pad(m)}:${secText(sec)}`;
  }
  const iso = new Date((seconds - SPSS_EPOCH_OFFSET) * 1000).toISOString();
  if (kind === 'date') return iso.slice(0, 10);
  const frac = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  return `${iso.slice(0, 19)}${frac}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function secText(sec: number): string {
  const whole = Math.floor(sec);
  const frac = Math.round((sec - whole) * 1000);
  return frac === 0 ? pad(whole) : `${pad(whole)}.${String(frac).padStart(3, '0')}`;
}
