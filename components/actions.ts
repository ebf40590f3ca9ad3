/** What "done" means for each due action, shared by the popup, the sidebar and the dashboard. */
import type { NextAction } from '../lib/cadence';
import { ask } from '../lib/client';
import type { Contact } from '../lib/schemas';

export const SNOOZE_MS = 3 * 24 * 60 * 60 * 1000;

export function gmailComposeUrl(contact: Contact): string | null {
  const to = contact.emails[0];
  return to ? `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(to)}` : null;
}

export const DONE_LABEL: Record<NextAction, string> = {
  'follow-up': 'Followed up',
  'thank-you': 'Thanked',
  'keep-in-touch': 'Sent update',
  prepare: 'Prepared',
  'move-on': 'Move on',
  'intro-follow-up': 'Followed up',
};

export async function markDone(contact: Contact, action: NextAction, dueAt: number, now = Date.now()): Promise<void> {
  const channel = 'other' as const;
  switch (action) {
    case 'follow-up':
      await ask('attempt.record', { contactId: contact.id, channel, kind: 'follow-up', at: now });
      return;
    case 'thank-you':
      await ask('attempt.record', { contactId: contact.id, channel, kind: 'thank-you', at: now });
      return;
    case 'keep-in-touch':
      await ask('attempt.record', { contactId: contact.id, channel, kind: 'update', at: now });
      return;
    case 'prepare':
      // Prepared: nothing more to do until the meeting itself (due a day before it).
      await ask('contact.snooze', { contactId: contact.id, until: dueAt + 24 * 60 * 60 * 1000 });
      return;
    case 'move-on':
      await ask('contact.stage', { contactId: contact.id, stage: 'moved-on' });
      return;
    case 'intro-follow-up':
      await ask('intro.followedUp', { introducerId: contact.id, at: now });
      return;
  }
}

export async function snooze(contact: Contact, now = Date.now()): Promise<void> {
  await ask('contact.snooze', { contactId: contact.id, until: now + SNOOZE_MS });
}
