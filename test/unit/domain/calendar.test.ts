import { describe, expect, it } from 'vitest';
import { addMonths, londonDate, startOfLondonDay } from '../../../shared/domain/calendar';

describe('London calendar dates', () => {
  it('counts a moment just after midnight in summer time as that London day', () => {
    expect(londonDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('starts a London day at midnight London time, whatever the season and on the days the clocks change', () => {
    expect(startOfLondonDay('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfLondonDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfLondonDay('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-04-03', 12)).toBe('2027-04-03');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
