import * as z from 'zod/mini';
import { ROLES } from '../domain/user';
import { ZSlug } from './common';
import { deferred } from './deferred';

/** A legal-team member's account as the identity provider holds it (Cognito in AWS). */
export const ZUserAccount = deferred(() =>
  z.object({
    email: z.string(),
    name: z.string(),
    role: z.nullable(z.enum(ROLES)),
    agencies: z.array(z.string()),
    enabled: z.boolean(),
    /** `invited` until they first sign in and set a password. */
    status: z.enum(['invited', 'active']),
    createdAt: z.string(),
  }),
);
export type TUserAccount = z.infer<typeof ZUserAccount>;

/** The identity provider keeps the agencies as one attribute of at most this many characters. */
export const MAX_AGENCIES_ATTRIBUTE = 2048;

/** What an admin sets: the role, and the agencies whose agreements the user may see and act on. */
export const ZUserAccess = deferred(() =>
  z.object({
    role: z.enum(ROLES, { error: 'choose a role' }),
    agencies: z.array(ZSlug).check(
      z.maxLength(50, 'at most 50 agencies'),
      z.refine((agencies) => agencies.join(',').length <= MAX_AGENCIES_ATTRIBUTE, 'too many agencies for one account: give them the admin role instead'),
    ),
  }),
);
export type TUserAccess = z.infer<typeof ZUserAccess>;

export const ZUserInvitation = deferred(() =>
  z.extend(ZUserAccess, {
    email: z.email({ error: 'enter an email address, like name@force.police.uk' }).check(z.maxLength(254), z.toLowerCase()),
    name: z.string().check(z.trim(), z.minLength(1, 'enter their full name'), z.maxLength(200)),
  }),
);
export type TUserInvitation = z.infer<typeof ZUserInvitation>;
