/**
 * What a LinkedIn or Gmail page may get, in detail (issue 15): a short name search that cannot walk
 * the address book, at a limited pace per tab; edits limited to what the pages edit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { PAGE_SEARCH } from '../../lib/page-scope';
import { createLimiter } from '../../lib/rate-limit';
import { Repository } from '../../lib/repository';
import { EXTENSION_PAGE, type Caller } from '../../lib/senders';
import { createServer } from '../../lib/server';

let db: WarmIntroDB;
let repo: Repository;
let clock: number;
let server: ReturnType<typeof createServer>;
const tab = (tabId: number): Caller => ({ kind: 'page', tabId });

beforeEach(() => {
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db);
  clock = 1_000_000;
  server = createServer(repo, { now: () => clock });
});
afterEach(async () => {
  await db.delete();
});

async function addPeople(n: number) {
  for (let i = 0; i < n; i++) {
    await repo.logContact({ name: `Anna Person ${String(i).padStart(2, '0')}`, company: 'Contoso', emails: [`anna${i}@example.com`], notes: `secret ${i}` });
  }
}

describe('the page search (contact.find)', () => {
  it('needs two letters, returns at most a handful, and only what a picker shows', async () => {
    await addPeople(30);
    expect(await server({ type: 'contact.find', payload: { query: 'a' } }, tab(1))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await server({ type: 'contact.find', payload: { query: ' a ' } }, tab(1))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const reply = await server({ type: 'contact.find', payload: { query: 'an' } }, tab(1));
    expect(reply.ok).toBe(true);
    const found = (reply as { data: object[] }).data;
    expect(found).toHaveLength(PAGE_SEARCH.maxResults);
    expect(PAGE_SEARCH.maxResults).toBeLessThanOrEqual(8);
    for (const person of found) expect(Object.keys(person).sort()).toEqual(['company', 'id', 'name']);
  });

  it('cannot page through the address book: no offset or bigger limit is accepted', async () => {
    await addPeople(12);
    for (const payload of [{ query: 'anna', limit: 50 }, { query: 'anna', offset: 8 }]) {
      const reply = await server({ type: 'contact.find', payload }, tab(1));
      // Unknown keys are dropped: the answer is the same first handful.
      expect(reply.ok && (reply.data as unknown[]).length).toBe(PAGE_SEARCH.maxResults);
    }
    // The full search stays with the extension's own pages.
    expect(await server({ type: 'contact.search', payload: { query: 'anna', limit: 50 } }, tab(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const full = await server({ type: 'contact.search', payload: { query: 'anna', limit: 50 } }, EXTENSION_PAGE);
    expect(full.ok && (full.data as unknown[]).length).toBe(12);
  });

  it('finds by name or company, not by e-mail address', async () => {
    await repo.logContact({ name: 'Olivia Hartmann', company: 'Northwind', emails: ['zz.private@example.com'] });
    const find = async (query: string) => {
      const r = await server({ type: 'contact.find', payload: { query } }, tab(1));
      return r.ok ? (r.data as { name: string }[]).map((p) => p.name) : r;
    };
    expect(await find('hart')).toEqual(['Olivia Hartmann']);
    expect(await find('north')).toEqual(['Olivia Hartmann']);
    expect(await find('zz.priv')).toEqual([]);
  });

  it('limits how fast one tab may search; other tabs and the extension pages are not held up', async () => {
    await addPeople(1);
    const find = (caller: Caller) => server({ type: 'contact.find', payload: { query: 'anna' } }, caller);
    for (let i = 0; i < 10; i++) expect((await find(tab(1))).ok).toBe(true);
    expect(await find(tab(1))).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect((await find(tab(2))).ok).toBe(true);
    expect((await find(EXTENSION_PAGE)).ok).toBe(true);
    // One more a second: walking 676 two-letter prefixes takes minutes, not milliseconds.
    clock += 1000;
    expect((await find(tab(1))).ok).toBe(true);
    expect(await find(tab(1))).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
  });

  it('limits opening Settings from a page too (a page cannot flood you with tabs)', async () => {
    let opened = 0;
    server = createServer(repo, { now: () => clock, openSettings: async () => void opened++ });
    const open = () => server({ type: 'settings.open' }, tab(3));
    expect((await open()).ok).toBe(true);
    expect((await open()).ok).toBe(true);
    expect(await open()).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(opened).toBe(2);
  });
});

describe('the page look-up (contact.lookup)', () => {
  it('is never held up while browsing, but one tab cannot guess its way through addresses', async () => {
    await addPeople(1);
    const lookup = (caller: Caller, email: string) => server({ type: 'contact.lookup', payload: { email } }, caller);
    // Browsing hard for a minute: a profile every second, each looked up again after 3 writes.
    for (let s = 0; s < 60; s++) {
      for (let k = 0; k < 4; k++) expect((await lookup(tab(1), 'anna0@example.com')).ok).toBe(true);
      clock += 1000;
    }
    // Guessing addresses as fast as it can: a burst, then a trickle.
    let answered = 0;
    for (let i = 0; i < 200; i++) if ((await lookup(tab(1), `guess${i}@example.com`)).ok) answered++;
    expect(answered).toBeLessThanOrEqual(30);
    expect(await lookup(tab(1), 'anna0@example.com')).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect((await lookup(tab(2), 'anna0@example.com')).ok).toBe(true);
    expect((await lookup(EXTENSION_PAGE, 'anna0@example.com')).ok).toBe(true);
    clock += 1000;
    let later = 0;
    for (let i = 0; i < 10; i++) if ((await lookup(tab(1), `again${i}@example.com`)).ok) later++;
    expect(later).toBe(4);
  });
});

describe('what a page may change', () => {
  it('edits a contact’s notes and adds an address, but cannot replace their addresses or other fields', async () => {
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist', emails: ['marcus@example.com'], tags: ['design'] });
    expect(await server({ type: 'contact.notes', payload: { contactId: contact.id, notes: 'Met at the meetup' } }, tab(1))).toMatchObject({ ok: true });
    expect(await server({ type: 'contact.addEmail', payload: { contactId: contact.id, email: ' M.Lindqvist@Example.com ' } }, tab(1))).toMatchObject({ ok: true });
    expect(await server({ type: 'contact.update', payload: { id: contact.id, patch: { emails: [], tags: [] } } }, tab(1))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const after = await repo.contact(contact.id);
    expect(after.notes).toBe('Met at the meetup');
    expect(after.emails).toEqual(['marcus@example.com', 'm.lindqvist@example.com']);
    expect(after.tags).toEqual(['design']);
  });

  it('reads the settings a compose needs, not the rest, and never writes them', async () => {
    await repo.saveSettings({ userName: 'Alex Morgan', notificationStyle: 'digest' });
    const reply = await server({ type: 'settings.compose' }, tab(1));
    expect(reply).toMatchObject({ ok: true, data: { userName: 'Alex Morgan', maxAttempts: 3, meetingMinutes: 20 } });
    expect(reply.ok && reply.data).not.toHaveProperty('notificationStyle');
    expect(await server({ type: 'settings.get' }, tab(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await server({ type: 'settings.save', payload: { userName: 'Mallory' } }, tab(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await repo.settings()).userName).toBe('Alex Morgan');
  });
});

describe('the token bucket', () => {
  it('allows a burst, then one per interval, per key', () => {
    const limiter = createLimiter({ capacity: 3, refillMs: 100 });
    expect([1, 2, 3, 4].map(() => limiter.take('a', 0))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 50)).toBe(false);
    expect(limiter.take('a', 100)).toBe(true);
    expect(limiter.take('a', 100_000)).toBe(true);
    expect([1, 2, 3].map(() => limiter.take('a', 100_000))).toEqual([true, true, false]);
  });

  it('forgets the oldest keys rather than growing without bound', () => {
    const limiter = createLimiter({ capacity: 1, refillMs: 1e9 }, 2);
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('c', 0)).toBe(true);
    // 'a' was dropped: a fresh bucket (a closed tab's limit need not be kept).
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('c', 0)).toBe(false);
  });
});
