import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, FIXTURES, launch } from '../harness/browser.mjs';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const MARCUS = 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/';

type Seen = { readyState: string; name: string; logButton: boolean; lookingForIntroducers: boolean; nameTop: number; slotTop: number };

/**
 * Page world, before the page: what the sidebar's shadow root holds at each batch of its mutations.
 * `first`: the batch that first showed the name; `stage`: the first that showed a stage.
 */
function recordSidebar() {
  const w = window as unknown as { __wi: { first: Seen | null; stage: Seen | null; moves: number[] } };
  const t: { first: Seen | null; stage: Seen | null; moves: number[] } = (w.__wi = { first: null, stage: null, moves: [] });
  const read = (root: ShadowRoot): Seen | null => {
    const name = root.querySelector('[data-testid="wi-profile-name"]');
    if (!name) return null;
    const slot = root.querySelector('form.wi-log, .wi-known');
    return {
      readyState: document.readyState,
      name: name.textContent ?? '',
      logButton: !!root.querySelector('[data-testid="wi-log-contact"]'),
      lookingForIntroducers: /Looking for people you know/.test(root.textContent ?? ''),
      nameTop: name.getBoundingClientRect().top,
      slotTop: slot ? slot.getBoundingClientRect().top : -1,
    };
  };
  let root: ShadowRoot | null = null;
  const inRoot = new MutationObserver(() => {
    const seen = root && read(root);
    if (!seen) return;
    t.first ??= seen;
    t.moves.push(seen.nameTop - t.first!.nameTop);
    if (!t.stage && root!.querySelector('[data-testid="wi-stage"]')) t.stage = seen;
  });
  new MutationObserver(() => {
    const host = document.querySelector('warm-intro-sidebar');
    if (!host?.shadowRoot || host.shadowRoot === root) return;
    root = host.shadowRoot;
    inRoot.observe(root, { childList: true, subtree: true, characterData: true });
    // The shell may have drawn before this observer saw its host.
    const seen = read(root);
    if (seen) t.first ??= seen;
  }).observe(document, { childList: true, subtree: true });
}

describe('LinkedIn sidebar: the first frame', () => {
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

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(recordSidebar);
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => (window as any).__wi.first), { timeout: 10_000 }).toBeTruthy();
    return page;
  }

  it('draws the name and a working "Log contact" together, before the background answers; an immediate click logs once', async () => {
    const page = await open(OLIVIA);
    const first: Seen = await page.evaluate(() => (window as any).__wi.first);
    expect(first.name).toBe('Olivia Hartmann');
    expect(first.logButton).toBe(true);
    // Drawn before any answer: "who can introduce you" was still being looked up.
    expect(first.lookingForIntroducers).toBe(true);

    // Clicked as soon as it is there (no pointer or focus first: the click itself must do the work).
    const clicked = await page.locator('warm-intro-sidebar').evaluate((host) => {
      const button = host.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="wi-log-contact"]');
      button?.click();
      return !!button;
    });
    expect(clicked).toBe(true);
    await expect.poll(() => page.getByTestId('wi-stage').textContent(), { timeout: 10_000 }).toBe('Prospect');
    const contacts = (await send('contact.list')) as { profileUrl: string | null }[];
    expect(contacts.filter((c) => c.profileUrl === OLIVIA)).toHaveLength(1);
    const t = await page.evaluate(() => (window as any).__wi);
    expect(t.moves.every((dy: number) => dy === 0)).toBe(true);
    // The stage took the place the log form had.
    expect(t.stage.slotTop).toBe(first.slotTop);
    await page.close();
  });

  it('shows a server-rendered top card while the rest of the page is still loading', async () => {
    // The light fixture, its top card followed by a script that takes 3 s to come: the parser stops
    // there (as a streamed page is still arriving), with the top card on screen.
    const url = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/?streamed=1';
    const html = readFileSync(join(FIXTURES, 'linkedin-profile-classic.html'), 'utf8').replace(
      '</main>',
      '</main><script src="https://static.licdn.com/sc/h/slow-bundle.js"></script>',
    );
    await context.route('https://static.licdn.com/sc/h/slow-bundle.js', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__slowBundle = true;' });
    });
    await context.route(/\?streamed=1$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    const page = await context.newPage();
    await page.addInitScript(recordSidebar);
    void page.goto(url).catch(() => {});
    await expect.poll(() => page.evaluate(() => (window as any).__wi?.first ?? null).catch(() => null), { timeout: 10_000 }).toBeTruthy();
    const first: Seen = await page.evaluate(() => (window as any).__wi.first);
    expect(first.name).toBe('Olivia Hartmann');
    expect(first.logButton).toBe(true);
    expect(first.readyState).toBe('loading');
    expect(await page.evaluate(() => (window as any).__slowBundle ?? false)).toBe(false);
    await page.close();
  });

  it('for someone already logged, "Log contact" gives way to their stage in the same place, and nothing else moves', async () => {
    await send('contact.log', { name: 'Marcus Lindqvist', profileUrl: MARCUS });
    const page = await open(MARCUS);
    await expect.poll(() => page.evaluate(() => (window as any).__wi.stage), { timeout: 10_000 }).toBeTruthy();
    const t = await page.evaluate(() => (window as any).__wi);
    expect(t.first.name).toBe('Marcus Lindqvist');
    expect(t.stage.slotTop).toBe(t.first.slotTop);
    expect(t.moves.every((dy: number) => dy === 0)).toBe(true);
    expect(await page.getByTestId('wi-stage').textContent()).toBe('Prospect');
    // Its actions work (the interactive sidebar took over the record).
    await page.getByTestId('wi-record-message').click();
    await expect.poll(() => page.getByTestId('wi-attempts').textContent()).toMatch(/^1 of 3/);
    await page.close();
  });
});
