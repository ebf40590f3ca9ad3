/** Meetings — scheduling, notes, the meeting held — and the referrals asked for at them. */
import { Meeting, Referral, type Contact } from '../schemas';
import { logContact } from './contacts';
import { newId, parse, RepoError } from './core';
import type { Repository } from './index';
import type { ContactDraft, MeetingPatch } from './types';

export async function scheduleMeeting(repo: Repository, input: { contactId: string; scheduledAt: number; minutes?: number }): Promise<Meeting> {
  const db = repo.db;
  const now = repo.now();
  const settings = await repo.settings();
  return repo.write(async (touch) => {
    const contact = await repo.contact(input.contactId);
    touch(contact.id);
    const meeting = parse(
      Meeting,
      { minutes: settings.meetingMinutes, ...input, id: newId(), createdAt: now, updatedAt: now },
      'meeting',
    );
    await db.meetings.add(meeting);
    if (['prospect', 'requested', 'moved-on'].includes(contact.stage)) {
      await db.contacts.put({ ...contact, stage: 'scheduled', updatedAt: now });
    }
    return meeting;
  });
}

export async function updateMeeting(repo: Repository, id: string, patch: MeetingPatch): Promise<Meeting> {
  return repo.write(async (touch) => {
    const current = await repo.db.meetings.get(id);
    if (!current) throw new RepoError('not-found', 'That meeting no longer exists.');
    touch(current.contactId);
    const next = parse(Meeting, { ...current, ...patch, id, updatedAt: repo.now() }, 'meeting');
    await repo.db.meetings.put(next);
    return next;
  });
}

export async function deleteMeeting(repo: Repository, id: string): Promise<void> {
  await repo.write(async (touch) => {
    const meeting = await repo.db.meetings.get(id);
    await repo.db.meetings.delete(id);
    if (meeting) touch(meeting.contactId);
  });
}

/** The meeting happened: it is held, and the contact is "interviewed" (thank-you now due). */
export async function markInterviewed(repo: Repository, contactId: string, meetingId?: string): Promise<Contact> {
  const db = repo.db;
  const now = repo.now();
  return repo.write(async (touch) => {
    const contact = await repo.contact(contactId);
    touch(contactId);
    const meetings = await db.meetings.where('contactId').equals(contactId).sortBy('scheduledAt');
    const meeting = meetingId ? meetings.find((m) => m.id === meetingId) : meetings.filter((m) => !m.held).at(-1);
    if (meeting) {
      await db.meetings.put({ ...meeting, held: true, updatedAt: now });
    } else {
      // Met without scheduling through Warm Intro: record the meeting as held now.
      await db.meetings.add(
        parse(Meeting, { id: newId(), contactId, scheduledAt: now, held: true, createdAt: now, updatedAt: now }, 'meeting'),
      );
    }
    // A snooze from before the meeting ("prepared") must not hold back the thank-you.
    const next = { ...contact, stage: 'interviewed' as const, snoozedUntil: null, updatedAt: now };
    await db.contacts.put(next);
    return next;
  });
}

/**
 * "Who else should I talk to?": log the person `fromContactId` suggested, with them as referrer,
 * and remember the referral for the tree.
 */
export async function addReferral(
  repo: Repository,
  input: {
    fromContactId: string;
    contact: ContactDraft | { id: string };
    mayUseName?: boolean;
  },
): Promise<{ referral: Referral; contact: Contact }> {
  const db = repo.db;
  // One transaction: a referral refused below leaves no half-logged person behind.
  return repo.write(async () => {
    const from = await repo.contact(input.fromContactId);
    const target =
      'id' in input.contact
        ? await repo.contact(input.contact.id)
        : (await logContact(repo, { ...input.contact, referrer: { type: 'contact', contactId: from.id } })).contact;
    if (target.id === from.id) throw new RepoError('bad-request', 'A contact cannot refer themselves.');
    const existing = await db.referrals.where('[fromContactId+toContactId]').equals([from.id, target.id]).first();
    let contact = target;
    if (!target.referrer) {
      contact = { ...target, referrer: { type: 'contact', contactId: from.id }, updatedAt: repo.now() };
      await db.contacts.put(contact);
    }
    if (existing) return { referral: existing, contact };
    const referral = parse(
      Referral,
      { id: newId(), fromContactId: from.id, toContactId: target.id, mayUseName: input.mayUseName ?? true, createdAt: repo.now() },
      'referral',
    );
    await db.referrals.add(referral);
    return { referral, contact };
  });
}
