import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const INGRID = 'https://www.linkedin.com/in/ingrid-solberg-3e9a1f52/';
const MIRA = 'https://www.linkedin.com/in/mira-kowalczyk-5a7c9e1b/';
const SANNE_NL = 'https://nl.linkedin.com/in/sanne-de-vries-7c6b5a4d?trk=public_profile_browsemap';
const SANNE_WWW = 'https://www.linkedin.com/in/sanne-de-vries-7c6b5a4d/';
const GHOST = 'https://www.linkedin.com/in/ghost-profile-0a1b2c3d/';

describe('LinkedIn as it is now, in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;

  beforeAll(async () => {
    ({ context, extensionId } = await launch({
      routes: [
        [/^https:\/\/www\.linkedin\.com\/in\/ingrid-solberg-3e9a1f52\//, 'linkedin-profile-2026-en.html'],
        [/^https:\/\/www\.linkedin\.com\/in\/mira-kowalczyk-5a7c9e1b\//, 'linkedin-profile-2026-sticky.html'],
        [/^https:\/\/nl\.linkedin\.com\/in\/sanne-de-vries-7c6b5a4d/, 'linkedin-profile-public-nl.html'],
        [/^https:\/\/www\.linkedin\.com\/in\/ghost-profile-0a1b2c3d\//, 'linkedin-profile-unavailable.html'],
      ],
    }));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
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

  it('names the person on a 2026-layout profile: the hero, not the sticky bar, her posts or people also viewed', async () => {
    const page = await context.newPage();
    await page.goto(INGRID);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Ingrid Solberg');
    expect(await page.locator('warm-intro-sidebar .wi-meta').textContent()).toBe('Contoso Freight · Oslo, Oslo, Norway');
    expect(await page.locator('warm-intro-sidebar').count()).toBe(1);
    await page.close();
  });

  it('reads the sticky bar first and fills in company and location when the hero arrives', async () => {
    const page = await context.newPage();
    await page.goto(MIRA);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Mira Kowalczyk');
    expect(await page.locator('warm-intro-sidebar .wi-meta').textContent()).toBe('');
    await page.evaluate(() => {
      const template = document.querySelector<HTMLTemplateElement>('template[data-fx="hero"]')!;
      document.querySelector('[data-testid="lazy-column"]')!.append(template.content.cloneNode(true));
    });
    await expect.poll(() => page.locator('warm-intro-sidebar .wi-meta').textContent()).toBe('Litware AG · Wrocław, Dolnośląskie, Polen');
    await page.close();
  });

  it('shows the sidebar on a country-subdomain public profile and logs the person under the www URL', async () => {
    const page = await context.newPage();
    await page.goto(SANNE_NL);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Sanne de Vries');
    expect(await page.locator('warm-intro-sidebar .wi-headline').textContent()).toBe('Product Designer bij Fabrikam | Toegankelijkheid & design systems');
    await page.getByTestId('wi-log-contact').click();
    await expect.poll(() => page.getByTestId('wi-stage').textContent()).toBe('Prospect');
    const found = await send('contact.lookup', { profileUrl: SANNE_WWW });
    expect(found?.contact).toMatchObject({ name: 'Sanne de Vries', profileUrl: SANNE_WWW, company: 'Fabrikam' });
    const all = (await send('contact.list')) as { profileUrl: string | null }[];
    expect(all.filter((c) => c.profileUrl?.includes('sanne-de-vries'))).toEqual([expect.objectContaining({ profileUrl: SANNE_WWW })]);
    await page.close();
  });

  it('copies an anonymised page structure from "couldn’t read this profile"', async () => {
    const page = await context.newPage();
    await page.goto(GHOST);
    await expect.poll(() => page.getByTestId('wi-copy-structure').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('wi-copy-structure').click();
    await expect.poll(() => page.getByTestId('wi-structure-copied').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^<main/);
    expect(copied).toContain('[text:');
    expect(copied).not.toMatch(/doesn|exist|Hannah|ghost/i);
    await page.close();
  });
});
