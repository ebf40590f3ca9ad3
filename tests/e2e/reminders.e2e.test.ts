import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

declare const chrome: any;
const DAY = 24 * 60 * 60 * 1000;
const ALARM = 'warm-intro:reminders';

describe('reminders survive the service worker (real Chromium)', () => {
  let context: BrowserContext;
  let extensionId: string;
  let page: Page;

  beforeAll(async () => {
    ({ context, extensionId } = await launch());
    page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
  });
  afterAll(async () => {
    await context?.close();
  });

  const send = (type: string, payload?: unknown) => bg(page, type, payload);
  const badge = () => page.evaluate(() => chrome.action.getBadgeText({}));
  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().includes(extensionId)) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  /** Fire the real named alarm (unpacked extensions may set it to go off at once). */
  const fireAlarm = async () => {
    const w = await worker();
    await w.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 10 }), ALARM);
  };

  it('badges and notifies an overdue follow-up once, even after the worker is stopped', async () => {
    const { contact } = await send('contact.log', { name: 'Olivia Hartmann', emails: ['olivia.hartmann@example.com'] });
    await send('settings.save', { notificationStyle: 'each' });
    await send('attempt.record', { contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 15 * DAY });
    await fireAlarm();
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');
    await expect.poll(async () => (await send('backup.export')).notices.length).toBe(1);

    // Stop the service worker the way Chrome does when it is idle.
    const cdp = await context.newCDPSession(page);
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const v of versions) if (v.scriptURL.includes(extensionId)) status.set(v.scriptURL, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => [...status.values()].join()).toBe('running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => [...status.values()].join(), { timeout: 10_000 }).toBe('stopped');

    // Wake it with a message, then let the alarm fire again.
    expect((await send('pipeline.summary')).dueNow).toBe(1);
    await expect.poll(() => [...status.values()].join()).toBe('running');
    await fireAlarm();
    await page.waitForTimeout(1500);
    expect(await badge()).toBe('1');
    expect((await send('backup.export')).notices.length).toBe(1);
  });

  it('clears the badge within a second of the write that settles it', async () => {
    const [view] = (await send('contact.matchEmails', { emails: ['olivia.hartmann@example.com'] })) as any[];
    await send('contact.replied', { contactId: view.contact.id });
    await expect.poll(badge, { timeout: 1000, interval: 100 }).toBe('');
  });
});
