import { describe, expect, it } from 'vitest';
import { addMonths, londonDate } from '../../../shared/domain/calendar';

describe('London calendar dates', () => {
  it('counts a moment just after midnight in summer time as that London day', () => {
    expect(londonDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-04-03', 12)).toBe('2027-04-03');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
