import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void } };

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const MARCUS = 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/';

describe('LinkedIn profile sidebar in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    ({ context, extensionId } = await launch());
  });
  afterAll(async () => {
    await context?.close();
  });

  async function send(type: string, payload?: unknown) {
    const page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload })) as { ok: boolean; data: any };
    await page.close();
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return reply.data;
  }

  const sidebarCount = (page: Page) => page.locator('warm-intro-sidebar').count();

  it('logs the person with a referrer picked from contacts; the popup counts them and a reload knows them', async () => {
    await send('contact.log', { name: 'Hannah Becker', company: 'Contoso Health' });
    const page = await context.newPage();
    await page.goto(OLIVIA);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Olivia Hartmann');
    await page.getByTestId('wi-referrer').fill('Hann');
    await page.getByTestId('wi-picker-option').first().click();
    await page.getByTestId('wi-note').fill('Met Hannah at the product meetup.');
    await page.getByTestId('wi-log-contact').click();
    await expect.poll(() => page.getByTestId('wi-stage').textContent()).toBe('Prospect');
    await expect.poll(() => page.getByTestId('wi-attempts').textContent()).toMatch(/^0 of 3/);
    expect(await page.getByTestId('wi-referrer-name').textContent()).toBe('Hannah Becker');

    const popup = await context.newPage();
    await popup.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => popup.getByTestId('wi-stage-count-prospect').textContent()).toBe('2');
    await popup.close();

    await page.reload();
    await expect.poll(() => page.getByTestId('wi-stage').textContent(), { timeout: 10_000 }).toBe('Prospect');
    expect(await page.getByTestId('wi-profile-name').textContent()).toBe('Olivia Hartmann');
    expect(await page.getByTestId('wi-notes').inputValue()).toBe('Met Hannah at the product meetup.');

    // A LinkedIn message sent from the sidebar counts as the first attempt.
    await page.getByTestId('wi-record-message').click();
    await expect.poll(() => page.getByTestId('wi-attempts').textContent()).toMatch(/^1 of 3/);
    expect(await page.getByTestId('wi-stage').textContent()).toBe('Requested');
    await page.close();
  });

  it('follows LinkedIn’s in-page navigation to the next person, never showing the old person under the new URL', async () => {
    const page = await context.newPage();
    await page.goto(MARCUS);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Marcus Lindqvist');
    // Record every name the sidebar shows together with the URL at that moment.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as any).__wiSeen = seen;
      const host = document.querySelector('warm-intro-sidebar')!;
      const read = () => {
        const name = host.shadowRoot?.querySelector('[data-testid="wi-profile-name"]')?.textContent ?? '';
        seen.push(`${location.pathname}|${name}`);
      };
      new MutationObserver(read).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('aside a[href="https://www.linkedin.com/in/priya-natarajan-5c9d0e21/"]').first().click();
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Priya Natarajan');
    expect(page.url()).toBe('https://www.linkedin.com/in/priya-natarajan-5c9d0e21/');
    expect(await sidebarCount(page)).toBe(1);
    const seen: string[] = await page.evaluate(() => (window as any).__wiSeen);
    expect(seen.filter((s) => s.startsWith('/in/priya') && s.endsWith('|Marcus Lindqvist'))).toEqual([]);

    await page.goBack();
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Marcus Lindqvist');
    expect(await sidebarCount(page)).toBe(1);
    await page.close();
  });

  it('logging the same person from two tabs at the same moment makes one contact', async () => {
    const url = 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m-%C5%82ukasiewicz-9c1d2e3f/';
    const tabs = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all(tabs.map((t) => t.goto(url)));
    for (const t of tabs) await expect.poll(() => t.getByTestId('wi-log-contact').count(), { timeout: 10_000 }).toBe(1);
    // Both clicks at once (a locator click would wait for the other tab's update to settle first).
    const clicked = await Promise.all(
      tabs.map((t) =>
        t.locator('warm-intro-sidebar').evaluate((host) => {
          const button = host.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="wi-log-contact"]');
          button?.click();
          return !!button;
        }),
      ),
    );
    expect(clicked).toEqual([true, true]);
    for (const t of tabs) await expect.poll(() => t.getByTestId('wi-stage').textContent()).toBe('Prospect');
    expect(await tabs[0]!.getByTestId('wi-profile-name').textContent()).toBe('Zoë Ångström-Łukasiewicz 🚀');
    const contacts = (await send('contact.list')) as { profileUrl: string | null }[];
    expect(contacts.filter((c) => c.profileUrl === url)).toHaveLength(1);
    await Promise.all(tabs.map((t) => t.close()));
  });

  it('renders a hostile name as text, running nothing', async () => {
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('https://www.linkedin.com/in/xss-test-4f5e6d7c/');
    const hostile = '"><img src=x onerror=alert(1)>';
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe(hostile);
    expect(await page.locator('warm-intro-sidebar').evaluate((h) => h.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('collapses to a slim tab and remembers it', async () => {
    const page = await context.newPage();
    await page.goto(MARCUS);
    await page.getByTestId('wi-collapse').click();
    await expect.poll(() => page.getByTestId('wi-sidebar-tab').count()).toBe(1);
    expect(await page.getByTestId('wi-sidebar').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('wi-sidebar-tab').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('wi-sidebar-tab').click();
    await expect.poll(() => page.getByTestId('wi-sidebar').count()).toBe(1);
    await page.close();
  });

  it('shows changes made elsewhere without a reload', async () => {
    const page = await context.newPage();
    await page.goto(MARCUS);
    await expect.poll(() => page.getByTestId('wi-log-contact').count(), { timeout: 10_000 }).toBe(1);
    await send('contact.log', { name: 'Marcus Lindqvist', profileUrl: MARCUS });
    await expect.poll(() => page.getByTestId('wi-stage').textContent(), { timeout: 5_000 }).toBe('Prospect');
    await page.close();
  });
  // Last: Chromium does not bring a command-line-loaded extension back after runtime.reload().
  it('after the extension is reloaded, the old script stops cleanly and says to reload the page', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && /context invalidated|Uncaught/i.test(m.text()) && problems.push(m.text()));
    await page.goto(MARCUS);
    await expect.poll(() => page.getByTestId('wi-profile-name').count(), { timeout: 10_000 }).toBe(1);

    const popup = await context.newPage();
    await popup.goto(extensionUrl(extensionId, 'popup.html'));
    await popup.evaluate(() => chrome.runtime.reload()).catch(() => {});
    // LinkedIn keeps changing the page; the old script notices it is orphaned at the next change.
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('div')));
    await expect.poll(() => page.getByTestId('wi-stale').count(), { timeout: 5_000 }).toBe(1);
    expect(await page.locator('warm-intro-sidebar').count()).toBe(0);
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('div')));
    await page.waitForTimeout(300);
    expect(await page.getByTestId('wi-stale').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
