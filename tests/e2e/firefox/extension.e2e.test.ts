import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION, launchFirefox } from '../../harness/firefox.mjs';
import { bg, countTestId, testIdText } from './support';

const DAY = 86_400_000;
const ALARM = 'warm-intro:reminders';
const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';

/** The badge on Warm Intro's toolbar button (Firefox's MV2 `browserAction`; Chrome's MV3 says `action`). */
const badge = (page: Page) => page.evaluate(() => (globalThis as any).browser.browserAction.getBadgeText({}) as Promise<string>);
/** What the popup shows for each stage. */
const stageCounts = async (popup: Page) => {
  await expect.poll(() => countTestId(popup, 'wi-stage-count-prospect'), { timeout: 10_000 }).toBe(1);
  return {
    prospect: await testIdText(popup, 'wi-stage-count-prospect'),
    requested: await testIdText(popup, 'wi-stage-count-requested'),
  };
};

describe('the add-on in real Firefox: popup, reminders, and a browser restart', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-firefox-restart-'));
  let ff: Awaited<ReturnType<typeof launchFirefox>>;
  let ext: Page;

  beforeAll(async () => {
    ff = await launchFirefox({ userDataDir: profileDir });
    ext = await ff.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await ff?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('runs the background as an MV2 background page (Firefox), not a service worker, and sets its reminder alarm', async () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION, 'manifest.json'), 'utf8'));
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    // In Firefox the background is a page the popup can reach; Chrome's MV3 worker is not.
    const background = await ext.evaluate(() => (globalThis as any).browser.extension.getBackgroundPage()?.location.pathname);
    expect(background).toBe('/_generated_background_page.html');
    await expect
      .poll(() => ext.evaluate((name) => (globalThis as any).browser.alarms.get(name).then((a: any) => a?.periodInMinutes ?? null), ALARM))
      .toBe(15);
  });

  it('counts contacts by stage in the popup', async () => {
    await bg(ext, 'contact.log', { name: 'Olivia Hartmann', profileUrl: OLIVIA, emails: ['olivia.hartmann@example.com'] });
    await bg(ext, 'contact.log', { name: 'Marcus Lindqvist', emails: ['marcus.lindqvist@example.com'] });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', { name: 'Priya Natarajan' });
    await bg(ext, 'attempt.record', { contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() });
    const popup = await ff.openExtensionPage('popup.html');
    expect(await stageCounts(popup)).toEqual({ prospect: '2', requested: '1' });
    await popup.close();
  });

  it('badges a due follow-up when the reminder alarm fires, and notifies once, without buttons (Firefox has none)', async () => {
    // Firefox refuses notification buttons outright; the background leaves them out in the Firefox build.
    const refused = await ext.evaluate(async () => {
      try {
        await (globalThis as any).browser.notifications.create('wi-test', {
          type: 'basic',
          title: 't',
          message: 'm',
          buttons: [{ title: 'Snooze 3 days' }],
        });
        return 'created';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(refused).toMatch(/buttons.*unsupported/i);

    // Watch what the background asks Firefox to show (its window is reachable from the popup in MV2).
    await ext.evaluate(() => {
      const page = (globalThis as any).browser.extension.getBackgroundPage();
      const api = page.browser.notifications;
      const create = api.create;
      page.__wiShown = [];
      api.create = (id: string, options: object) => {
        page.__wiShown.push({ id, options });
        return create.call(api, id, options);
      };
    });
    const shown = () => ext.evaluate(() => (globalThis as any).browser.extension.getBackgroundPage().__wiShown as any[]);

    await bg(ext, 'settings.save', { notificationStyle: 'each' });
    const olivia = (await bg<{ id: string; name: string }[]>(ext, 'contact.list')).find((c) => c.name === 'Olivia Hartmann')!;
    await bg(ext, 'attempt.record', { contactId: olivia.id, channel: 'email', kind: 'request', at: Date.now() - 15 * DAY });
    await expect.poll(() => badge(ext), { timeout: 10_000 }).toBe('1');

    // The badge comes back from the real alarm alone: clear it, fire the named alarm now (keeping its period).
    await ext.evaluate(() => (globalThis as any).browser.browserAction.setBadgeText({ text: '' }));
    expect(await badge(ext)).toBe('');
    await ext.evaluate(
      (name) => (globalThis as any).browser.alarms.create(name, { when: Date.now() + 50, periodInMinutes: 15 }),
      ALARM,
    );
    await expect.poll(() => badge(ext), { timeout: 10_000 }).toBe('1');

    const notes = await shown();
    expect(notes).toHaveLength(1); // once, not again at the alarm
    expect(notes[0].id).toMatch(new RegExp(`^contact:${olivia.id}:`));
    expect(notes[0].options.title).toContain('Olivia Hartmann');
    expect(notes[0].options).not.toHaveProperty('buttons');
    expect((await bg<{ notices: unknown[] }>(ext, 'backup.export')).notices).toHaveLength(1);
  });

  it('keeps every contact across a browser restart (same profile, add-on installed again under the same id)', async () => {
    expect(ff.leaks).toEqual([]); // nothing of this session reached the network
    await ff.close();

    ff = await launchFirefox({ userDataDir: profileDir });
    ext = await ff.openExtensionPage('popup.html');
    expect(await stageCounts(ext)).toEqual({ prospect: '1', requested: '2' });
    const names = (await bg<{ name: string }[]>(ext, 'contact.list')).map((c) => c.name).sort();
    expect(names).toEqual(['Marcus Lindqvist', 'Olivia Hartmann', 'Priya Natarajan']);
    // Reminders are recomputed at start-up: Olivia's follow-up is still due.
    await expect.poll(() => badge(ext), { timeout: 10_000 }).toBe('1');

    // And the sidebar knows her.
    const page = await ff.newPage();
    await page.goto(OLIVIA);
    await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe('Olivia Hartmann');
    await expect.poll(() => testIdText(page, 'wi-stage'), { timeout: 10_000 }).toBe('Requested');
    await page.close();
    expect(ff.leaks).toEqual([]);
    expect(ff.requests.filter((r) => !r.served)).toEqual([]);
  });
});
