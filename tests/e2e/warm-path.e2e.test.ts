/**
 * The warm path end to end (issue 16): LinkedIn's connections export fills the network and leaves
 * the board alone; a profile whose mutual line names two of them lists both as introducers; asking
 * one of them from the sidebar and sending the request from Gmail records the request and the
 * introducer's attempt; "introduced" makes them the target's referrer; a company page lists the
 * people you know there. Screenshots for the README come from this run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch, ROOT } from '../harness/browser.mjs';
import { bg } from './support';

// linkedin-mutuals-2026.html: Élodie Marchand, mutual connections "Olivia Hartmann, Marcus Lindqvist and 27 others".
const ELODIE = 'https://www.linkedin.com/in/elodie-marchand-3a9c7e55/';
const COMPANY = 'https://www.linkedin.com/company/northwind-analytics/';
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
// linkedin-search-people-2026.html: Élodie's full mutual list (Olivia Hartmann, Samira Haddad, Hannah Becker).
const ELODIE_MUTUALS =
  'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAF3qHero26ElodieMarchand3a9c7e55%22%5D&network=%5B%22F%22%2C%22S%22%5D';

/** LinkedIn's own export: a few notes lines, then its header. Olivia and Ines work at Northwind Analytics. */
const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Olivia,Hartmann,https://www.linkedin.com/in/olivia-hartmann-8a61b2b4,olivia.hartmann@example.com,Northwind Analytics,Data Scientist,12 Mar 2023',
  'Marcus,Lindqvist,https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11,,Fabrikam,UX Researcher,01 Feb 2022',
  'Ines,Duarte,https://www.linkedin.com/in/ines-duarte-9f0a3b62,,"Northwind Analytics, Inc.",Analytics Engineer,20 Jun 2021',
  '',
].join('\r\n');

type Intro = { id: string; status: string; introducerId: string; targetId: string; introducerName: string; targetName: string };
type View = {
  contact: { id: string; name: string; inPipeline: 0 | 1; inNetwork: 0 | 1; referrer: { type: string; contactId?: string } | null };
  attempts: Array<{ kind: string; channel: string; introductionId: string | null }>;
  introductions: Intro[];
};

describe('the warm path in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let ext: Page;
  let olivia: View;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-warm-'));
    ({ context, extensionId } = await launch({
      userDataDir: profileDir,
      routes: [
        [/^https:\/\/www\.linkedin\.com\/in\/elodie-marchand-3a9c7e55\//, 'linkedin-mutuals-2026.html'],
        [/^https:\/\/www\.linkedin\.com\/search\/results\/people\//, 'linkedin-search-people-2026.html'],
      ],
    }));
    ext = await context.newPage();
    await ext.goto(extensionUrl(extensionId, 'popup.html'));
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'data platforms' });
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('imports LinkedIn connections into the network: the board and popup are unchanged', async () => {
    const dash = await context.newPage();
    await dash.goto(extensionUrl(extensionId, 'dashboard.html#/data'));
    await dash.getByTestId('wi-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(CONNECTIONS) });
    await expect.poll(() => dash.getByTestId('wi-import-summary').textContent(), { timeout: 20_000 }).toMatch(/^3 contacts ready/);
    expect(await dash.getByTestId('wi-import-target-network').isChecked()).toBe(true);
    await dash.getByTestId('wi-import-confirm').click();
    await expect
      .poll(() => dash.getByTestId('wi-import-result').textContent(), { timeout: 20_000 })
      .toMatch(/^Imported: 3 added, 0 merged, 0 skipped\. They are in your network, not on the board\./);

    const summary = await bg<{ total: number; network: number; counts: Record<string, number> }>(ext, 'pipeline.summary');
    expect(summary).toMatchObject({ total: 0, network: 3 });
    expect(await bg<unknown[]>(ext, 'board.cards')).toEqual([]);
    await ext.reload();
    await expect.poll(() => ext.getByTestId('wi-stage-count-prospect').textContent()).toBe('0');

    // The network view lists them, and finds one by company.
    await dash.goto(extensionUrl(extensionId, 'dashboard.html#/network'));
    await expect.poll(() => dash.getByTestId('wi-network-person').count()).toBe(3);
    await dash.getByTestId('wi-network-search').fill('fabrikam');
    await expect.poll(() => dash.getByTestId('wi-network-name').allTextContents()).toEqual(['Marcus Lindqvist']);
    await dash.close();
  });

  it('lists both mutual connections named on a profile as introducers, with reasons', async () => {
    const page = await context.newPage();
    await page.goto(ELODIE);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Élodie Marchand');
    await expect
      .poll(async () => (await page.getByTestId('wi-introducer-name').allTextContents()).sort(), { timeout: 10_000 })
      .toEqual(['Marcus Lindqvist', 'Olivia Hartmann']);
    const items = page.getByTestId('wi-introducer');
    for (let i = 0; i < 2; i++) {
      const reasons = await items.nth(i).getByTestId('wi-introducer-reason').allTextContents();
      expect(reasons.some((r) => /mutual connection/i.test(r))).toBe(true);
      expect(await items.nth(i).getByTestId('wi-introducer-known').textContent()).toBe('In your network');
    }
    expect(await page.getByTestId('wi-mutuals-link').getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\/search\/results\/people\/\?.*connectionOf=/);
    await page.locator('warm-intro-sidebar').screenshot({ path: join(ROOT, 'docs/introducers.png') });

    // Ask Olivia: the request is saved for Élodie, who is not a contact yet (nor a pipeline card).
    const oliviaItem = items.filter({ has: page.getByTestId('wi-introducer-name').getByText('Olivia Hartmann', { exact: true }) });
    await oliviaItem.getByTestId('wi-intro-ask').click();
    await oliviaItem.getByTestId('wi-intro-why').fill('Élodie leads the data platform team I would love to learn from.');
    await oliviaItem.getByTestId('wi-intro-ask-confirm').click();
    await expect.poll(() => oliviaItem.getByTestId('wi-intro-asked').textContent()).toMatch(/Gmail or a LinkedIn message box/);
    const [found] = await bg<Array<{ id: string }>>(ext, 'contact.search', { query: 'Olivia Hartmann' });
    olivia = await bg<View>(ext, 'contact.lookup', { id: found!.id });
    expect(olivia.introductions).toEqual([expect.objectContaining({ status: 'suggested', targetName: 'Élodie Marchand' })]);
    expect((await bg<{ total: number }>(ext, 'pipeline.summary')).total).toBe(0);
    await page.close();
  });

  it('sends the request from Gmail: the introduction is asked, and Olivia has an intro-request attempt', async () => {
    const gmail = await context.newPage();
    await gmail.goto(INBOX);
    await gmail.locator('[gh=cm]').click();
    const to = gmail.locator('[role=dialog]').locator('input[aria-label="To recipients"]');
    await to.fill('olivia.hartmann@example.com');
    await to.press('Enter');
    const compose = gmail.locator('[role=dialog]').first();
    await expect.poll(() => compose.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);
    await compose.getByTestId('wi-compose-button').click();
    const menu = compose.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Olivia Hartmann');
    // Suggested for someone asked to introduce you who is not in the pipeline.
    const option = menu.locator('[data-testid=wi-template-option][data-template-id=intro-request]');
    await expect.poll(() => option.getAttribute('aria-checked')).toBe('true');
    expect(await menu.getByTestId('wi-preview-subject').textContent()).toBe('Would you introduce me to Élodie Marchand?');
    // The fixture's hero names no employer for Élodie: the menu asks, and what is typed goes in.
    expect(await menu.getByTestId('wi-missing-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-variable')))).toEqual(['targetCompany']);
    await menu.getByTestId('wi-missing-input-targetCompany').fill('Lucerne Labs');
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);
    const text = await compose.locator('[g_editable=true]').innerText();
    expect(text).toContain('Hi Olivia,');
    expect(text).toContain('how Élodie Marchand sees it from Lucerne Labs');
    expect(text).toContain('"Hi Élodie, Alex Morgan is exploring data platforms');
    expect(text).toContain('Élodie leads the data platform team');
    expect(text).not.toMatch(/\{|\}|undefined/);

    await compose.locator('div.aoO[role=button]').click();
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: olivia.contact.id })).introductions[0]?.status, { timeout: 10_000 })
      .toBe('asked');
    const after = await bg<View>(ext, 'contact.lookup', { id: olivia.contact.id });
    expect(after.attempts).toEqual([
      expect.objectContaining({ kind: 'intro-request', channel: 'email', introductionId: after.introductions[0]!.id }),
    ]);
    // Still not a pipeline card: asking someone for an introduction is not asking them for an interview.
    expect(after.contact.inPipeline).toBe(0);
    await gmail.close();
  });

  it('marks it introduced on the contact page: Olivia becomes Élodie’s referrer and Élodie joins the pipeline', async () => {
    const dash = await context.newPage();
    await dash.goto(extensionUrl(extensionId, `dashboard.html#/contact/${olivia.contact.id}`));
    const intro = dash.getByTestId('wi-introduction');
    await expect.poll(() => intro.getByTestId('wi-introduction-status').textContent()).toBe('Asked');
    await intro.getByTestId('wi-intro-set-introduced').click();
    await expect.poll(() => intro.getByTestId('wi-introduction-status').textContent()).toBe('Introduced');
    const targetId = (await bg<View>(ext, 'contact.lookup', { id: olivia.contact.id })).introductions[0]!.targetId;
    const elodie = await bg<View & { referrerName: string }>(ext, 'contact.lookup', { id: targetId });
    expect(elodie.contact.referrer).toEqual({ type: 'contact', contactId: olivia.contact.id });
    expect(elodie.referrerName).toBe('Olivia Hartmann');
    expect(elodie.contact.inPipeline).toBe(1);
    await ext.reload();
    await expect.poll(() => ext.getByTestId('wi-stage-count-prospect').textContent()).toBe('1');
    await dash.close();
  });

  it('badges the people you know on Élodie’s mutual list, and saves another mutual connection as a possible introducer', async () => {
    const page = await context.newPage();
    await page.goto(ELODIE_MUTUALS);
    const badges = page.getByTestId('wi-list-badge');
    await expect.poll(() => badges.allTextContents(), { timeout: 10_000 }).toEqual(['In your network']);
    // The badge sits beside Olivia's own result, not another's.
    expect(await page.locator('warm-intro-badge').first().evaluate((host) => host.closest('[role=listitem]')?.textContent ?? '')).toContain('Olivia Hartmann');
    // Élodie is a contact now (with her member id), so the list knows whose it is even after a page load.
    await expect.poll(() => page.getByTestId('wi-save-introducer').count()).toBe(3);
    const hannah = page.locator('[role=listitem]').filter({ hasText: 'Hannah Becker' }).getByTestId('wi-save-introducer');
    await hannah.click();
    await expect.poll(() => hannah.textContent()).toBe('Saved: could introduce you to Élodie');
    const [found] = await bg<Array<{ id: string }>>(ext, 'contact.search', { query: 'Hannah Becker' });
    const view = await bg<View>(ext, 'contact.lookup', { id: found!.id });
    expect(view.introductions).toEqual([expect.objectContaining({ status: 'suggested', targetName: 'Élodie Marchand' })]);
    await page.close();
  });

  it('lists the people you know on a company page', async () => {
    const page = await context.newPage();
    await page.goto(COMPANY);
    const panel = page.getByTestId('wi-company-panel');
    await expect.poll(() => panel.getByTestId('wi-company-title').textContent(), { timeout: 10_000 }).toBe('You know 2 people at Northwind Analytics');
    expect((await panel.getByTestId('wi-company-person-name').allTextContents()).sort()).toEqual(['Ines Duarte', 'Olivia Hartmann']);
    expect(await panel.getByTestId('wi-company-person-known').allTextContents()).toEqual(['In your network', 'In your network']);
    await page.locator('warm-intro-company').screenshot({ path: join(ROOT, 'docs/company-panel.png') });
    await page.close();
  });
});
