import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';

async function sendRaw(page: Page, message: unknown) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

describe('the built extension in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let requests: { url: string; served: boolean; resourceType: string }[];

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-foundation-'));
    ({ context, extensionId, requests } = await launch({ userDataDir: profileDir }));
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('shows the sidebar on a LinkedIn profile, and not on the feed or a company page', async () => {
    const page = await context.newPage();
    await page.goto(OLIVIA);
    await expect.poll(() => page.locator('warm-intro-sidebar').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent()).toBe('Olivia Hartmann');

    await page.goto('https://www.linkedin.com/feed/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    expect(await page.locator('warm-intro-sidebar').count()).toBe(0);

    await page.goto('https://www.linkedin.com/company/northwind-analytics/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    expect(await page.locator('warm-intro-sidebar').count()).toBe(0);
    await page.close();
  });

  it('injects the Gmail script on mail.google.com', async () => {
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.locator('[gh=cm]').click();
    await expect.poll(() => page.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('makes no network request of its own: the only web requests are the pages themselves', () => {
    expect(requests.length).toBeGreaterThan(0);
    const others = requests.filter((r) => r.resourceType !== 'document' || !r.served);
    expect(others).toEqual([]);
  });

  it('opens the popup', async () => {
    const page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => page.getByTestId('wi-popup').count()).toBe(1);
    await expect.poll(() => page.getByTestId('wi-empty').count()).toBe(1);
    await page.close();
  });

  it('answers a malformed message with an error, and the next valid message still works', async () => {
    const page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    const unknown = (await sendRaw(page, { type: 'contact.explode' })) as { ok: boolean; error: { code: string } };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    const bad = (await sendRaw(page, { type: 'contact.log', payload: { name: 42 } })) as { ok: boolean; error: { code: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('bad-request');
    expect(bad.error.message).toMatch(/name/);
    expect(await sendRaw(page, 'not even an object')).toMatchObject({ ok: false });
    const good = (await sendRaw(page, { type: 'pipeline.summary' })) as { ok: boolean; data: { total: number } };
    expect(good).toMatchObject({ ok: true, data: { total: 0 } });
    await page.close();
  });

  it('keeps data written through the background across a browser restart', async () => {
    let page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    const logged = (await sendRaw(page, {
      type: 'contact.log',
      payload: { name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' },
    })) as { ok: boolean };
    expect(logged.ok).toBe(true);
    await context.close();

    ({ context, extensionId } = await launch({ userDataDir: profileDir }));
    page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => page.getByTestId('wi-stage-count-prospect').textContent()).toBe('1');
    const found = (await sendRaw(page, {
      type: 'contact.lookup',
      payload: { profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' },
    })) as { ok: boolean; data: { contact: { name: string } } };
    expect(found.data.contact.name).toBe('Priya Natarajan');
  });
});
