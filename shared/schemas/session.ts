import * as z from 'zod';
import { ROLES } from '../domain/user';

/**
 * A signed-in workspace session as stored: who it is (from the last ID token verified), when that
 * token lapses, the refresh token that renews it, and the token every form posts back.
 */
export const ZStoredSession = z.object({
  user: z.object({ email: z.string(), role: z.enum(ROLES), agencies: z.array(z.string()) }),
  idTokenExpiresAt: z.string(),
  refreshToken: z.string().nullable(),
  csrfToken: z.string(),
  createdAt: z.string(),
  /** Epoch seconds: the session ends then whatever happens, and TTL removes it. */
  expiresAt: z.number(),
});
export type TStoredSession = z.infer<typeof ZStoredSession>;
