import { AppError } from '../../errors';
import type { TAgreementStatus } from '../../schemas/agreement';

/** Which statuses each action may start from (the contract (Lifecycle)). Anything else is an illegal transition. */
export const ALLOWED_FROM = {
  edit: ['draft'],
  submit: ['draft'],
  decide: ['awaiting_signatures'],
  withdraw: ['awaiting_signatures'],
  revise: ['declined', 'withdrawn'],
  vary: ['in_force'],
  review: ['in_force'],
  terminate: ['in_force'],
  request_termination: ['in_force'],
  expire: ['in_force'],
  supersede: ['in_force'],
} as const satisfies Record<string, readonly TAgreementStatus[]>;

export type TAction = keyof typeof ALLOWED_FROM;

export const canPerform = (status: TAgreementStatus, action: TAction): boolean =>
  (ALLOWED_FROM[action] as readonly TAgreementStatus[]).includes(status);

export const assertCanPerform = (status: TAgreementStatus, action: TAction): void => {
  if (!canPerform(status, action)) {
    const allowed = ALLOWED_FROM[action].join(' or ');
    throw new AppError('illegal_transition', `Cannot ${action} an agreement that is ${status}; it must be ${allowed}.`);
  }
};
