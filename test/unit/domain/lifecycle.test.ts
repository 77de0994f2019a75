import { describe, expect, it } from 'vitest';
import { assertCanPerform, canPerform } from '../../../shared/domain/agreement/lifecycle';
import { AppError } from '../../../shared/errors';

describe('the agreement lifecycle', () => {
  it('lets only a draft be edited or submitted', () => {
    expect(canPerform('draft', 'edit')).toBe(true);
    expect(canPerform('draft', 'submit')).toBe(true);
    for (const status of ['awaiting_signatures', 'in_force', 'declined', 'withdrawn', 'terminated', 'expired', 'superseded'] as const) {
      expect(canPerform(status, 'edit')).toBe(false);
    }
  });

  it('revises only a declined or withdrawn agreement, and varies only one in force', () => {
    expect(canPerform('declined', 'revise')).toBe(true);
    expect(canPerform('withdrawn', 'revise')).toBe(true);
    expect(canPerform('in_force', 'revise')).toBe(false);
    expect(canPerform('in_force', 'vary')).toBe(true);
    expect(canPerform('draft', 'vary')).toBe(false);
  });

  it('refuses an illegal transition with a 409 that says what was expected', () => {
    const attempt = () => assertCanPerform('in_force', 'edit');
    expect(attempt).toThrowError(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).message).toBe('Cannot edit an agreement that is in_force; it must be draft.');
    }
  });
});
