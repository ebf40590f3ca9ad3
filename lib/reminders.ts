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
    case 'move-on':
      return {
        title: `No reply from ${first} after ${status.attemptsUsed} attempt${status.attemptsUsed === 1 ? '' : 's'}: move on?`,
        message: 'The 3/6 rule is used up. Send a polite last note, or simply move on.',
      };
    default:
      return { title: contact.name, message: status.next?.label ?? '' };
  }
}

/** Due items not shown before; marks them shown. */
export async function takeNewReminders(repo: Repository, due: DueItem[]): Promise<DueItem[]> {
  const fresh: DueItem[] = [];
  for (const item of due) {
    if (!item.status.next) continue;
    const isNew = await repo.markNotified({
      id: noticeId(item),
      contactId: item.contact.id,
      action: item.status.next.action,
      dueAt: item.status.next.dueAt,
    });
    if (isNew) fresh.push(item);
  }
  return fresh;
}
