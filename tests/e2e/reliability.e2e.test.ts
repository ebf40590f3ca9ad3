import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

declare const chrome: any;

describe('the service worker killed in the middle of a write (real Chromium)', () => {
  let context: BrowserContext;
  let extensionId: string;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    ({ context, extensionId } = await launch());
    page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'popup.html'));
    cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await context?.close();
  });

  const send = (type: string, payload?: unknown) => bg(page, type, payload);

  /** Start a request, stop every service worker `delay` ms later, and let the request fail or finish. */
  const killDuring = async (type: string, payload: unknown, delay: number) => {
    const pending = page.evaluate((m) => chrome.runtime.sendMessage(m).then(
      (r: any) => (r === undefined ? 'interrupted' : r.ok ? 'done' : 'refused'),
      () => 'interrupted',
    ), { type, payload });
    await page.waitForTimeout(delay);
    await cdp.send('ServiceWorker.stopAllWorkers');
    return pending;
  };

  it('an import is all or nothing, and earlier data survives', async () => {
    const contacts = Array.from({ length: 10_000 }, (_, i) => ({ name: `Imported Person ${i}`, emails: [`p${i}@example.com`] }));
    // How long a whole import takes here, so the worker can be stopped in the middle of one.
    const started = Date.now();
    await send('contacts.import', { contacts, duplicates: 'skip' });
    const took = Date.now() - started;
    await send('data.clear');
    await send('contact.log', { name: 'Keep Me', profileUrl: 'https://www.linkedin.com/in/keep-me/' });

    const outcomes: string[] = [];
    for (const share of [0.25, 0.5, 0.75]) {
      const outcome = await killDuring('contacts.import', { contacts, duplicates: 'skip' }, Math.round(took * share));
      outcomes.push(outcome);
      const { total } = await send('pipeline.summary');
      // Either nothing of the import, or all of it — never a part.
      expect([1, 10_001]).toContain(total);
      if (total === 10_001) {
        await send('data.clear');
        await send('contact.log', { name: 'Keep Me', profileUrl: 'https://www.linkedin.com/in/keep-me/' });
      }
    }
    expect((await send('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/keep-me/' })).contact.name).toBe('Keep Me');
    // At least one import really was cut short.
    expect(outcomes).toContain('interrupted');
    console.log(`a whole import took ${took} ms; stopped at 1/4, 1/2, 3/4 of that: ${outcomes.join(', ')}`);
    // Four 10,000-contact imports: ~7 s each on an idle 2-core machine, 15–30 s when it is shared.
  }, 300_000);

  it('a restore is all or nothing', async () => {
    const backup = await send('backup.export');
    const before = backup.contacts.length;
    const small = { ...backup, contacts: backup.contacts.slice(0, 3), attempts: [], meetings: [], referrals: [] };
    await killDuring('backup.restore', { backup: small }, 50);
    const { total } = await send('pipeline.summary');
    expect([3, before]).toContain(total);
  });
});
