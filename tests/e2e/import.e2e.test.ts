/**
 * A big import in the real dashboard, in real Chromium (lib/import-parts.ts): it goes in parts with
 * a progress bar, and when Chrome stops the service worker in the middle, the dashboard sends the
 * unanswered part again and the import finishes with every contact written once.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

/** Invented people, LinkedIn's export format; `n` rows. */
function connections(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `Test,Person ${i},https://www.linkedin.com/in/test-person-${i.toString(36)}-e2e,,Company ${i % 50},Engineer,${1 + (i % 28)} Mar 2024`);
  return ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n');
}

describe('a big import in the dashboard (real Chromium)', () => {
  let context: BrowserContext;
  let extensionId: string;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    ({ context, extensionId } = await launch());
    page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'dashboard.html#/data'));
    cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('goes on after the service worker is stopped mid-import, writing every contact once', async () => {
    const N = 10_000;
    await page.getByTestId('wi-import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connections(N)) });
    await expect.poll(() => page.getByTestId('wi-import-summary').textContent(), { timeout: 60_000 }).toMatch(/^10,000 contacts ready/);
    await page.getByTestId('wi-import-confirm').click();
    const bar = page.getByRole('progressbar', { name: /^Importing…/ });
    // Stop the worker once the first part is in and the second is on its way.
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 120_000 }).toBe('2000');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The result, or the error the dashboard shows instead (so a stopped import fails here at once).
    const outcome = () => page.locator('[data-testid="wi-import-result"], [data-testid="wi-import-error"]').first().textContent({ timeout: 1000 }).catch(() => null);
    await expect.poll(outcome, { timeout: 180_000 }).toMatch(/^Imported: 10,000 added, 0 merged, 0 skipped\. They are in your network|stopped/);
    expect(await outcome()).toMatch(/^Imported: 10,000 added, 0 merged, 0 skipped\./);
    const { items, total } = await bg(page, 'network.list', { limit: 1 });
    expect(total).toBe(N);
    expect(items).toHaveLength(1);
  }, 300_000);
});
