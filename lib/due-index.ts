/**
 * The due index: each contact stores `nextDueAt`, the earliest time an action of theirs can fall
 * due (or null). Reminders then read only the contacts whose time has come, through an index,
 * instead of every contact, attempt and meeting — the difference between a few milliseconds and
 * half a second per write at 10,000 contacts. The repository keeps it current inside every write's
 * transaction; the database upgrade fills it in for older data.
 */
import { contactStatus } from './cadence';
import type { Attempt, Contact, Introduction, Meeting, Settings } from './schemas';

/** `nextDueAt` for each contact whose stored value is out of date, keyed by contact id. */
export function dueIndexChanges(
  contacts: Contact[],
  attempts: Attempt[],
  meetings: Meeting[],
  settings: Settings,
  now: number,
  introductions: Introduction[] = [],
): Map<string, number | null> {
  const byContact = groupByContact(attempts, meetings, introductions);
  const changes = new Map<string, number | null>();
  for (const contact of contacts) {
    const records = byContact.get(contact.id) ?? { attempts: [], meetings: [], introductions: [] };
    const next = contactStatus({ contact, ...records }, settings, now).next?.dueAt ?? null;
    // A meeting under way, not yet marked held, can make a thank-you due once it ends (when the
    // stage already says they met): look again then, even with nothing due before.
    const ends = records.meetings.filter((m) => !m.held).map((m) => m.scheduledAt + m.minutes * 60_000).filter((end) => end > now);
    const due = ends.length ? Math.min(next ?? Infinity, ...ends) : next;
    if (due !== (contact.nextDueAt ?? null) || contact.nextDueAt === undefined) changes.set(contact.id, due);
  }
  return changes;
}

export interface ContactRecordLists {
  attempts: Attempt[];
  meetings: Meeting[];
  /** Introductions the contact was asked to make (as introducer): their follow-up is due on them. */
  introductions: Introduction[];
}

/** Each contact's attempts, meetings and introductions (as introducer), from flat lists. */
export function groupByContact(attempts: Attempt[], meetings: Meeting[], introductions: Introduction[] = []): Map<string, ContactRecordLists> {
  const map = new Map<string, ContactRecordLists>();
  const slot = (id: string) => {
    let s = map.get(id);
    if (!s) map.set(id, (s = { attempts: [], meetings: [], introductions: [] }));
    return s;
  };
  for (const a of attempts) slot(a.contactId).attempts.push(a);
  for (const m of meetings) slot(m.contactId).meetings.push(m);
  for (const i of introductions) slot(i.introducerId).introductions.push(i);
  return map;
}
