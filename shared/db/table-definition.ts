import { ZAgency } from '../schemas/agency';
import { ZSigningRequest } from '../schemas/stored';

/** What the list indexes' readers use of an entry: its summary, and the text a search filters on. */
const LIST_ENTRY_ATTRIBUTES = ['summary', 'searchText'];

/**
 * The single-table layout, defined once. The CDK stack, the local stack and the
 * integration tests all build the table from this object, so the keys and
 * indexes cannot drift apart. Access patterns are listed in the README.
 */
export const TABLE_DEFINITION = {
  /**
   * Raised whenever what is stored changes shape (items, keys, projections), so data kept under an
   * older layout is never read as if it were this one. 2: text items, sharded due work, projections.
   * 3: webhook events in the outbox, register entries per party agency.
   */
  layoutVersion: 3,
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB TTL removes signing links and spent outbox items. */
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** Agreement list entries per visibility scope, newest first; agencies by name. */
    byScope: {
      indexName: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
      // Getters: only the stacks read what an index projects, so a function's load builds no schema for it.
      get projects() {
        return [...LIST_ENTRY_ATTRIBUTES, ...Object.keys(ZAgency.shape)];
      },
    },
    /** The same entries partitioned by scope and status, for the `status` filter. */
    byScopeStatus: { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projects: LIST_ENTRY_ATTRIBUTES },
    /** In-force entries per scope ordered by next review date (sparse). */
    byScopeReviewDate: { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projects: LIST_ENTRY_ATTRIBUTES },
    /**
     * Date-keyed work for the daily job: reminders, link expiry, agreement expiry (sparse). It reads
     * an agreement's id (then the agreement itself) and a signing link's whole record.
     */
    dueWork: {
      indexName: 'GSI4',
      partitionKey: 'GSI4PK',
      sortKey: 'GSI4SK',
      get projects() {
        return ['id', ...Object.keys(ZSigningRequest.shape)];
      },
    },
  },
} as const;

export type TIndexName = keyof typeof TABLE_DEFINITION.indexes;

/**
 * Every key attribute is a string. Each index projects only what its readers use (`projects`,
 * besides the keys): a write that changes nothing an index projects costs that index nothing.
 */
export const tableKeyAttributes = (): string[] => [
  TABLE_DEFINITION.partitionKey,
  TABLE_DEFINITION.sortKey,
  ...Object.values(TABLE_DEFINITION.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
