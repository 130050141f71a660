/**
 * Timestamps as the States Language takes them: RFC 3339 date-times with the further
 * restrictions of the Choice state's documentation (an uppercase `T` between date and time,
 * an uppercase `Z` when no numeric offset is given), e.g. `2016-03-14T01:59:00Z` or
 * `2016-03-14T01:59:00.123+02:00`. Seconds are required; a fraction has 1 to 9 digits
 * (nanoseconds, as far as Java's ISO parsers go). Invalid calendar values are rejected.
 */

/** An instant: epoch milliseconds plus the nanoseconds below the millisecond (0…999,999). */
export interface Instant {
  epochMs: number;
  subMsNanos: number;
}

// A fixed pattern over a bounded shape: every part has a fixed width except the fraction.
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Parses an RFC 3339 timestamp to epoch milliseconds (truncated); undefined if not one. */
export function parseTimestamp(text: string): number | undefined {
  return parseInstant(text)?.epochMs;
}

/** Parses an RFC 3339 timestamp keeping sub-millisecond precision; undefined if not one. */
export function parseInstant(text: unknown): Instant | undefined {
  if (typeof text !== 'string') return undefined;
  const match = SHAPE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = parseOffset(match[8]);
  if (offsetMinutes === undefined) return undefined;
  const nanos = Number((match[7] ?? '').padEnd(9, '0'));
  const wallMs = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return {
    epochMs: wallMs + Math.floor(nanos / 1_000_000) - offsetMinutes * MS_PER_MINUTE,
    subMsNanos: nanos % 1_000_000,
  };
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.epochMs !== b.epochMs ? Math.sign(a.epochMs - b.epochMs) : Math.sign(a.subMsNanos - b.subMsNanos);
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  const sign = text[0] === '-' ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil),
 * plain arithmetic so that years 0000–0099 are not remapped the way Date.UTC remaps them.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
