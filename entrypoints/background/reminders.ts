import { browser } from 'wxt/browser';
import { announceChange } from '../../lib/changes';
import { badgeText, REMINDER_ALARM, REMINDER_PERIOD_MINUTES, reminderText, takeNewReminders } from '../../lib/reminders';
import { repo } from './context';

const DASHBOARD = '/dashboard.html' as const;

export async function refreshBadge(): Promise<number> {
  const due = await repo.due();
  await browser.action.setBadgeText({ text: badgeText(due.length) });
  await browser.action.setBadgeBackgroundColor({ color: '#c2410c' });
  return due.length;
}

/** Recompute what is due, update the badge, and notify each newly due action once. */
export async function checkReminders(): Promise<number> {
  const now = Date.now();
  const due = await repo.due(now);
  await browser.action.setBadgeText({ text: badgeText(due.length) });
  const settings = await repo.settings();
  const fresh = await takeNewReminders(repo, due);
  if (settings.notificationStyle === 'off' || fresh.length === 0) return due.length;
  if (settings.notificationStyle === 'digest') {
    await browser.notifications.create(`digest:${now}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Warm Intro: ${fresh.length} thing${fresh.length === 1 ? '' : 's'} to do`,
      message: fresh.map((f) => f.status.next?.label ?? f.contact.name).slice(0, 4).join(' · '),
    });
    return due.length;
  }
  for (const item of fresh) {
    const meetings = await repo.db.meetings.where('contactId').equals(item.contact.id).sortBy('scheduledAt');
    const lastHeld = meetings.filter((m) => m.held).at(-1)?.scheduledAt ?? null;
    const { title, message } = reminderText(item, now, lastHeld);
    await browser.notifications.create(`contact:${item.contact.id}:${item.status.next?.action}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      // Firefox shows no notification buttons (and rejects the option).
      ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: 'Snooze 3 days' }, { title: 'Open dashboard' }] }),
    });
  }
  return due.length;
}

function contactIdOf(notificationId: string): string | null {
  const m = /^contact:([^:]+):/.exec(notificationId);
  return m?.[1] ?? null;
}

async function openDashboard(contactId: string | null): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL(DASHBOARD)}${contactId ? `#/contact/${contactId}` : ''}` });
}

export function setupReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void checkReminders();
  });
  browser.runtime.onInstalled.addListener(() => {
    void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: REMINDER_PERIOD_MINUTES, delayInMinutes: 1 });
    void checkReminders();
  });
  browser.runtime.onStartup.addListener(() => {
    void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: REMINDER_PERIOD_MINUTES, delayInMinutes: 1 });
    void checkReminders();
  });
  browser.notifications.onClicked.addListener((id) => {
    void openDashboard(contactIdOf(id));
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    const contactId = contactIdOf(id);
    void browser.notifications.clear(id);
    if (button === 0 && contactId) {
      void repo
        .snooze(contactId, Date.now() + 3 * 24 * 60 * 60 * 1000)
        .then(() => Promise.all([announceChange(), checkReminders()]));
    } else {
      void openDashboard(contactId);
    }
  });
}
