import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, FIXTURES, launch } from '../harness/browser.mjs';
import { bg } from './support';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void } };

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJqWlbZqPtwXJvKcJsPLvT';
const DAY = 86_400_000;

type View = {
  contact: { id: string; stage: string; emails: string[]; repliedAt: number | null };
  attempts: Array<{ kind: string; channel: string; subject: string | null }>;
  status: { attemptsUsed: number };
};

/** Ask the background from an extension page, as the popup does; fails the test on an error reply. */

async function openCompose(gmail: Page, to: string): Promise<Locator> {
  const before = await gmail.locator('[role=dialog]').count();
  await gmail.locator('[gh=cm]').click();
  const input = gmail.locator('[role=dialog]').nth(before).locator('input[aria-label="To recipients"]');
  await input.fill(to);
  await input.press('Enter');
  // Named by its recipient, so the locator still finds this compose after another one closes.
  const compose = gmail.locator('[role=dialog]').filter({ has: gmail.locator(`[role=option][data-hovercard-id="${to}"]`) });
  await expect.poll(() => compose.count()).toBe(1);
  return compose;
}

/** Open the Warm Intro menu in `compose`, choose a template, insert it. */
async function insertTemplate(compose: Locator, templateId: string): Promise<void> {
  await compose.getByTestId('wi-compose-button').click();
  const menu = compose.getByTestId('wi-compose-menu');
  await menu.locator(`[data-testid=wi-template-option][data-template-id="${templateId}"]`).click();
  await menu.getByTestId('wi-insert').click();
  await expect.poll(() => menu.count()).toBe(0);
}

describe('Gmail compose in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let ext: Page;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-gmail-'));
    ({ context, extensionId } = await launch({ userDataDir: profileDir }));
    ext = await context.newPage();
    await ext.goto(extensionUrl(extensionId, 'popup.html'));
  });
  afterEach(async () => {
    await bg(ext, 'data.clear');
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('inserts a request naming the referrer, and counts the send as the first of three notes', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Olivia Hartmann',
      company: 'Northwind Analytics',
      emails: ['olivia.hartmann@example.com'],
      referrer: { type: 'name', name: 'Hannah Becker' },
    });

    const gmail = await context.newPage();
    await gmail.goto(INBOX);
    const compose = await openCompose(gmail, 'olivia.hartmann@example.com');
    await expect.poll(() => compose.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);

    await compose.getByTestId('wi-compose-button').click();
    const menu = compose.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Olivia Hartmann');
    await expect.poll(() => menu.getByTestId('wi-template-option').count()).toBe(4);
    await menu.locator('[data-testid=wi-template-option][data-template-id=request]').click();
    expect(await menu.getByTestId('wi-preview-subject').textContent()).toBe('Hannah Becker suggested I reach out');
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);

    expect(await compose.locator('input[name=subjectbox]').inputValue()).toContain('Hannah Becker');
    const body = compose.locator('[g_editable=true]');
    const text = await body.innerText();
    expect(text).toContain('Hi Olivia,');
    expect(text).toContain("Hannah Becker suggested I get in touch with you. I'm Alex Morgan, and I'm exploring product management");
    expect(text).not.toMatch(/\{|\}|undefined/);
    // Text, not markup: the editor holds no elements but line containers and breaks.
    expect(await body.evaluate((el) => [...el.querySelectorAll('*')].every((n) => ['DIV', 'BR'].includes(n.tagName)))).toBe(true);

    await compose.locator('div.aoO[role=button]').click();
    await expect.poll(() => gmail.locator('[role=dialog]').count()).toBe(0);
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).status.attemptsUsed, { timeout: 10_000 })
      .toBe(1);
    const view = await bg<View>(ext, 'contact.lookup', { id: contact.id });
    expect(view.contact.stage).toBe('requested');
    expect(view.attempts).toEqual([expect.objectContaining({ kind: 'request', channel: 'email', subject: 'Hannah Becker suggested I reach out' })]);

    await ext.reload();
    await expect.poll(() => ext.getByTestId('wi-stage-count-requested').textContent()).toBe('1');
    await gmail.close();
  });

  it('counts a plain mail to a requested contact as a follow-up, sent with Ctrl+Enter', async () => {
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Marcus Lindqvist',
      emails: ['marcus.lindqvist@example.com'],
    });
    await bg(ext, 'attempt.record', { contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 15 * DAY });

    const gmail = await context.newPage();
    await gmail.goto(INBOX);
    const compose = await openCompose(gmail, 'marcus.lindqvist@example.com');
    await expect.poll(() => compose.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);
    await compose.locator('input[name=subjectbox]').fill('Checking in');
    await compose.locator('[g_editable=true]').click();
    await gmail.keyboard.type('Hi Marcus, just checking in.');
    await gmail.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts.map((a) => a.kind), { timeout: 10_000 })
      .toEqual(['request', 'follow-up']);
    await gmail.close();
  });

  it('puts exactly one button in an inline reply, inserts above the quoted text, keeps "Re:", and notices their reply', async () => {
    const page = await context.newPage();
    // The thread fixture for this page only (page routes come before the context's fixture table).
    await page.route(/^https:\/\/mail\.google\.com\/mail\/u\/0\//, (route) =>
      route.fulfill({ path: join(FIXTURES, 'gmail-reply.html'), contentType: 'text/html; charset=utf-8' }),
    );
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Hannah Becker',
      emails: ['hannah.becker@example.com'],
    });
    await bg(ext, 'attempt.record', {
      contactId: contact.id,
      channel: 'email',
      kind: 'request',
      at: Date.now() - 5 * DAY,
      subject: 'Q3 partnership proposal — next steps',
    });

    await page.goto(THREAD);
    await expect.poll(() => page.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);
    // The latest message in the thread is Hannah's: her request is answered, follow-ups stop.
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).contact.repliedAt, { timeout: 10_000 })
      .not.toBeNull();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('wi-compose-button').count()).toBe(1);

    const reply = page.locator('.ip.adB .M9');
    expect(await reply.getByTestId('wi-compose-button').count()).toBe(1);
    await insertTemplate(reply, 'update');
    const order = await reply.locator('[g_editable=true]').evaluate((body) => {
      const text = body.textContent ?? '';
      return { inserted: text.indexOf('I wanted to close the loop'), quote: text.indexOf('wrote:') };
    });
    expect(order.inserted).toBeGreaterThanOrEqual(0);
    expect(order.quote).toBeGreaterThan(order.inserted);
    expect(await reply.locator('.gmail_quote_container').evaluate((q) => q.previousElementSibling !== null)).toBe(true);
    expect(await reply.locator('input[name=subjectbox]').inputValue()).toBe('Re: Q3 partnership proposal — next steps');
    await page.close();
  });

  it('gives two open composes a button each, and each inserts into its own compose', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await bg(ext, 'contact.log', {
      name: 'Olivia Hartmann',
      emails: ['olivia.hartmann@example.com'],
      referrer: { type: 'name', name: 'Hannah Becker' },
    });
    await bg(ext, 'contact.log', {
      name: 'Marcus Lindqvist',
      emails: ['marcus.lindqvist@example.com'],
      referrer: { type: 'name', name: 'Priya Natarajan' },
    });
    const gmail = await context.newPage();
    await gmail.goto(INBOX);
    const first = await openCompose(gmail, 'olivia.hartmann@example.com');
    const second = await openCompose(gmail, 'marcus.lindqvist@example.com');
    await expect.poll(() => gmail.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(2);
    expect(await first.getByTestId('wi-compose-button').count()).toBe(1);
    expect(await second.getByTestId('wi-compose-button').count()).toBe(1);

    await insertTemplate(second, 'request');
    expect(await second.locator('input[name=subjectbox]').inputValue()).toBe('Priya Natarajan suggested I reach out');
    expect(await second.locator('[g_editable=true]').innerText()).toContain('Hi Marcus,');
    expect(await first.locator('input[name=subjectbox]').inputValue()).toBe('');
    expect(await first.locator('[g_editable=true]').innerText()).not.toContain('Marcus');

    await insertTemplate(first, 'request');
    expect(await first.locator('input[name=subjectbox]').inputValue()).toBe('Hannah Becker suggested I reach out');
    expect(await first.locator('[g_editable=true]').innerText()).toContain('Hi Olivia,');
    expect(await second.locator('[g_editable=true]').innerText()).not.toContain('Olivia');

    // Closing one compose removes its button only.
    await first.locator('img.Ha').click();
    await expect.poll(() => gmail.getByTestId('wi-compose-button').count()).toBe(1);
    expect(await second.getByTestId('wi-compose-button').count()).toBe(1);
    await gmail.close();
  });
});

describe('Gmail compose after an extension update', () => {
  it('turns a click on an old button into "reload this page", then removes the buttons', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-gmail-reload-'));
    const { context, extensionId } = await launch({ userDataDir: profileDir });
    try {
      const ext = await context.newPage();
      await ext.goto(extensionUrl(extensionId, 'popup.html'));
      const gmail = await context.newPage();
      await gmail.goto(INBOX);
      await gmail.locator('[gh=cm]').click();
      await expect.poll(() => gmail.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);

      // The extension goes away under the open tab, as during an update: the content script is
      // orphaned (Chromium does not bring back a command-line extension after runtime.reload(), so
      // this browser is used for nothing else).
      await ext.evaluate(() => chrome.runtime.reload()).catch(() => {});
      await expect.poll(() => context.pages().length).toBe(2);

      await gmail.getByTestId('wi-compose-button').click();
      await expect
        .poll(() => gmail.getByTestId('wi-stale').textContent())
        .toBe('Warm Intro was updated — reload this page to keep using it.');
      await gmail.getByTestId('wi-menu-close').click();
      await expect.poll(() => gmail.locator('warm-intro-compose, [data-warm-intro-cell]').count()).toBe(0);
      // Stopped cleanly: a new compose gets no button from the orphaned script.
      await gmail.locator('[gh=cm]').click();
      await expect.poll(() => gmail.locator('[role=dialog]').count()).toBe(2);
      await gmail.waitForTimeout(500);
      expect(await gmail.locator('warm-intro-compose').count()).toBe(0);
    } finally {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
