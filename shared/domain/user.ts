export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type TRole = (typeof ROLES)[number];

/** A signed-in legal-team member, as their token describes them. */
export type TUser = { email: string; role: TRole; agencies: string[] };

/** The highest of Accord's roles among a user's groups (Cognito's `cognito:groups`), or null for none. */
export const highestRole = (groups: readonly string[]): TRole | null => [...ROLES].reverse().find((role) => groups.includes(role)) ?? null;

/** Roles are ordered: an admin can do all an editor can, an editor all a viewer can. */
export const hasRole = (user: TUser, needed: TRole): boolean => ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
