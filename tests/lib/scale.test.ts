/**
 * At 10,000 network people and 10,000 pipeline people, the requests a LinkedIn or Gmail page makes
 * read through indexes: this test fails if one of them walks a whole table (a full scan), and
 * prints how long each takes here (fake-indexeddb, slower than a browser's IndexedDB; `npm run
 * bench` measures the real thing). No timed assertions.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { nameKey } from '../../lib/names';
import { Attempt, Contact } from '../../lib/schemas';
import { createServer } from '../../lib/server';
import { EXTENSION_PAGE } from '../../lib/senders';

const N = 10_000;
const T0 = Date.UTC(2026, 10, 23, 12);
const FIRST = ['Ana', 'José', 'Marcus', 'Olivia', 'Priya', 'Ravi', 'Søren', 'Hannah', 'Kim', 'Lena', 'Omar', 'Yuki', 'Zoë', 'Ivan', 'Chloé', 'Tariq', 'Mei', 'Noah', 'Emma', 'Liam'];
const LAST = ['Souza', 'Núñez', 'Lindqvist', 'Hartmann', 'Natarajan', 'Shah', 'Ølund', 'Becker', 'Park', 'Novak', 'Haddad', 'Sato', 'Brontë', 'Petrov', 'Dubois', 'Aziz', 'Chen', 'Levi', 'Rossi', 'Walsh'];
const COMPANIES = Array.from({ length: 400 }, (_, i) => `Company ${i} ${['Inc.', 'GmbH', 'Ltd', 'B.V.', 'AB'][i % 5]}`);

let db: WarmIntroDB;
let repo: Repository;
const timings: Record<string, number> = {};

const person = (i: number) => `${FIRST[i % 20]} ${String.fromCharCode(65 + ((i / 20) % 26))}. ${LAST[Math.floor(i / 520) % 20]}${i}`;

beforeAll(async () => {
  db = new WarmIntroDB(`scale-${crypto.randomUUID()}`);
  repo = new Repository(db, () => T0);
  const contacts: Contact[] = [];
  const attempts: Attempt[] = [];
  for (let i = 0; i < N; i++) {
    contacts.push(
      Contact.parse({
        id: `n${i}`,
        name: person(i),
        company: COMPANIES[i % COMPANIES.length],
        profileUrl: `https://www.linkedin.com/in/net-${i}/`,
        inPipeline: 0,
        network: { source: 'linkedin-export', connectedOn: T0 - i * 3_600_000, position: 'Engineer' },
        createdAt: T0,
        updatedAt: T0,
      }),
    );
    contacts.push(
      Contact.parse({
        id: `p${i}`,
        name: person(N + i),
        company: COMPANIES[(i * 7) % COMPANIES.length],
        profileUrl: `https://www.linkedin.com/in/pipe-${i}/`,
        memberId: `ACoAA${String(i).padStart(30, '0')}`,
        stage: i % 3 ? 'requested' : 'prospect',
        createdAt: T0,
        updatedAt: T0,
      }),
    );
    if (i % 3) attempts.push(Attempt.parse({ id: `a${i}`, contactId: `p${i}`, at: T0 - (i % 40) * 86_400_000, channel: 'email', kind: 'request', createdAt: T0 }));
  }
  await db.contacts.bulkAdd(contacts);
  await db.attempts.bulkAdd(attempts);
}, 240_000);

afterAll(async () => {
  console.log('[scale] 10,000 network + 10,000 pipeline people, ms per request (fake-indexeddb):', timings);
  await db.delete();
});

/** Run `fn` with every whole-table read of the database spied on; fails on a full scan. */
async function withoutFullScans<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const spies = [db.contacts, db.attempts, db.meetings, db.introductions, db.referrals].flatMap((table) =>
    (['toCollection', 'toArray', 'each', 'filter', 'orderBy'] as const).map((m) => vi.spyOn(table, m)),
  );
  try {
    const start = performance.now();
    let result = await fn();
    const runs = 5;
    for (let i = 0; i < runs; i++) result = await fn();
    timings[label] = Math.round(((performance.now() - start) / (runs + 1)) * 10) / 10;
    for (const spy of spies) expect(spy, `${label}: a full scan (${spy.getMockName()})`).not.toHaveBeenCalled();
    return result;
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/**
 * How many records `fn` reads from IndexedDB itself (below Dexie, so reads Dexie's hooks do not
 * see count too), and how many index counts it asks for (Chromium walks the index to count).
 */
async function reads<T>(fn: () => Promise<T>): Promise<{ result: T; rows: number; counts: number }> {
  let rows = 0;
  let counts = 0;
  const protos = [globalThis.IDBObjectStore.prototype, globalThis.IDBIndex.prototype] as unknown as Array<Record<string, (...args: unknown[]) => IDBRequest>>;
  const originals = protos.map((p) => ({ p, get: p.get!, getAll: p.getAll!, openCursor: p.openCursor!, count: p.count! }));
  for (const { p, get, getAll, openCursor, count } of originals) {
    p.get = function (this: unknown, ...args: unknown[]) {
      const req = get.apply(this, args);
      req.addEventListener('success', () => void (rows += req.result === undefined ? 0 : 1));
      return req;
    };
    p.getAll = function (this: unknown, ...args: unknown[]) {
      const req = getAll.apply(this, args);
      req.addEventListener('success', () => void (rows += (req.result as unknown[]).length));
      return req;
    };
    p.openCursor = function (this: unknown, ...args: unknown[]) {
      const req = openCursor.apply(this, args);
      req.addEventListener('success', () => void (rows += req.result ? 1 : 0));
      return req;
    };
    p.count = function (this: unknown, ...args: unknown[]) {
      counts++;
      return count.apply(this, args);
    };
  }
  try {
    return { result: await fn(), rows, counts };
  } finally {
    for (const { p, get, getAll, openCursor, count } of originals) Object.assign(p, { get, getAll, openCursor, count });
  }
}

describe('page requests at 10,000 + 10,000 people read through indexes', { timeout: 120_000 }, () => {
  const server = () => createServer(repo);
  const ok = async (type: string, payload: unknown) => {
    const reply = await server()({ type, payload }, EXTENSION_PAGE);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return (reply as { ok: true; data: any }).data;
  };

  it('contact.lookup by vanity URL and by member-id URL', async () => {
    const a = await withoutFullScans('contact.lookup (vanity URL)', () => ok('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/pipe-4242/' }));
    expect(a.contact.id).toBe('p4242');
    const b = await withoutFullScans('contact.lookup (member-id URL)', () =>
      ok('contact.lookup', { profileUrl: `https://www.linkedin.com/in/ACoAA${String(4242).padStart(30, '0')}/` }),
    );
    expect(b.contact.id).toBe('p4242');
  });

  it('introducers.forProfile with 50 mutual names and a company', async () => {
    const names = Array.from({ length: 50 }, (_, i) => person(i * 37).replace(/ [A-Z]\. /, ' '));
    const list = await withoutFullScans('introducers.forProfile', () =>
      ok('introducers.forProfile', { profileUrl: 'https://www.linkedin.com/in/pipe-7/', company: 'company 5', mutualNames: names }),
    );
    expect(list.length).toBe(8);
    expect(list.some((i: { reasons: Array<{ kind: string }> }) => i.reasons.some((r) => r.kind === 'mutual'))).toBe(true);
    // The records it reads: the people the 50 names match, the few first of the company's order,
    // the person themselves — no histories, nobody else.
    const { rows, counts } = await reads(() =>
      repo.introducersForProfile({ profileUrl: 'https://www.linkedin.com/in/pipe-7/', company: 'company 5', mutualNames: names }),
    );
    const matched = (await Promise.all(names.map((n) => db.contacts.where('nameKey').equals(nameKey(n)).count()))).reduce((a, b) => a + b, 0);
    expect(matched).toBeGreaterThanOrEqual(50);
    expect(rows).toBeLessThanOrEqual(matched + 8 + 3 + 1);
    expect(counts).toBe(0);
  });

  it('company.people and badges.forProfiles', async () => {
    const people = await withoutFullScans('company.people', () => ok('company.people', { company: 'Company 12 B.V.' }));
    expect(people.total).toBe(N * 2 / 400);
    // The count is kept, not counted; the rows read are the people listed and the count's row.
    const listed = await reads(() => repo.companyPeople('Company 12 B.V.'));
    expect(listed.result.people).toHaveLength(50);
    expect(listed.rows).toBeGreaterThanOrEqual(50);
    expect(listed.rows).toBeLessThanOrEqual(50 + 1);
    expect(listed.counts).toBe(0);
    const urls = Array.from({ length: 100 }, (_, i) => `https://www.linkedin.com/in/${i % 2 ? 'net' : 'pipe'}-${i * 13}/`);
    const badges = await withoutFullScans('badges.forProfiles (100 links)', () => ok('badges.forProfiles', { profileUrls: urls }));
    expect(Object.keys(badges)).toHaveLength(100);
    // One record per link, nothing more (nobody listed is a bare introduction target).
    const badgeReads = await reads(() => repo.badges(urls));
    expect(badgeReads.rows).toBe(100);
    expect(badgeReads.counts).toBe(0);
  });

  it('contact.search, pipeline.summary and network.list', async () => {
    const found = await withoutFullScans('contact.search', () => ok('contact.search', { query: 'søren', limit: 8 }));
    expect(found).toHaveLength(8);
    const summary = await withoutFullScans('pipeline.summary', () => ok('pipeline.summary', {}));
    expect(summary.total).toBe(N);
    expect(summary.network).toBe(N);
    const page = await withoutFullScans('network.list (page 3)', () => ok('network.list', { offset: 100, limit: 50 }));
    expect(page).toMatchObject({ total: N });
    expect(page.items).toHaveLength(50);
    const query = await withoutFullScans('network.list (query)', () => ok('network.list', { query: 'hartmann', limit: 50 }));
    expect(query.total).toBe(520);
  });
});

describe('a company where you know 3,000 people', { timeout: 120_000 }, () => {
  const BIG = 3_000;
  let big: WarmIntroDB;
  let bigRepo: Repository;

  beforeAll(async () => {
    big = new WarmIntroDB(`scale-big-${crypto.randomUUID()}`);
    bigRepo = new Repository(big, () => T0);
    const rows: Contact[] = [];
    for (let i = 0; i < BIG; i++) {
      rows.push(
        Contact.parse({
          id: `b${String(i).padStart(4, '0')}`,
          name: person(i),
          company: 'Bigco GmbH',
          inPipeline: 0,
          network: { source: 'linkedin-export', connectedOn: null, position: null },
          createdAt: T0,
          updatedAt: T0,
        }),
      );
    }
    // The warm ones sit in the middle of the id order, where a read of the first rows misses them.
    rows.push(Contact.parse({ id: 'b1500x', name: 'Theo Thanked', company: 'Bigco', stage: 'thanked', createdAt: T0, updatedAt: T0 }));
    rows.push(Contact.parse({ id: 'b1501x', name: 'Rita Replied', company: 'BIGCO Inc.', stage: 'requested', repliedAt: T0, createdAt: T0, updatedAt: T0 }));
    await big.contacts.bulkAdd(rows);
  }, 120_000);

  afterAll(async () => {
    await big.delete();
  });

  it('introducers and company people read the warmest few, warmest first, not thousands', async () => {
    let start = performance.now();
    const { result: intro, rows: introRows, counts: introCounts } = await reads(() => bigRepo.introducersForProfile({ company: 'Bigco', mutualNames: [] }));
    timings['introducers.forProfile (3,000 at the company)'] = Math.round((performance.now() - start) * 10) / 10;
    expect(intro.slice(0, 2).map((i) => i.name)).toEqual(['Theo Thanked', 'Rita Replied']);
    expect(intro).toHaveLength(8);
    // The list's 8, and 3 in case the person themselves is among them.
    expect(introRows).toBeLessThanOrEqual(8 + 3);
    expect(introCounts).toBe(0);

    start = performance.now();
    const { result: people, rows: peopleRows, counts: peopleCounts } = await reads(() => bigRepo.companyPeople('Bigco', 50));
    timings['company.people (3,000 at the company)'] = Math.round((performance.now() - start) * 10) / 10;
    expect(people.total).toBe(BIG + 2);
    expect(people.people).toHaveLength(50);
    expect(people.people.slice(0, 2).map((p) => p.name)).toEqual(['Theo Thanked', 'Rita Replied']);
    expect(peopleRows).toBeLessThanOrEqual(50 + 1);
    expect(peopleCounts).toBe(0);

    // Warmth is kept at write time: someone who replies moves up.
    await bigRepo.updateContact('b0007', { repliedAt: T0 + 1 });
    const after = await bigRepo.companyPeople('Bigco', 3);
    expect(after.people.map((p) => p.contactId)).toEqual(['b1500x', 'b0007', 'b1501x']);
    // …whoever writes the record, even a spread of it past the schema (stale warmth and all).
    const rita = (await big.contacts.get('b1501x'))!;
    await big.contacts.put({ ...rita, stage: 'interviewed' });
    expect((await big.contacts.get('b1501x'))?.warmth).toBe(3);
    expect((await bigRepo.companyPeople('Bigco', 2)).people.map((p) => p.contactId).sort()).toEqual(['b1500x', 'b1501x']);
  });
});
