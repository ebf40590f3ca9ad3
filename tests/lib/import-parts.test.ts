/**
 * A big import in parts (lib/import-parts.ts) against the real protocol server and repository:
 * duplicates across part boundaries still merge, a refused part writes nothing of itself, a part
 * whose answer was lost is not written twice, and choosing the same file again resumes a stopped import.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientError } from '../../lib/client';
import { WarmIntroDB } from '../../lib/db';
import { importInParts, ImportStopped, type PartRequest, type PartsProgress } from '../../lib/import-parts';
import { Repository, type ContactDraft, type ImportResult } from '../../lib/repository';
import { EXTENSION_PAGE } from '../../lib/senders';
import { createServer } from '../../lib/server';

let db: WarmIntroDB;
let repo: Repository;
let server: ReturnType<typeof createServer>;

beforeEach(() => {
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db);
  server = createServer(repo);
});
afterEach(async () => {
  await db.delete();
});

/** `ask('contacts.import', …)` as the dashboard makes it, answered by the server. */
async function send(request: PartRequest): Promise<ImportResult> {
  const reply = await server({ type: 'contacts.import', payload: request }, EXTENSION_PAGE);
  if (!reply.ok) throw new ClientError(reply.error.code, reply.error.message);
  return reply.data as ImportResult;
}

const person = (i: number): ContactDraft => ({ name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/person-${i}/`, company: `Company ${i % 7}` });
/** Only a name: nothing to recognise a second copy by, so a part written twice would show as duplicates. */
const nameOnly = (i: number): ContactDraft => ({ name: `Nameless ${i}` });
const options = { importId: 'file-1:network:merge', duplicates: 'merge' as const, target: 'network' as const, partRows: 4, retryDelay: 0 };

describe('an import in parts', () => {
  it('merges a duplicate in a later part into the person from an earlier part, and reports progress', async () => {
    const drafts = [person(1), person(2), person(3), person(4), { ...person(2), emails: ['two@example.org'], tags: ['met-at-conf'] }, person(5)];
    const progress: PartsProgress[] = [];
    const result = await importInParts(drafts, send, { ...options, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ added: 5, merged: 1, skipped: 0, earlier: 0 });
    expect(await db.contacts.count()).toBe(5);
    const two = await repo.lookup({ profileUrl: 'https://www.linkedin.com/in/person-2/' });
    expect(two?.contact).toMatchObject({ emails: ['two@example.org'], tags: ['met-at-conf'], inNetwork: 1 });
    expect(progress).toEqual([
      { done: 0, total: 6 },
      { done: 4, total: 6 },
      { done: 6, total: 6 },
    ]);
    expect((await repo.summary()).network).toBe(5);
  });

  it('skips a duplicate across parts when asked to, and finds people already stored by e-mail', async () => {
    await repo.importContacts([{ name: 'Already Here', emails: ['here@example.org'] }], 'merge', 'pipeline');
    const drafts = [person(1), person(2), person(3), person(4), { name: 'Here Again', emails: ['HERE@example.org'] }, person(1)];
    const result = await importInParts(drafts, send, { ...options, importId: 'file-2', duplicates: 'skip', target: 'pipeline' });
    expect(result).toEqual({ added: 4, merged: 0, skipped: 2, earlier: 0 });
    expect(await db.contacts.count()).toBe(5);
  });

  it('finds people already stored by profile URL, member id or e-mail when the database is much bigger than a part', async () => {
    const MEMBER = 'ACoAAB1234567890abcdefghij';
    await repo.importContacts(
      [...Array.from({ length: 30 }, (_, i) => person(100 + i)), { name: 'Mira Member', memberId: MEMBER }, { name: 'Eli Mail', emails: ['eli@example.org'] }],
      'merge',
      'pipeline',
    );
    const drafts = [
      { ...person(105), tags: ['by-url'] },
      { name: 'Mira M.', memberId: MEMBER, tags: ['by-member-id'] },
      { name: 'Eli', emails: ['ELI@example.org'], tags: ['by-mail'] },
      person(1),
    ];
    const result = await importInParts(drafts, send, { ...options, target: 'pipeline' });
    expect(result).toEqual({ added: 1, merged: 3, skipped: 0, earlier: 0 });
    expect(await db.contacts.count()).toBe(33);
    const tagged = (await db.contacts.toArray()).filter((c) => c.tags.length).map((c) => [c.name, c.tags]);
    expect(tagged.sort()).toEqual([
      ['Eli Mail', ['by-mail']],
      ['Mira Member', ['by-member-id']],
      ['Person 105', ['by-url']],
    ]);
  });

  it('stops at a part with a bad row: nothing of that part is written, the parts before it are, and it says so', async () => {
    const drafts = [...[1, 2, 3, 4].map(person), person(5), { name: '' } as ContactDraft, person(6), person(7), person(8)];
    const error = await importInParts(drafts, send, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportStopped);
    const stopped = error as ImportStopped;
    expect(stopped.code).toBe('bad-request');
    expect(stopped.from).toBe(4);
    expect(stopped.written).toEqual({ added: 4, merged: 0, skipped: 0, earlier: 0 });
    expect(stopped.message).toMatch(/^The import stopped at contacts 5–8: Invalid "contacts\.import" payload at contacts\.1\.name: must not be empty\. Contacts 1–4 were imported; nothing from contact 5 on was written\.$/);
    expect(await db.contacts.count()).toBe(4);
    expect(await repo.lookup({ profileUrl: 'https://www.linkedin.com/in/person-5/' })).toBeNull();
  });

  it('a bad first part writes nothing at all', async () => {
    const drafts = [person(1), { name: 'Bad Mail', emails: [42] } as unknown as ContactDraft];
    const error = (await importInParts(drafts, send, options).catch((e: unknown) => e)) as ImportStopped;
    expect(error.message).toMatch(/at contacts\.1\.emails\.0: expected text, received number\. Nothing was written\.$/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('sends a part again when its answer is lost (the worker stopped after writing it), without writing it twice', async () => {
    const drafts = Array.from({ length: 10 }, (_, i) => nameOnly(i));
    let lost = 0;
    const flaky = async (request: PartRequest) => {
      const result = await send(request);
      // The part is committed, but the answer never reaches the dashboard.
      if (request.part.index === 1 && lost++ === 0) throw new ClientError('unreachable', "Warm Intro's background did not answer.");
      return result;
    };
    const result = await importInParts(drafts, flaky, options);
    expect(lost).toBe(2);
    expect(await db.contacts.count()).toBe(10);
    // The resent part is answered from its record, and counted as this import's own.
    expect(result).toEqual({ added: 10, merged: 0, skipped: 0, earlier: 0 });
  });

  it('gives up after a few unanswered tries and says what was written', async () => {
    const drafts = Array.from({ length: 6 }, (_, i) => nameOnly(i));
    const dead = async (request: PartRequest) => {
      if (request.part.index === 1) throw new ClientError('unreachable', "Warm Intro's background did not answer.");
      return send(request);
    };
    const error = (await importInParts(drafts, dead, { ...options, retries: 2 }).catch((e: unknown) => e)) as ImportStopped;
    expect(error).toBeInstanceOf(ImportStopped);
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/Contacts 1–4 were imported; nothing from contact 5 on was written\.$/);
    expect(await db.contacts.count()).toBe(4);
  });

  it('resumes when the same file is imported again after an interruption (the tab was closed)', async () => {
    const drafts = Array.from({ length: 10 }, (_, i) => nameOnly(i));
    const closed = async (request: PartRequest) => {
      if (request.part.index === 2) throw new ClientError('closed', 'The dashboard was closed.');
      return send(request);
    };
    await expect(importInParts(drafts, closed, options)).rejects.toBeInstanceOf(ImportStopped);
    expect(await db.contacts.count()).toBe(8);
    const sent: number[] = [];
    const result = await importInParts(drafts, async (r) => (sent.push(r.part.index), send(r)), options);
    expect(sent).toEqual([0, 1, 2]);
    // Only what this import wrote is counted; the rest is "earlier".
    expect(result).toEqual({ added: 2, merged: 0, skipped: 0, earlier: 8 });
    // And a third time: all of it earlier, nothing written.
    expect(await importInParts(drafts, send, options)).toEqual({ added: 0, merged: 0, skipped: 0, earlier: 10 });
    expect(await db.contacts.count()).toBe(10);
  });

  it('imports the same file again as new when the choices differ (another import id)', async () => {
    const drafts = [person(1), person(2), person(3), person(4), person(5)];
    await importInParts(drafts, send, options);
    const again = await importInParts(drafts, send, { ...options, importId: 'file-1:network:skip', duplicates: 'skip' });
    expect(again).toEqual({ added: 0, merged: 0, skipped: 5, earlier: 0 });
  });

  it('forgets the record of a part when the import is told a different number of parts', async () => {
    const drafts = Array.from({ length: 8 }, (_, i) => person(i));
    await importInParts(drafts, send, options);
    // Same id, other part size: the record does not describe these parts, so they are imported (merged).
    const again = await importInParts(drafts, send, { ...options, partRows: 3 });
    expect(again).toEqual({ added: 0, merged: 8, skipped: 0, earlier: 0 });
    expect(await db.contacts.count()).toBe(8);
  });
});

describe('the contacts.import request with a part', () => {
  it('refuses a part index past the last part, and writes nothing', async () => {
    const reply = await server(
      { type: 'contacts.import', payload: { contacts: [person(1)], duplicates: 'merge', part: { importId: 'x', index: 2, count: 2 } } },
      EXTENSION_PAGE,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/at part: part index past the last part/) } });
    expect(await db.contacts.count()).toBe(0);
  });

  it('records a written part in the same transaction as its contacts', async () => {
    await send({ contacts: [person(1)], duplicates: 'merge', target: 'network', part: { importId: 'rec', index: 0, count: 3 } });
    const row = await db.meta.get('import:rec');
    expect(row?.value).toMatchObject({ count: 3, parts: { 0: { added: 1, merged: 0, skipped: 0 } } });
    // A failing part (a profile URL another contact in the same part also claims is fine; a bad
    // record is not) leaves the record as it was.
    const bad = await server(
      { type: 'contacts.import', payload: { contacts: [{ name: 'X', profileUrl: 'https://example.com/not-linkedin' }], duplicates: 'merge', part: { importId: 'rec', index: 1, count: 3 } } },
      EXTENSION_PAGE,
    );
    expect(bad.ok).toBe(false);
    expect(Object.keys(((await db.meta.get('import:rec'))?.value as { parts: object }).parts)).toEqual(['0']);
  });
});
