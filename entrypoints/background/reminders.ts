import { browser } from 'wxt/browser';
import { announceChange } from '../../lib/changes';
import {
  checkReminders as check,
  notificationContactId,
  refreshBadge as refresh,
  REMINDER_ALARM,
  REMINDER_PERIOD_MINUTES,
  type ReminderSurface,
} from '../../lib/reminders';
import { repo } from './context';

const surface: ReminderSurface = {
  async setBadge(text) {
    // Chrome's MV3 `action`; Firefox's MV2 build has `browserAction` instead.
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ text });
    await action.setBadgeBackgroundColor({ color: '#c2410c' });
  },
  async notify(id, { title, message, buttons }) {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      // Firefox shows no notification buttons (and rejects the option).
      ...(buttons && !import.meta.env.FIREFOX ? { buttons: [{ title: 'Snooze 3 days' }, { title: 'Open dashboard' }] } : {}),
    });
  },
};

export const refreshBadge = () => refresh(repo, surface);
export const checkReminders = () => check(repo, surface);
/** After a write: reminders looked for among the people it touched only. */
export const checkRemindersAfterWrite = () => check(repo, surface, Date.now(), repo.takeTouched());

async function openDashboard(contactId: string | null): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  await browser.tabs.create({ url: contactId ? `${base}#/contact/${contactId}` : base });
}

/** For event listeners: a failing badge or notification is logged, not left unhandled. */
function checkNow(): void {
  checkReminders().catch((error: unknown) => console.warn('[warm-intro] reminder check failed', error));
}

function ensureAlarm(): void {
  void browser.alarms.get(REMINDER_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(REMINDER_ALARM, { periodInMinutes: REMINDER_PERIOD_MINUTES, delayInMinutes: 1 });
  });
}

export function setupReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) checkNow();
  });
  browser.runtime.onInstalled.addListener(() => {
    ensureAlarm();
    checkNow();
  });
  browser.runtime.onStartup.addListener(() => {
    ensureAlarm();
    checkNow();
  });
  browser.notifications.onClicked.addListener((id) => {
    void openDashboard(notificationContactId(id));
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    const contactId = notificationContactId(id);
    void browser.notifications.clear(id);
    if (button === 0 && contactId) {
      void repo
        .snooze(contactId, Date.now() + 3 * 24 * 60 * 60 * 1000)
        .then(() => Promise.all([announceChange(), checkReminders()]))
        .catch((error: unknown) => console.warn('[warm-intro] snooze from a notification failed', error));
    } else {
      void openDashboard(contactId);
    }
  });
}
