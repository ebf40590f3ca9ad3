/**
 * Turning due actions into a badge and notifications. Pure where it can be: the text of a reminder
 * is a function of the due item and `now`; which reminders were already shown lives in the database
 * (`notices`), so a service worker killed and woken again never repeats one.
 */
import type { DueItem, Repository } from './repository';

export const REMINDER_ALARM = 'warm-intro:reminders';
export const REMINDER_PERIOD_MINUTES = 15;

export function badgeText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 99 ? '99+' : String(dueCount);
}

export function noticeId(item: DueItem): string {
  const next = item.status.next;
  return `${item.contact.id}:${next?.action ?? 'none'}:${next?.dueAt ?? 0}`;
}

const DAY = 24 * 60 * 60 * 1000;

function whenMet(meetingAt: number, now: number): string {
  const days = Math.floor((now - meetingAt) / DAY);
  if (days <= 0) return 'you met today';
  if (days === 1) return 'you met yesterday';
  return `you met ${days} days ago`;
}

/** The words of one reminder, as a person would say them. */
export function reminderText(item: DueItem, now: number, lastMeetingAt: number | null): { title: string; message: string } {
  const { contact, status } = item;
  const first = contact.name.split(' ')[0] ?? contact.name;
  switch (status.next?.action) {
    case 'follow-up':
      return {
        title: `Follow up with ${contact.name} (attempt ${status.attemptsUsed + 1} of ${status.attemptsAllowed})`,
        message: 'No reply yet. A short, friendly nudge respects their time.',
      };
    case 'thank-you':
      return {
        title: `Thank ${contact.name} — ${lastMeetingAt === null ? 'you met recently' : whenMet(lastMeetingAt, now)}`,
        message: 'A thank-you note within two days; mention one thing you learned.',
      };
    case 'keep-in-touch':
      return { title: `Keep in touch with ${contact.name}`, message: 'Close the loop: tell them what you did with their advice.' };
    case 'prepare':
      return { title: `Prepare for ${first}`, message: 'Your meeting is soon: pick 3–6 questions and read up on them.' };
    case 'intro-follow-up':
      return {
        title: `Follow up with ${contact.name} about your introduction request`,
        message: 'One short, friendly nudge; after that, leave it with them.',
      };
    case 'move-on':
      return {
        title: `No reply from ${first} after ${status.attemptsUsed} attempt${status.attemptsUsed === 1 ? '' : 's'}: move on?`,
        message: 'The 3/6 rule is used up. Send a polite last note, or simply move on.',
      };
    default:
      return { title: contact.name, message: status.next?.label ?? '' };
  }
}

/** Where reminders show: the toolbar badge and system notifications (browser APIs in the worker). */
export interface ReminderSurface {
  setBadge(text: string): Promise<void>;
  notify(id: string, content: { title: string; message: string; buttons: boolean }): Promise<void>;
}

export async function refreshBadge(repo: Repository, surface: ReminderSurface, now = Date.now()): Promise<number> {
  const due = await repo.due(now);
  await surface.setBadge(badgeText(due.length));
  return due.length;
}

/**
 * Recompute what is due, update the badge, and notify each newly due action once (or one digest,
 * or nothing, as the settings say). Returns how many actions are due. With `only` (after a write:
 * the people it touched), single reminders are looked for among those people alone — nobody else's
 * due actions changed, and the alarm and start-up checks still look at everyone.
 */
export async function checkReminders(repo: Repository, surface: ReminderSurface, now = Date.now(), only?: ReadonlySet<string>): Promise<number> {
  const due = await repo.due(now);
  await surface.setBadge(badgeText(due.length));
  const settings = await repo.settings();
  if (settings.notificationStyle === 'off') return due.length;
  if (settings.notificationStyle === 'digest') {
    // One notification a day, for everything due then; remembered like single reminders are.
    if (due.length === 0) return due.length;
    const day = localDay(now);
    const fresh = await repo.markNotified([{ id: `digest:${day}`, contactId: 'digest', action: 'digest', dueAt: now }]);
    if (fresh.size === 0) return due.length;
    await surface.notify(`digest:${day}`, {
      title: `Warm Intro: ${due.length} thing${due.length === 1 ? '' : 's'} to do today`,
      message: due
        .slice(0, 4)
        .map((f) => `${f.contact.name}: ${f.status.next?.label ?? ''}`)
        .join('\n'),
      buttons: false,
    });
    return due.length;
  }
  // Marked as shown before showing: a worker killed in between loses one reminder rather than
  // repeating it forever.
  const fresh = await takeNewReminders(repo, only ? due.filter((item) => only.has(item.contact.id)) : due);
  for (const item of fresh) {
    const meetings = await repo.db.meetings.where('contactId').equals(item.contact.id).sortBy('scheduledAt');
    const lastHeld = meetings.filter((m) => m.held).at(-1)?.scheduledAt ?? null;
    const text = reminderText(item, now, lastHeld);
    await surface.notify(`contact:${item.contact.id}:${item.status.next?.action}`, { ...text, buttons: true });
  }
  return due.length;
}

/** The calendar day of `now` where the user is, e.g. `2026-11-23`: one digest per such day. */
export function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The contact a notification is about, from its id. */
export function notificationContactId(notificationId: string): string | null {
  const m = /^contact:([^:]+):/.exec(notificationId);
  return m?.[1] ?? null;
}

/** Due items not shown before; marks them shown (one transaction, whatever their number). */
export async function takeNewReminders(repo: Repository, due: DueItem[]): Promise<DueItem[]> {
  const items = due.filter((item) => item.status.next);
  const fresh = await repo.markNotified(
    items.map((item) => ({
      id: noticeId(item),
      contactId: item.contact.id,
      action: item.status.next!.action,
      dueAt: item.status.next!.dueAt,
    })),
  );
  return items.filter((item) => fresh.has(noticeId(item)));
}
