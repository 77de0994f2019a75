import { describe, expect, it } from 'vitest';
import {
  agreementNextDueOn,
  latestReviewOffset,
  requestNextDueOn,
  requestWorkDue,
  reviewReminderDue,
} from '../../../shared/domain/schedule/reminder-rules';
import type { TAgreement } from '../../../shared/schemas/agreement';

const REVIEW = '2027-06-30';

describe('review reminder rules', () => {
  it('finds the latest threshold: 60, 30, 7 days before, on the day, the day after, then weekly', () => {
    expect(latestReviewOffset(REVIEW, '2027-04-30')).toBeNull();
    expect(latestReviewOffset(REVIEW, '2027-05-01')).toBe(-60);
    expect(latestReviewOffset(REVIEW, '2027-05-31')).toBe(-30);
    expect(latestReviewOffset(REVIEW, '2027-06-23')).toBe(-7);
    expect(latestReviewOffset(REVIEW, '2027-06-30')).toBe(0);
    expect(latestReviewOffset(REVIEW, '2027-07-01')).toBe(1);
    expect(latestReviewOffset(REVIEW, '2027-07-07')).toBe(1);
    expect(latestReviewOffset(REVIEW, '2027-07-08')).toBe(8);
    expect(latestReviewOffset(REVIEW, '2027-07-15')).toBe(15);
  });

  it('owes only the latest reminder after a gap, and nothing once it is sent', () => {
    expect(reviewReminderDue(REVIEW, '2027-06-25', null)).toEqual({ template: 'review_due', offset: -7 });
    expect(reviewReminderDue(REVIEW, '2027-06-25', { reviewDate: REVIEW, lastOffset: -7 })).toBeNull();
    expect(reviewReminderDue(REVIEW, '2027-07-20', { reviewDate: REVIEW, lastOffset: -7 })).toEqual({ template: 'review_overdue', offset: 15 });
  });

  it('starts again when the review date changes', () => {
    expect(reviewReminderDue('2028-06-30', '2028-05-01', { reviewDate: REVIEW, lastOffset: 15 })).toEqual({ template: 'review_due', offset: -60 });
  });

  it('puts an in-force agreement in the index on its next reminder or expiry warning day, or the day after it expires', () => {
    const agreement = { status: 'in_force', nextReviewDate: REVIEW, expiryDate: null, withdrawalNotices: [] } as unknown as TAgreement;
    expect(agreementNextDueOn(agreement, null)).toBe('2027-05-01');
    expect(agreementNextDueOn(agreement, { reviewDate: REVIEW, lastOffset: -30 })).toBe('2027-06-23');
    expect(agreementNextDueOn(agreement, { reviewDate: REVIEW, lastOffset: 8 })).toBe('2027-07-15');
    expect(agreementNextDueOn({ ...agreement, expiryDate: '2027-03-31' }, null)).toBe('2026-12-31');
    expect(agreementNextDueOn({ ...agreement, expiryDate: '2027-03-31' }, null, { expiryDate: '2027-03-31', lastOffset: -90 })).toBe('2027-03-01');
    expect(agreementNextDueOn({ ...agreement, expiryDate: '2027-03-31' }, null, { expiryDate: '2027-03-31', lastOffset: -30 })).toBe('2027-04-01');
    expect(agreementNextDueOn({ ...agreement, status: 'terminated' }, null)).toBeNull();
  });
});

describe('signature reminder rules', () => {
  const request = { createdAt: '2026-11-02T14:00:00.000Z', linkExpiresAt: '2026-11-16T14:00:00.000Z', remindersSent: 0 };

  it('reminds every 3 days, at most 3 times, then waits for expiry', () => {
    expect(requestNextDueOn(request)).toBe('2026-11-05');
    expect(requestNextDueOn({ ...request, remindersSent: 2 })).toBe('2026-11-11');
    expect(requestNextDueOn({ ...request, remindersSent: 3 })).toBe('2026-11-16');
    expect(requestWorkDue(request, new Date('2026-11-05T09:00:00Z'))).toEqual({ kind: 'remind', remindersSent: 1 });
    expect(requestWorkDue({ ...request, remindersSent: 0 }, new Date('2026-11-12T09:00:00Z'))).toEqual({ kind: 'remind', remindersSent: 3 });
  });

  it('expires a link at its expiry time, not before', () => {
    expect(requestWorkDue({ ...request, remindersSent: 3 }, new Date('2026-11-16T09:00:00Z'))).toEqual({ kind: 'wait', until: '2026-11-17' });
    expect(requestWorkDue({ ...request, remindersSent: 3 }, new Date('2026-11-17T09:00:00Z'))).toEqual({ kind: 'expire' });
  });
});
