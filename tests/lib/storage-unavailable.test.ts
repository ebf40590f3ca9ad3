import { describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { EXTENSION_PAGE } from '../../lib/senders';
import { createServer } from '../../lib/server';

/** An IndexedDB that refuses to open, as in some private windows or with storage blocked. */
const blockedIndexedDB = {
  open() {
    const request: any = { error: new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError') };
    queueMicrotask(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
    return request;
  },
  deleteDatabase() {
    throw new DOMException('blocked', 'SecurityError');
  },
  cmp: indexedDB.cmp.bind(indexedDB),
  databases: async () => [],
};

describe('when IndexedDB is unavailable', () => {
  it('answers with a clear storage error instead of crashing, and keeps answering', async () => {
    const db = new WarmIntroDB('blocked', { indexedDB: blockedIndexedDB as unknown as IDBFactory, IDBKeyRange });
    const server = createServer(new Repository(db));
    const handle = (raw: unknown) => server(raw, EXTENSION_PAGE);
    const reply = await handle({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(!reply.ok && reply.error.message).toMatch(/local database/);
    expect(await handle({ type: 'pipeline.summary' })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await handle({ type: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });
});
