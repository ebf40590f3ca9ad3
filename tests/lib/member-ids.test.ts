/**
 * Member ids (issue 12): a LinkedIn member id ("ACoAA…") identifies the person behind
 * `/in/<member id>/` links (messages, chat bubbles, invitations). Such a link finds the contact logged
 * from the vanity URL, and two records of one person merge, keeping everything.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { createServer } from '../../lib/server';
import { EXTENSION_PAGE } from '../../lib/senders';

const MEMBER = 'ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const VANITY = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const BY_MEMBER = `https://www.linkedin.com/in/${MEMBER}/`;
const DAY = 86_400_000;
let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

describe('member ids', () => {
  it('are stored with the contact, case kept, and an /in/<member id>/ link finds the contact logged from the vanity URL', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: VANITY, memberId: MEMBER });
    expect(contact.memberId).toBe(MEMBER);
    expect((await repo.lookup({ profileUrl: BY_MEMBER }))?.contact.id).toBe(contact.id);
    expect((await repo.lookup({ profileUrl: `https://nl.linkedin.com/in/${MEMBER}/?trk=x` }))?.contact.id).toBe(contact.id);
    expect((await repo.lookup({ memberId: MEMBER }))?.contact.id).toBe(contact.id);
    // Case matters: a member id with other letters is someone else.
    expect(await repo.lookup({ memberId: MEMBER.toLowerCase().replace(/^ac/, 'AC') })).toBeNull();
  });

  it('are read from a profile URL of the /in/<member id>/ form', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: BY_MEMBER });
    expect(contact.memberId).toBe(MEMBER);
    expect(contact.profileUrl).toBe(BY_MEMBER);
  });

  it('refuses a value that is not a member id, writing nothing', async () => {
    await expect(repo.logContact({ name: 'Olivia Hartmann', memberId: 'not-an-id' })).rejects.toThrow(/member id/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('logging a person by member id updates the record found by vanity URL (and the other way round)', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: VANITY, memberId: MEMBER });
    const again = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: BY_MEMBER, location: 'Austin' });
    expect(again.created).toBe(false);
    expect(again.contact).toMatchObject({ id: contact.id, profileUrl: VANITY, location: 'Austin' });
    // Known by member id only, then seen with the vanity URL too: the vanity URL is filled in.
    const { contact: ravi } = await repo.logContact({ name: 'Ravi Shah', profileUrl: 'https://www.linkedin.com/in/ACoAAZzYyXxWwVvUuTtSsRrQqPp0987654321/' });
    const seen = await repo.logContact({ name: 'Ravi Shah', profileUrl: 'https://www.linkedin.com/in/ravi-shah/', memberId: 'ACoAAZzYyXxWwVvUuTtSsRrQqPp0987654321' });
    expect(seen.contact.id).toBe(ravi.id);
    expect(seen.contact.profileUrl).toBe('https://www.linkedin.com/in/ravi-shah/');
    expect(seen.contact.memberId).toBe('ACoAAZzYyXxWwVvUuTtSsRrQqPp0987654321');
    expect(await db.contacts.count()).toBe(2);
  });

  it('an attempt sent from a /messaging/ thread that links /in/<member id>/ counts on the vanity-logged contact', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: VANITY, memberId: MEMBER });
    const server = createServer(repo);
    const found = (await server({ type: 'contact.lookup', payload: { profileUrl: BY_MEMBER } }, EXTENSION_PAGE)) as { ok: true; data: { contact: { id: string } } };
    expect(found.data.contact.id).toBe(contact.id);
    await repo.recordAttempt({ contactId: found.data.contact.id, channel: 'linkedin', kind: 'request' });
    expect((await repo.lookup({ profileUrl: VANITY }))?.status.attemptsUsed).toBe(1);
  });
});

describe('merging two records of one person', () => {
  async function twoRecords() {
    const { contact: vanity } = await repo.logContact({
      name: 'Olivia Hartmann',
      profileUrl: VANITY,
      emails: ['olivia@example.com'],
      tags: ['product'],
      notes: 'Met at the meetup.',
      company: 'Northwind',
    });
    now += DAY;
    const { contact: referrer } = await repo.logContact({ name: 'Marcus Lindqvist' });
    const { contact: byMember } = await repo.logContact({
      name: 'Olivia Hartmann',
      profileUrl: BY_MEMBER,
      emails: ['o.hartmann@example.org'],
      tags: ['saas'],
      notes: 'Wrote back on LinkedIn.',
      referrer: { type: 'contact', contactId: referrer.id },
    });
    expect(byMember.id).not.toBe(vanity.id);
    await repo.recordAttempt({ contactId: vanity.id, channel: 'email', kind: 'request', at: now - DAY });
    await repo.recordAttempt({ contactId: byMember.id, channel: 'linkedin', kind: 'follow-up', at: now });
    await repo.scheduleMeeting({ contactId: byMember.id, scheduledAt: now + 3 * DAY });
    // Someone Olivia (by member id) suggested, and someone who names her as referrer.
    await repo.addReferral({ fromContactId: byMember.id, contact: { name: 'Priya Natarajan' } });
    return { vanity, byMember, referrer };
  }

  it('happens automatically when a log links the vanity URL and the member id, keeping everything', async () => {
    const { vanity, byMember, referrer } = await twoRecords();
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: VANITY, memberId: MEMBER });
    expect(contact.id).toBe(vanity.id); // the older record stays
    expect(await db.contacts.get(byMember.id)).toBeUndefined();
    expect(contact).toMatchObject({
      profileUrl: VANITY,
      memberId: MEMBER,
      company: 'Northwind',
      referrer: { type: 'contact', contactId: referrer.id },
      stage: 'scheduled',
    });
    expect(contact.emails.sort()).toEqual(['o.hartmann@example.org', 'olivia@example.com']);
    expect(contact.tags.sort()).toEqual(['product', 'saas']);
    expect(contact.notes).toBe('Met at the meetup.\n\nWrote back on LinkedIn.');
    const view = (await repo.lookup({ profileUrl: BY_MEMBER }))!;
    expect(view.contact.id).toBe(vanity.id);
    expect(view.attempts.map((a) => a.kind)).toEqual(['request', 'follow-up']);
    expect(view.status.attemptsUsed).toBe(2);
    expect(view.meetings).toHaveLength(1);
    expect(view.referred.map((c) => c.name)).toEqual(['Priya Natarajan']);
    const priya = (await repo.search('Priya'))[0]!;
    expect(priya.referrer).toEqual({ type: 'contact', contactId: vanity.id });
    expect(await db.attempts.where('contactId').equals(byMember.id).count()).toBe(0);
  });

  it('can be asked for by hand (contact.merge), and the due index follows', async () => {
    const { vanity, byMember } = await twoRecords();
    const merged = await repo.mergeContacts(byMember.id, vanity.id);
    expect(merged.id).toBe(vanity.id);
    expect(merged.memberId).toBe(MEMBER);
    expect(merged.profileUrl).toBe(VANITY);
    expect(await db.contacts.count()).toBe(3);
    // The meeting moved with her: preparing for it is what is due next.
    expect((await db.contacts.get(vanity.id))?.nextDueAt).toBe(now + 2 * DAY);
    await expect(repo.mergeContacts(vanity.id, vanity.id)).rejects.toThrow(/two different/);
  });

  it('keeps one introduction per introducer and target, the further along', async () => {
    const { vanity, byMember } = await twoRecords();
    const { contact: target } = await repo.logContact({ name: 'Sam Lee', company: 'Contoso', inPipeline: 0 });
    const a = await repo.askIntroduction({ introducerId: vanity.id, target: { id: target.id } });
    const b = await repo.askIntroduction({ introducerId: byMember.id, target: { id: target.id } });
    await repo.setIntroductionStatus(b.introduction.id, 'introduced');
    await repo.mergeContacts(vanity.id, byMember.id);
    const intros = await db.introductions.toArray();
    expect(intros).toHaveLength(1);
    expect(intros[0]).toMatchObject({ id: a.introduction.id, introducerId: vanity.id, status: 'introduced' });
    expect((await repo.contact(target.id)).referrer).toEqual({ type: 'contact', contactId: vanity.id });
  });
});
