/** What every part of the repository shares: its errors and how a record is checked before a write. */
import Dexie, { type Table } from 'dexie';

export type ErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'conflict'
  | 'unknown-type'
  | 'internal'
  | 'storage'
  /** The sender may not make this request (a page script asking for what only extension pages may). */
  | 'forbidden'
  /** One tab asked too often (the page search); try again in a moment. */
  | 'rate-limited';

/** An error the caller can show: a code to branch on and a sentence for people. */
export class RepoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}

export const newId = () => crypto.randomUUID();

type Schema<T> = {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** Parse `value` or throw a `bad-request` naming the first problem. */
export function parse<T>(schema: Schema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw new RepoError('bad-request', `Invalid ${what}: ${where}${issue?.message ?? 'bad value'}`);
}

/** True for errors IndexedDB raises when the disk is full or storage is unavailable. */
export function isStorageError(error: unknown): boolean {
  return (
    error instanceof Dexie.QuotaExceededError ||
    error instanceof Dexie.OpenFailedError ||
    error instanceof Dexie.DatabaseClosedError ||
    error instanceof Dexie.MissingAPIError ||
    (error instanceof DOMException && error.name === 'QuotaExceededError')
  );
}

/**
 * The rows whose `index` equals any of `keys`, as one exact look-up per key (in parallel, in the
 * caller's transaction). Dexie's `anyOf` walks a cursor that jumps between keys, which some
 * IndexedDB implementations (fake-indexeddb, in the tests) do in time proportional to the whole
 * index; a handful of exact look-ups costs the same everywhere.
 */
export async function rowsWithAny<T extends { id: string }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key and insert type
  table: Table<T, any, any>,
  index: string,
  keys: Iterable<string>,
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const lists = await Promise.all(unique.map((k) => table.where(index).equals(k).toArray()));
  const seen = new Map<string, T>();
  for (const row of lists.flat()) seen.set(row.id, row);
  return [...seen.values()];
}

/**
 * `rowsWithAny` for the page requests that must answer in a few ms: inside the caller's read
 * transaction, one native `getAll` per key on its IndexedDB transaction, answered as one promise.
 * At 50 or 100 keys, Dexie's per-query bookkeeping (a Collection, promises and zones per key) costs
 * more than the look-ups themselves. Outside a transaction, `rowsWithAny`.
 */
export function rowsWithAnyInTransaction<T extends { id: string }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key and insert type
  table: Table<T, any, any>,
  index: string,
  keys: Iterable<string>,
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return Dexie.Promise.resolve([]);
  const trans = Dexie.currentTransaction;
  if (!trans || !trans.storeNames.includes(table.name)) return rowsWithAny(table, index, unique);
  const source = trans.idbtrans.objectStore(table.name).index(index);
  // A Dexie promise: the caller's code after `await` stays in the transaction's zone.
  return new Dexie.Promise<T[]>((resolve, reject) => {
    const seen = new Map<string, T>();
    let left = unique.length;
    for (const key of unique) {
      const req = source.getAll(key);
      req.onsuccess = () => {
        for (const row of req.result as T[]) seen.set(row.id, row);
        if (--left === 0) resolve([...seen.values()]);
      };
      req.onerror = (event) => {
        event.preventDefault();
        reject(req.error);
      };
    }
  });
}
