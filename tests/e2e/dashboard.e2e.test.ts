import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch, ROOT } from '../harness/browser.mjs';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
declare const axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOCS = join(ROOT, 'docs');

const FIRST = ['Olivia', 'Marcus', 'Priya', 'Tomas', 'Samira', 'Hannah', 'Lena', 'Kai', 'Omar', 'Maria', 'Jonas', 'Aisha', 'Diego', 'Mei', 'Noah', 'Elif', 'Ravi', 'Sofia', 'Ben', 'Yara', 'Felix', 'Nadia', 'Luca', 'Ines', 'Theo', 'Amara', 'Jun', 'Clara', 'Mateo', 'Zoe', 'Arjun', 'Freya', 'Idris', 'Lucia', 'Hugo', 'Maya', 'Oscar', 'Leila', 'Anton', 'Rosa'];
const LAST = ['Hartmann', 'Lindqvist', 'Natarajan', 'Alvarez', 'Haddad', 'Becker', 'Fischer', 'Ito', 'Lopez', 'Novak', 'Okafor', 'Silva', 'Chen', 'Dubois', 'Kowalski', 'Rossi', 'Sato', 'Jensen', 'Moreau', 'Patel', 'Larsen', 'Costa', 'Meyer', 'Tanaka', 'Walsh'];
const COMPANIES = ['Northwind Analytics', 'Fabrikam', 'Contoso Health', 'Tailspin Studio', 'Woodgrove Bank', 'Litware', 'Adatum', 'Proseware', 'Wide World Importers', 'City of Lakeside'];
const TITLES = ['Service Designer', 'UX Researcher', 'Data Scientist', 'Product Manager', 'Policy Analyst', 'Program Director', 'Content Strategist'];
const TAGS = ['design', 'data', 'nonprofit', 'health', 'public sector', 'fintech'];
const REFERRERS = ['Aunt June', 'Prof. Adeyemi', 'Sam Lee', 'Career office'];

/** 1,000 people in LinkedIn's own export format, with its "Notes:" preamble, plus a Tags column. */
function connectionsCsv(): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On,Tags,Referred By',
  ];
  for (let i = 0; i < 1000; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const company = COMPANIES[(i * 7) % COMPANIES.length]!;
    const email = i % 2 ? `${first}.${last}@${company.toLowerCase().replace(/\W+/g, '')}.example`.toLowerCase() : '';
    const tag = `${TAGS[i % TAGS.length]}; ${TAGS[(i * 5 + 1) % TAGS.length]}`;
    const referrer = i % 3 === 0 ? REFERRERS[i % REFERRERS.length] : '';
    lines.push(
      [first, last, `https://www.linkedin.com/in/${first}-${last}-${i}`.toLowerCase(), email, `"${company}"`, TITLES[i % TITLES.length], '12 Mar 2024', tag, referrer].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

async function send<T = unknown>(page: Page, type: string, payload?: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload })) as { ok: boolean; data: T; error?: unknown };
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** Serious or critical axe violations on the page, colour contrast included (real rendering here). */
async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate runs outside the page's CSP, which forbids injected <script> tags on extension pages.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

type Summary = { counts: Record<string, number>; total: number };

describe('the dashboard and popup in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let work: string;
  let page: Page;
  let backupPath = '';
  let countsBeforeExport: Summary | null = null;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-dashboard-'));
    work = mkdtempSync(join(tmpdir(), 'wi-e2e-files-'));
    ({ context, extensionId } = await launch({ userDataDir: profileDir }));
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('imports a CSV of 1,000 contacts through the Data view', async () => {
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/data'));
    await page.getByTestId('wi-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connectionsCsv()) });
    await expect.poll(() => page.getByTestId('wi-import-summary').textContent(), { timeout: 20_000 }).toMatch(/^1,000 contacts ready from Connections\.csv \(LinkedIn connections export\)\./);
    // LinkedIn's connections go to the network unless asked otherwise: this suite works the board.
    await page.getByTestId('wi-import-target-pipeline').check();
    await page.getByTestId('wi-import-confirm').click();
    await expect.poll(() => page.getByTestId('wi-import-result').textContent(), { timeout: 20_000 }).toMatch(/^Imported: 1,000 added, 0 merged, 0 skipped\. They are on the board/);
  });

  it('shows the counts in the popup', async () => {
    const popup = await context.newPage();
    await popup.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => popup.getByTestId('wi-stage-count-prospect').textContent()).toBe('1000');
    expect(await popup.getByTestId('wi-stage-count-scheduled').textContent()).toBe('0');
    await popup.close();
  });

  it('moves a card to Scheduled with the keyboard', async () => {
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/board'));
    await page.getByTestId('wi-filter-company').fill('City of Lakeside');
    await expect.poll(() => page.getByTestId('wi-board-total').textContent()).toBe('100 of 1,000 contacts');
    const card = page.getByTestId('wi-col-prospect').getByTestId('wi-card').first();
    const name = (await card.locator('a').textContent())!;
    await card.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByTestId('wi-col-requested').getByTestId('wi-card').locator('a').allTextContents()).toEqual([name]);
    // Focus stays on the moved card, so a second press moves it again.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByTestId('wi-col-scheduled').getByTestId('wi-card').locator('a').allTextContents()).toEqual([name]);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cardId ?? null)).not.toBeNull();
    const found = await send<Array<{ stage: string; name: string }>>(page, 'contact.search', { query: name, limit: 5 });
    expect(found.find((c) => c.name === name)?.stage).toBe('scheduled');
    expect(await page.getByTestId('wi-board-announce').textContent()).toBe(`Moved ${name} to Scheduled.`);

    const popup = await context.newPage();
    await popup.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => popup.getByTestId('wi-stage-count-scheduled').textContent()).toBe('1');
    expect(await popup.getByTestId('wi-stage-count-prospect').textContent()).toBe('999');
    await popup.close();
  });

  it('exports a JSON backup as a download', async () => {
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/data'));
    countsBeforeExport = await send<Summary>(page, 'pipeline.summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wi-export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^warm-intro-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(work, download.suggestedFilename());
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('warm-intro-backup');
    expect(backup.contacts).toHaveLength(1000);
  });

  it('deletes all data after confirming, then restores the exported file and finds every record', async () => {
    const before = JSON.parse(readFileSync(backupPath, 'utf8'));
    await page.getByTestId('wi-clear-all').click();
    await page.getByTestId('wi-clear-all-confirm').click();
    await expect.poll(() => page.getByTestId('wi-clear-done').textContent()).toBe('All data deleted.');
    expect((await send<Summary>(page, 'pipeline.summary')).total).toBe(0);

    await page.getByTestId('wi-restore-file').setInputFiles(backupPath);
    await expect.poll(() => page.getByTestId('wi-restore-pending').textContent()).toMatch(/1,000 contacts/);
    await page.getByTestId('wi-restore-confirm').click();
    await expect.poll(() => page.getByTestId('wi-restore-done').textContent(), { timeout: 20_000 }).toBe('Restored 1,000 contacts.');

    const after = await send<Summary>(page, 'pipeline.summary');
    expect(after.counts).toEqual(countsBeforeExport!.counts);
    // Every record exactly as it was.
    const again = await send<Record<string, unknown>>(page, 'backup.export');
    expect({ ...again, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });

    // A specific contact, looked up by e-mail through the protocol and by name through the UI.
    const someone = before.contacts.find((c: { emails: string[] }) => c.emails.length > 0);
    const view = await send<{ contact: { id: string; name: string } }>(page, 'contact.lookup', { email: someone.emails[0] });
    expect(view.contact).toEqual(someone);
    await page.getByTestId('wi-dash-search').fill(someone.name);
    await page.getByTestId('wi-dash-search-result').first().click();
    await expect.poll(() => page.getByTestId('wi-contact-name').textContent()).toBe(someone.name);
  });

  it('takes the README screenshots', async () => {
    // A realistic week: some requests out and due for a follow-up, meetings booked, one held.
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/board'));
    const all = await send<Array<{ id: string; name: string; company: string | null }>>(page, 'contact.list');
    const DAY = 86_400_000;
    const now = Date.now();
    const pick = (i: number) => all[(i * 37) % all.length]!;
    for (let i = 0; i < 14; i++) {
      await send(page, 'attempt.record', { contactId: pick(i).id, channel: i % 2 ? 'email' : 'linkedin', kind: 'request', at: now - (16 + i) * DAY });
    }
    for (let i = 14; i < 20; i++) {
      await send(page, 'meeting.schedule', { contactId: pick(i).id, scheduledAt: now + (i - 12) * DAY, minutes: i % 2 ? 15 : 20 });
    }
    for (let i = 20; i < 24; i++) {
      const m = await send<{ id: string }>(page, 'meeting.schedule', { contactId: pick(i).id, scheduledAt: now - (i - 18) * DAY, minutes: 20 });
      await send(page, 'contact.interviewed', { contactId: pick(i).id, meetingId: m.id });
    }
    for (let i = 24; i < 27; i++) await send(page, 'contact.stage', { contactId: pick(i).id, stage: 'thanked' });
    for (let i = 27; i < 29; i++) await send(page, 'contact.stage', { contactId: pick(i).id, stage: 'keeping-in-touch' });
    await send(page, 'contact.stage', { contactId: pick(29).id, stage: 'moved-on' });

    mkdirSync(DOCS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/board'));
    await expect.poll(() => page.getByTestId('wi-col-count-interviewed').textContent()).toBe('4');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, 'dashboard.png') });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(extensionUrl(extensionId, 'popup.html'));
    await expect.poll(() => popup.getByTestId('wi-due-item').count()).toBeGreaterThan(3);
    await popup.waitForTimeout(200);
    await popup.screenshot({ path: join(DOCS, 'popup.png') });
    await popup.close();
  });

  it('passes axe (contrast included) on every dashboard view and the popup, light and dark', async () => {
    // A contact with a held meeting shows the most controls: outreach, questions, notes, reflection.
    const met = (await send<Array<{ id: string; stage: string }>>(page, 'contact.list')).find((c) => c.stage === 'interviewed')!;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const hash of ['#/board', `#/contact/${met.id}`, '#/data', '#/insights', '#/templates', '#/settings']) {
        await page.goto(extensionUrl(extensionId, `dashboard.html${hash}`));
        await page.locator('h1').first().waitFor();
        await page.waitForTimeout(300);
        expect(await axeViolations(page), `${colorScheme} ${hash}`).toEqual([]);
      }
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(extensionUrl(extensionId, 'popup.html'));
      await popup.getByTestId('wi-stage-count-prospect').waitFor();
      expect(await axeViolations(popup), `${colorScheme} popup`).toEqual([]);
      await popup.close();
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

});
