import * as z from 'zod/mini';
import { ROLES } from '../domain/user';
import { deferred } from './deferred';

/**
 * A signed-in workspace session as stored: who it is (from the last ID token verified), when that
 * token lapses, the refresh token that renews it (sealed under the cookie, which only the browser
 * holds), the token every form posts back, and when it was last used.
 */
export const ZStoredSession = deferred(() =>
  z.object({
    user: z.object({ email: z.string(), role: z.enum(ROLES), agencies: z.array(z.string()) }),
    idTokenExpiresAt: z.string(),
    sealedRefreshToken: z.nullable(z.string()),
    csrfToken: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    /** Epoch seconds: the session ends then whatever happens, and TTL removes it. */
    expiresAt: z.number(),
  }),
);
export type TStoredSession = z.infer<typeof ZStoredSession>;
