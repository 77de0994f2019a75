import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { conditionFailed } from './client';
import { ZStoredSession, type TStoredSession } from '../schemas/session';
import type { TTableAccess } from './client';
import { sessionKey } from './keys';

const itemOf = (sessionHash: string, session: TStoredSession) => ({ ...sessionKey(sessionHash), entity: 'session', ...session });

/** Workspace sessions: one item each, found by the hash of the cookie that names it. */
export const createSessionRepository = ({ client, tableName }: TTableAccess) => ({
  async get(sessionHash: string): Promise<TStoredSession | null> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: sessionKey(sessionHash) }));
    // A record of another shape (written before its fields changed) names no session: sign in again.
    const session = Item ? ZStoredSession.safeParse(Item) : null;
    if (!session?.success) return null;
    // TTL removes expired items within days, not at once.
    return session.data.expiresAt * 1000 > Date.now() ? session.data : null;
  },
  async put(sessionHash: string, session: TStoredSession): Promise<void> {
    await client.send(new PutCommand({ TableName: tableName, Item: itemOf(sessionHash, session) }));
  },
  /** Writes a refreshed session only if it still exists; false when it ended meanwhile. */
  async renew(sessionHash: string, session: TStoredSession): Promise<boolean> {
    try {
      await client.send(new PutCommand({ TableName: tableName, Item: itemOf(sessionHash, session), ConditionExpression: 'attribute_exists(PK)' }));
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  },
  async remove(sessionHash: string): Promise<void> {
    await client.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(sessionHash) }));
  },
});
export type TSessionStore = ReturnType<typeof createSessionRepository>;
