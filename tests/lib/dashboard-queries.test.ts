import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { EXTENSION_PAGE } from '../../lib/senders';
import { createServer, isWrite } from '../../lib/server';

const DAY = 24 * 60 * 60 * 1000;
let db: WarmIntroDB;
let repo: Repository;
const now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(() => db.delete());

describe('board cards', () => {
  it('gives every contact its stage, referrer name and next action', async () => {
    const { contact: sam } = await repo.logContact({ name: 'Sam Lee' });
    const { contact: maria } = await repo.logContact({ name: 'Maria Lopez', tags: ['design'], referrer: { type: 'contact', contactId: sam.id } });
    const { contact: omar } = await repo.logContact({ name: 'Omar Haddad', referrer: { type: 'name', name: 'Aunt June' } });
    await repo.recordAttempt({ contactId: maria.id, channel: 'email', kind: 'request', at: now - 20 * DAY });
    const cards = await repo.board();
    const by = new Map(cards.map((c) => [c.id, c]));
    expect(by.get(maria.id)).toMatchObject({
      stage: 'requested',
      referrerName: 'Sam Lee',
      tags: ['design'],
      next: { action: 'follow-up', dueAt: now - 6 * DAY },
    });
    expect(by.get(omar.id)).toMatchObject({ stage: 'prospect', referrerName: 'Aunt June', next: null });
    expect(by.get(sam.id)?.referrerName).toBeNull();
  });
});

describe('due actions a page at a time', () => {
  it('pages the due list and reports the total', async () => {
    for (let i = 0; i < 7; i++) {
      const { contact } = await repo.logContact({ name: `P${i}` });
      await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: now - (15 + i) * DAY });
    }
    const first = await repo.duePage(0, 5);
    const rest = await repo.duePage(5, 5);
    expect(first.total).toBe(7);
    expect(first.items.map((i) => i.contact.name)).toEqual(['P6', 'P5', 'P4', 'P3', 'P2']);
    expect(rest.items.map((i) => i.contact.name)).toEqual(['P1', 'P0']);
  });
});

describe('insights', () => {
  it('counts replies, notes per reply, interviews and referrals, and builds the referral tree', async () => {
    const { contact: sam } = await repo.logContact({ name: 'Sam Lee', tags: ['mentor'] });
    const { contact: maria } = await repo.logContact({ name: 'Maria Lopez', tags: ['design', 'nonprofit'], referrer: { type: 'contact', contactId: sam.id } });
    const { contact: silent } = await repo.logContact({ name: 'Nora Silent', referrer: { type: 'name', name: 'Aunt June' } });
    await repo.recordAttempt({ contactId: maria.id, channel: 'email', kind: 'request', at: now - 30 * DAY });
    await repo.recordAttempt({ contactId: maria.id, channel: 'email', kind: 'follow-up', at: now - 16 * DAY });
    await repo.recordAttempt({ contactId: silent.id, channel: 'email', kind: 'request', at: now - 30 * DAY });
    await repo.recordAttempt({ contactId: silent.id, channel: 'email', kind: 'follow-up', at: now - 16 * DAY });
    const m = await repo.scheduleMeeting({ contactId: maria.id, scheduledAt: now - 3 * DAY });
    await repo.markInterviewed(maria.id, m.id);
    await repo.updateMeeting(m.id, {
      askedForReferrals: true,
      reflection: { fit: 'Research suits me', perceptions: 'More research than I thought', training: 'research methods', nextStep: 'Email Lena' },
    });
    const { contact: lena } = (await repo.addReferral({ fromContactId: maria.id, contact: { name: 'Lena Fischer' } }));
    const m2 = await repo.scheduleMeeting({ contactId: lena.id, scheduledAt: now - DAY });
    await repo.markInterviewed(lena.id, m2.id);
    await repo.updateMeeting(m2.id, { reflection: { fit: '', perceptions: 'Less research than Maria said', training: '', nextStep: '' } });

    const insights = await repo.insights();
    expect(insights).toMatchObject({
      contacts: 4,
      requested: 2,
      replied: 1,
      outreachAttempts: 4,
      interviewed: 2,
      askedForReferrals: 1,
      referralsFromInterviews: 1,
    });
    expect(insights.tree).toEqual([
      {
        id: null,
        name: 'Aunt June',
        stage: null,
        interviewed: false,
        asked: null,
        children: [{ id: silent.id, name: 'Nora Silent', stage: 'requested', interviewed: false, asked: null, children: [] }],
      },
      {
        id: sam.id,
        name: 'Sam Lee',
        stage: 'prospect',
        interviewed: false,
        asked: null,
        children: [
          {
            id: maria.id,
            name: 'Maria Lopez',
            stage: 'interviewed',
            interviewed: true,
            asked: true,
            children: [{ id: lena.id, name: 'Lena Fischer', stage: 'interviewed', interviewed: true, asked: false, children: [] }],
          },
        ],
      },
    ]);
    expect(insights.themes).toEqual([
      { tag: 'design', count: 1 },
      { tag: 'nonprofit', count: 1 },
    ]);
    expect(insights.reflectionWords).toEqual([{ word: 'research', count: 2 }]);
    expect(insights.nextSteps).toEqual([{ contactId: maria.id, name: 'Maria Lopez', nextStep: 'Email Lena', at: now }]);
  });

  it('survives a referral cycle', async () => {
    const { contact: a } = await repo.logContact({ name: 'A Person' });
    const { contact: b } = await repo.logContact({ name: 'B Person' });
    await repo.addReferral({ fromContactId: a.id, contact: { id: b.id } });
    await repo.addReferral({ fromContactId: b.id, contact: { id: a.id } });
    const { tree } = await repo.insights();
    const names = (nodes: typeof tree): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);
    expect(names(tree).sort()).toEqual(['A Person', 'B Person']);
  });
});

describe('the new requests', () => {
  it('answers board.cards, due.page and insights.get as reads (no after-write work)', async () => {
    const server = createServer(repo);
    const handle = (raw: unknown) => server(raw, EXTENSION_PAGE);
    await repo.logContact({ name: 'Someone' });
    expect(await handle({ type: 'board.cards' })).toMatchObject({ ok: true, data: [{ name: 'Someone' }] });
    expect(await handle({ type: 'due.page', payload: { offset: 0, limit: 20 } })).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    expect(await handle({ type: 'insights.get' })).toMatchObject({ ok: true, data: { contacts: 1 } });
    expect(await handle({ type: 'due.page', payload: { offset: -1, limit: 20 } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(['board.cards', 'due.page', 'insights.get'].filter(isWrite)).toEqual([]);
  });
});
