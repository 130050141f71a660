/**
 * RFC 3339 timestamps with the States Language's restrictions: "An uppercase T must separate
 * the date and time portions. An uppercase Z must denote that a numeric time zone offset isn't
 * present." (Choice workflow state page). Expected values are epoch milliseconds computed
 * independently (Date.UTC, or the well-known epoch of year 0000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInstants, parseInstant, parseTimestamp } from '../../../../src/asl/timestamp.js';

describe('parseTimestamp accepts', () => {
  it('the documentation examples', () => {
    expect(parseTimestamp('2016-03-14T01:59:00Z')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0));
    expect(parseTimestamp('2016-08-18T17:33:00Z')).toBe(Date.UTC(2016, 7, 18, 17, 33, 0));
    expect(parseTimestamp('2001-01-01T12:00:00Z')).toBe(Date.UTC(2001, 0, 1, 12, 0, 0));
  });

  it('the epoch and the ends of the four-digit range', () => {
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toBe(0);
    expect(parseTimestamp('0000-01-01T00:00:00Z')).toBe(-62_167_219_200_000);
    expect(parseTimestamp('9999-12-31T23:59:59Z')).toBe(253_402_300_799_000);
    expect(parseTimestamp('1969-12-31T23:59:59.999Z')).toBe(-1);
  });

  it('numeric offsets, applied to reach UTC', () => {
    expect(parseTimestamp('2016-03-14T03:59:00+02:00')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0));
    expect(parseTimestamp('2016-03-13T20:29:00-05:30')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0));
    expect(parseTimestamp('2016-03-14T01:59:00-00:00')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0));
  });

  it('a fraction of 1 to 9 digits (milliseconds truncated)', () => {
    expect(parseTimestamp('2016-03-14T01:59:00.5Z')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0, 500));
    expect(parseTimestamp('2016-03-14T01:59:00.123456789Z')).toBe(Date.UTC(2016, 2, 14, 1, 59, 0, 123));
    expect(parseInstant('2016-03-14T01:59:00.123456789Z')?.subMsNanos).toBe(456_789);
  });

  it('leap days of leap years only', () => {
    expect(parseTimestamp('2020-02-29T00:00:00Z')).toBe(Date.UTC(2020, 1, 29));
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('2021-02-29T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('1900-02-29T00:00:00Z')).toBeUndefined();
  });
});

describe('parseTimestamp rejects', () => {
  it.each([
    ['lower-case t', '2016-03-14t01:59:00Z'],
    ['lower-case z', '2016-03-14T01:59:00z'],
    ['a space for T', '2016-03-14 01:59:00Z'],
    ['no seconds', '2016-03-14T01:59Z'],
    ['no zone', '2016-03-14T01:59:00'],
    ['a date only', '2016-03-14'],
    ['an offset without colon', '2016-03-14T01:59:00+0200'],
    ['an empty fraction', '2016-03-14T01:59:00.Z'],
    ['ten fraction digits', '2016-03-14T01:59:00.1234567890Z'],
    ['a five-digit year', '12016-03-14T01:59:00Z'],
    ['month 13', '2016-13-01T00:00:00Z'],
    ['month 00', '2016-00-01T00:00:00Z'],
    ['day 00', '2016-01-00T00:00:00Z'],
    ['April 31', '2016-04-31T00:00:00Z'],
    ['February 30', '2016-02-30T00:00:00Z'],
    ['hour 24', '2016-03-14T24:00:00Z'],
    ['minute 60', '2016-03-14T01:60:00Z'],
    ['second 60', '2016-03-14T01:59:60Z'],
    ['offset hour 24', '2016-03-14T01:59:00+24:00'],
    ['offset minute 60', '2016-03-14T01:59:00+01:60'],
    ['surrounding spaces', ' 2016-03-14T01:59:00Z'],
    ['a trailing newline', '2016-03-14T01:59:00Z\n'],
    ['non-ASCII digits', '２016-03-14T01:59:00Z'],
    ['an empty string', ''],
  ])('%s', (_label, text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('anything that is not a string (parseInstant)', () => {
    expect(parseInstant(1_458_000_000_000)).toBeUndefined();
    expect(parseInstant(null)).toBeUndefined();
  });
});

describe('instants', () => {
  it('compare below the millisecond', () => {
    const a = parseInstant('2016-03-14T01:59:00.000000001Z');
    const b = parseInstant('2016-03-14T01:59:00Z');
    const c = parseInstant('2016-03-14T02:59:00.000000001+01:00');
    if (!a || !b || !c) throw new Error('valid timestamps');
    expect(compareInstants(a, b)).toBeGreaterThan(0);
    expect(compareInstants(b, a)).toBeLessThan(0);
    expect(compareInstants(a, c)).toBe(0);
  });

  it('every Date.toISOString() of years 0000–9999 parses back to its time', () => {
    const dates = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (date) => {
        expect(parseTimestamp(date.toISOString())).toBe(date.getTime());
      }),
      { numRuns: 2000 },
    );
  });
});
