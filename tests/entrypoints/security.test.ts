/**
 * Issue 15: every request type × every kind of sender, through the real background listener (the
 * sender as the browser would report it). Extension pages may ask anything; the LinkedIn and Gmail
 * page scripts only the page-scoped requests; anything else nothing. A refusal writes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WarmIntroDB } from '../../lib/db';
import { REQUESTS, type RequestPayload, type RequestType } from '../../lib/messages';
import type { Repository } from '../../lib/repository';

/** The requests a LinkedIn or Gmail page may make. Widening this list is a decision, not an accident. */
const PAGE_TYPES: RequestType[] = [
  'attempt.record',
  'contact.addEmail',
  'contact.find',
  'contact.interviewed',
  'contact.log',
  'contact.lookup',
  'contact.matchEmails',
  'contact.notes',
  'contact.replied',
  'contact.stage',
  'meeting.schedule',
  'referral.add',
  'settings.compose',
  'settings.open',
  'templates.list',
  // Issue 16: the warm path on a LinkedIn page, and asking for an introduction from a compose menu.
  'badges.forProfiles',
  'company.people',
  'introducer.save',
  'introducers.forProfile',
  'intro.ask',
  'intro.followedUp',
  'intro.setStatus',
  'network.toPipeline',
];

const ID = 'test-extension-id';
const SENDERS = {
  'the dashboard (extension page)': { id: ID, url: `chrome-extension://${ID}/dashboard.html#/data`, tab: { id: 10, url: `chrome-extension://${ID}/dashboard.html#/data` } },
  'a LinkedIn page (www)': { id: ID, url: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/', tab: { id: 11, url: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' } },
  'a LinkedIn page (country subdomain)': { id: ID, url: 'https://de.linkedin.com/in/olivia-hartmann-8a61b2b4/', tab: { id: 12, url: 'https://de.linkedin.com/in/olivia-hartmann-8a61b2b4/' } },
  'a Gmail page': { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 13, url: 'https://mail.google.com/mail/u/0/#inbox' } },
  'another https site': { id: ID, url: 'https://jobs.example/', tab: { id: 14, url: 'https://jobs.example/' } },
  'a sender with no URL': { id: ID },
  'another extension': { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html' },
} as const;
type SenderName = keyof typeof SENDERS;

function allowed(sender: SenderName, type: RequestType): boolean {
  if (sender === 'the dashboard (extension page)') return true;
  if (sender.startsWith('a LinkedIn') || sender === 'a Gmail page') return REQUESTS[type].from === 'page';
  return false;
}

interface Seeded {
  olivia: string;
  marcus: string;
  attempt: string;
  meeting: string;
  intro: string;
}

/** A valid payload for every request type (a new type fails to compile until it is added here). */
const PAYLOADS: { [T in RequestType]: (s: Seeded) => RequestPayload<T> } = {
  'contact.lookup': (s) => ({ id: s.olivia }),
  'contact.matchEmails': () => ({ emails: ['olivia.hartmann@example.com'] }),
  'contact.search': () => ({ query: 'o', limit: 50 }),
  'contact.find': () => ({ query: 'Oli' }),
  'contact.list': () => undefined,
  'contact.log': () => ({ name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' }),
  'contact.update': (s) => ({ id: s.olivia, patch: { emails: [], notes: '' } }),
  'contact.notes': (s) => ({ contactId: s.olivia, notes: 'Changed from a page' }),
  'contact.addEmail': (s) => ({ contactId: s.marcus, email: 'marcus@example.com' }),
  'contact.delete': (s) => ({ id: s.olivia }),
  'contact.replied': (s) => ({ contactId: s.olivia }),
  'contact.stage': (s) => ({ contactId: s.olivia, stage: 'moved-on' }),
  'contact.snooze': (s) => ({ contactId: s.olivia, until: Date.now() + 86_400_000 }),
  'contact.interviewed': (s) => ({ contactId: s.olivia, meetingId: s.meeting }),
  'attempt.record': (s) => ({ contactId: s.marcus, channel: 'linkedin', kind: 'request' }),
  'attempt.delete': (s) => ({ id: s.attempt }),
  'meeting.schedule': (s) => ({ contactId: s.marcus, scheduledAt: Date.now() + 86_400_000, minutes: 20 }),
  'meeting.update': (s) => ({ id: s.meeting, patch: { notes: 'Overwritten' } }),
  'meeting.delete': (s) => ({ id: s.meeting }),
  'referral.add': (s) => ({ fromContactId: s.olivia, contact: { name: 'Tomas Alvarez' } }),
  'pipeline.summary': () => undefined,
  'due.list': () => undefined,
  'settings.get': () => undefined,
  'settings.compose': () => undefined,
  'settings.open': () => undefined,
  'settings.save': () => ({ userName: 'Someone Else' }),
  'templates.list': () => undefined,
  'template.save': () => ({ id: 'request', name: 'Request', kind: 'request', subject: 'Hi', body: 'Send me your data', short: '' }),
  'template.reset': () => ({ id: 'request' }),
  'backup.export': () => undefined,
  'backup.restore': () => ({
    backup: { format: 'warm-intro-backup', version: 1, exportedAt: 0, contacts: [], attempts: [], meetings: [], referrals: [], templates: [], settings: {} },
  }),
  'data.clear': () => undefined,
  'contacts.import': () => ({ contacts: [{ name: 'Imported Person' }], duplicates: 'skip' }),
  'reminders.check': () => undefined,
  'due.page': () => ({ offset: 0, limit: 500 }),
  'board.cards': () => undefined,
  'insights.get': () => undefined,
  'contact.merge': (s) => ({ keepId: s.olivia, dropId: s.marcus }),
  'network.list': () => ({ limit: 500 }),
  'network.toPipeline': (s) => ({ contactId: s.marcus }),
  'network.moveCandidates': () => undefined,
  'network.moveProspects': () => undefined,
  'network.undoMove': () => ({ token: 'undo-1' }),
  'network.dismissMove': () => undefined,
  'introducers.forProfile': () => ({ name: 'Priya Natarajan', company: 'Acme', mutualNames: ['Olivia Hartmann'] }),
  'company.people': () => ({ company: 'Acme' }),
  'badges.forProfiles': () => ({ profileUrls: ['https://www.linkedin.com/in/priya-natarajan-5c9d0e21/'] }),
  'introducer.save': () => ({
    target: { name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' },
    introducer: { name: 'Tomas Alvarez', profileUrl: 'https://www.linkedin.com/in/tomas-alvarez-77/' },
  }),
  'intro.ask': (s) => ({ introducerId: s.olivia, target: { name: 'Priya Natarajan' }, why: 'Her team builds the product I study' }),
  'intro.setStatus': (s) => ({ id: s.intro, status: 'declined' }),
  'intro.followedUp': (s) => ({ introducerId: s.olivia, introductionId: s.intro }),
  'intro.list': (s) => ({ introducerId: s.olivia }),
};

let db: WarmIntroDB;
let repo: Repository;
let setupMessages: () => void;

beforeAll(async () => {
  ({ setupMessages } = await import('../../entrypoints/background/messages'));
  ({ db, repo } = await import('../../entrypoints/background/context'));
});

beforeEach(() => {
  // The shared setup resets the fake browser (and its listeners) before each test: a woken worker.
  setupMessages();
});

async function seed(): Promise<Seeded> {
  await repo.clearAll();
  await repo.saveSettings({ userName: 'Alex Morgan', notificationStyle: 'off' });
  const olivia = (await repo.logContact({ name: 'Olivia Hartmann', emails: ['olivia.hartmann@example.com'], notes: 'Private note' })).contact;
  const marcus = (await repo.logContact({ name: 'Marcus Lindqvist' })).contact;
  const { attempt } = await repo.recordAttempt({ contactId: olivia.id, channel: 'email', kind: 'request', at: Date.now() - 86_400_000 });
  const meeting = await repo.scheduleMeeting({ contactId: olivia.id, scheduledAt: Date.now() + 3_600_000 });
  // Stored directly: the matrix is about who may ask, not about the introductions' own rules.
  const now = Date.now();
  await db.introductions.put({
    id: 'intro-1', introducerId: olivia.id, targetId: marcus.id, why: 'Works on the team', status: 'suggested',
    askedAt: null, followUpAt: null, followedUpAt: null, resolvedAt: null, createdAt: now, updatedAt: now,
  });
  await db.undo.put({ token: 'undo-1', kind: 'move-prospects', createdAt: now, before: [] });
  return { olivia: olivia.id, marcus: marcus.id, attempt: attempt.id, meeting: meeting.id, intro: 'intro-1' };
}

/** Everything stored, in a stable order: to prove a refusal changed nothing. */
async function everything() {
  const tables = [db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices, db.introductions, db.undo, db.meta] as const;
  return Promise.all(tables.map((t) => t.toArray()));
}

async function send(message: unknown, sender: object): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
  });
}

describe('who may ask the background what', () => {
  it('page scripts may make exactly the page-scoped requests', () => {
    const page = (Object.keys(REQUESTS) as RequestType[]).filter((t) => REQUESTS[t].from === 'page');
    expect(page.sort()).toEqual([...PAGE_TYPES].sort());
  });

  describe.each(Object.keys(SENDERS) as SenderName[])('from %s', (senderName) => {
    it.each(Object.keys(REQUESTS) as RequestType[])('%s', async (type) => {
      const ids = await seed();
      const before = await everything();
      const reply = await send({ type, payload: PAYLOADS[type](ids) }, SENDERS[senderName]);
      if (allowed(senderName, type)) {
        expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
      } else {
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(reply.error!.message.length).toBeGreaterThan(0);
        expect(await everything()).toEqual(before);
      }
    });
  });

  it('refuses before reading the payload, and keeps answering afterwards', async () => {
    await seed();
    const linkedIn = SENDERS['a LinkedIn page (www)'];
    // A malformed payload of a forbidden type is still "forbidden", not a hint about the schema.
    expect(await send({ type: 'backup.restore', payload: 'garbage' }, linkedIn)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send({ type: 'contact.list', payload: { __proto__: null } }, SENDERS['another https site'])).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (let i = 0; i < 20; i++) await send({ type: 'data.clear' }, linkedIn);
    expect(await send({ type: 'contact.lookup', payload: { email: 'olivia.hartmann@example.com' } }, linkedIn)).toMatchObject({
      ok: true,
      data: { contact: { name: 'Olivia Hartmann' } },
    });
    expect(await send({ type: 'pipeline.summary' }, SENDERS['the dashboard (extension page)'])).toMatchObject({ ok: true, data: { total: 2 } });
  });
});
