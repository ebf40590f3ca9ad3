/**
 * Issue 15 in real Chromium: a compromised LinkedIn or Gmail renderer can speak for the content
 * script, so the test speaks from exactly there — `chrome.runtime.sendMessage` evaluated in the
 * content script's isolated world (found through the DevTools protocol's execution contexts) — and
 * sees export, list, clear and restore refused, while the sidebar, the compose menus and logging
 * keep working.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const MATEO = 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/';
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';

type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };
type ExecutionContext = { id: number; name: string; origin: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } };

/** `chrome.runtime.sendMessage` from the extension's content-script world on `page`, as a compromised renderer could. */
async function contentScriptWorld(context: BrowserContext, page: Page, extensionId: string) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c as ExecutionContext));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    const i = contexts.findIndex((c) => c.id === executionContextId);
    if (i >= 0) contexts.splice(i, 1);
  });
  // Enabling reports every context that already exists, the isolated worlds included.
  await cdp.send('Runtime.enable');
  const ours = () =>
    contexts.find((c) => c.auxData?.type === 'isolated' && (c.name === 'Warm Intro' || c.origin === `chrome-extension://${extensionId}`));
  await expect.poll(() => !!ours(), { timeout: 10_000 }).toBe(true);
  const world = ours()!;
  return {
    name: world.name,
    async send(message: unknown): Promise<Reply> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as Reply;
    },
    /** Is this really the content script's world, not the page's? Only there is `chrome.runtime.id` ours. */
    async runtimeId(): Promise<unknown> {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'chrome.runtime && chrome.runtime.id', contextId: world.id, returnByValue: true });
      return result.value;
    },
  };
}

describe('a LinkedIn or Gmail page cannot reach the whole database', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let ext: Page;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-security-'));
    ({ context, extensionId } = await launch({ userDataDir: profileDir }));
    ext = await context.newPage();
    await ext.goto(extensionUrl(extensionId, 'popup.html'));
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('refuses export, list, clear and restore from the LinkedIn content script’s world; the sidebar, compose menu and logging keep working', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await bg(ext, 'contact.log', {
      name: 'Hannah Becker',
      company: 'Contoso Health',
      emails: ['hannah.becker@example.com'],
      notes: 'Private: met at a job fair',
      referrer: { type: 'name', name: 'Sam Lee' },
    });
    const { contact: mateo } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Mateo García',
      profileUrl: MATEO,
      referrer: { type: 'name', name: 'Olivia Hartmann' },
    });

    const page = await context.newPage();
    await page.goto(OLIVIA);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Olivia Hartmann');
    const world = await contentScriptWorld(context, page, extensionId);
    expect(await world.runtimeId()).toBe(extensionId);

    const backup = await bg(ext, 'backup.export');
    const refused = {
      'backup.export': await world.send({ type: 'backup.export' }),
      'contact.list': await world.send({ type: 'contact.list' }),
      'data.clear': await world.send({ type: 'data.clear' }),
      'backup.restore': await world.send({ type: 'backup.restore', payload: { backup: { ...backup, contacts: [] } } }),
      'contact.search': await world.send({ type: 'contact.search', payload: { query: 'a', limit: 50 } }),
      'settings.save': await world.send({ type: 'settings.save', payload: { userName: 'Mallory' } }),
      'contact.delete': await world.send({ type: 'contact.delete', payload: { id: mateo.id } }),
    };
    for (const [type, reply] of Object.entries(refused)) {
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(JSON.stringify(reply), type).not.toContain('Private: met at a job fair');
    }
    // What the page's features need still answers there, and only that much.
    const found = await world.send({ type: 'contact.find', payload: { query: 'Ha' } });
    expect(found).toEqual({ ok: true, data: [{ id: expect.any(String), name: 'Hannah Becker', company: 'Contoso Health' }] });
    expect(await world.send({ type: 'contact.find', payload: { query: 'H' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    // Nothing was cleared, restored, deleted or changed.
    const contacts = await bg<Array<{ name: string }>>(ext, 'contact.list');
    expect(contacts.map((c) => c.name).sort()).toEqual(['Hannah Becker', 'Mateo García']);
    expect((await bg<{ userName: string }>(ext, 'settings.get')).userName).toBe('Alex Morgan');

    // The sidebar still logs, with a referrer picked by the page search, and records a message.
    await page.getByTestId('wi-referrer').fill('Hann');
    await page.getByTestId('wi-picker-option').first().click();
    await page.getByTestId('wi-note').fill('Met at the product meetup.');
    await page.getByTestId('wi-log-contact').click();
    await expect.poll(() => page.getByTestId('wi-stage').textContent()).toBe('Prospect');
    expect(await page.getByTestId('wi-referrer-name').textContent()).toBe('Hannah Becker');
    await page.getByTestId('wi-notes').fill('Met at the product meetup. Prefers mornings.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByTestId('wi-record-message').click();
    await expect.poll(() => page.getByTestId('wi-attempts').textContent()).toMatch(/^1 of 3/);
    const olivia = await bg<{ contact: { notes: string } }>(ext, 'contact.lookup', { profileUrl: OLIVIA });
    expect(olivia.contact.notes).toBe('Met at the product meetup. Prefers mornings.');
    await page.close();

    // The LinkedIn compose menu still fills a message for Mateo.
    const thread = await context.newPage();
    await thread.goto(THREAD);
    await expect.poll(() => thread.getByTestId('wi-li-template-button').count(), { timeout: 10_000 }).toBe(1);
    await thread.getByTestId('wi-li-template-button').click();
    const menu = thread.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Mateo García');
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);
    expect(await thread.locator('form#msg-form-ember214 [role=textbox]').innerText()).toContain('Olivia Hartmann suggested I get in touch with you.');
    await thread.close();
  });

  it('refuses the same from the Gmail content script’s world, where the compose menu still works', async () => {
    const gmail = await context.newPage();
    await gmail.goto(INBOX);
    const world = await contentScriptWorld(context, gmail, extensionId);
    for (const type of ['backup.export', 'contact.list', 'data.clear', 'due.list', 'insights.get']) {
      expect(await world.send({ type }), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const matched = await world.send({ type: 'contact.matchEmails', payload: { emails: ['hannah.becker@example.com'] } });
    expect(matched).toMatchObject({ ok: true, data: [{ contact: { name: 'Hannah Becker' } }] });

    await gmail.locator('[gh=cm]').click();
    const input = gmail.locator('[role=dialog] input[aria-label="To recipients"]');
    await input.fill('hannah.becker@example.com');
    await input.press('Enter');
    const compose = gmail.locator('[role=dialog]');
    await expect.poll(() => compose.getByTestId('wi-compose-button').count(), { timeout: 10_000 }).toBe(1);
    await compose.getByTestId('wi-compose-button').click();
    const menu = compose.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Hannah Becker');
    await menu.locator('[data-testid=wi-template-option][data-template-id=request]').click();
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);
    expect(await compose.locator('[g_editable=true]').innerText()).toContain("I'm Alex Morgan");
    await gmail.close();
    expect((await bg<unknown[]>(ext, 'contact.list')).length).toBe(3);
  });
});
