/**
 * Issue 12, member ids: LinkedIn's message threads link people as /in/<member id>/, not by the
 * vanity URL a contact is logged from. A message sent from such a thread counts on the right person.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

const CAMILLE = 'https://www.linkedin.com/in/camille-dubois-6e2f8a41/';
const MEMBER_ID = 'ACoAAB3xK9sBq2Lm7TfHcY1pWzR0vN4eU8gQj5c';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-ZmM5YjJkNGEtMWU3Yy00YjJhLThmMWQtM2E1YzdlOWIwZDJmXzEwMA==/';

type View = {
  contact: { id: string; name: string; memberId: string | null; profileUrl: string | null; stage: string };
  attempts: Array<{ kind: string; channel: string }>;
};

describe('LinkedIn member ids in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let ext: Page;

  beforeAll(async () => {
    ({ context, extensionId } = await launch({
      routes: [
        [/^https:\/\/www\.linkedin\.com\/in\/camille-dubois-6e2f8a41\//, 'linkedin-mutuals-fr.html'],
        [/^https:\/\/www\.linkedin\.com\/messaging\/thread\/2-ZmM5/, 'linkedin-messaging-2026-member.html'],
      ],
    }));
    ext = await context.newPage();
    await ext.goto(extensionUrl(extensionId, 'popup.html'));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a message sent from a thread that links /in/<member id>/ counts on the contact logged from the vanity URL', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'brand marketing' });

    // Logged from her 2026 profile page: the sidebar stores the member id the page shows.
    const profile = await context.newPage();
    await profile.goto(CAMILLE);
    await expect.poll(() => profile.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Camille Dubois');
    await profile.getByTestId('wi-log-contact').click();
    await expect.poll(() => profile.getByTestId('wi-stage').textContent(), { timeout: 10_000 }).toBe('Prospect');
    const logged = await bg<View>(ext, 'contact.lookup', { profileUrl: CAMILLE });
    expect(logged.contact).toMatchObject({ name: 'Camille Dubois', profileUrl: CAMILLE, memberId: MEMBER_ID });
    await profile.close();
    // Jules Martin, a mutual connection, suggested her (the request names the referrer).
    await bg(ext, 'contact.update', { id: logged.contact.id, patch: { referrer: { type: 'name', name: 'Jules Martin' } } });

    // The thread names her only by member id; the menu still knows her.
    const page = await context.newPage();
    await page.goto(THREAD);
    await expect.poll(() => page.getByTestId('wi-li-template-button').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('wi-li-template-button').click();
    const menu = page.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Camille Dubois');
    await menu.locator('[data-template=request]').click();
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);

    const send = page.locator('form button[type=submit]');
    await expect.poll(() => send.isDisabled()).toBe(false);
    await send.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __li_fixture: { sent: unknown[] } }).__li_fixture.sent.length))
      .toBe(1);

    await expect.poll(async () => (await bg<View>(ext, 'contact.lookup', { id: logged.contact.id })).attempts.length, { timeout: 10_000 }).toBe(1);
    const view = await bg<View>(ext, 'contact.lookup', { id: logged.contact.id });
    expect(view.attempts).toEqual([expect.objectContaining({ kind: 'request', channel: 'linkedin' })]);
    const sent = await page.evaluate(() => (window as unknown as { __li_fixture: { sent: Array<{ text: string }> } }).__li_fixture.sent);
    expect(sent[0]!.text).toContain('Jules Martin');
    expect(view.contact.stage).toBe('requested');
    // One person, not a second contact made from the member-id link.
    const summary = await bg<{ total: number }>(ext, 'pipeline.summary');
    expect(summary.total).toBe(1);
    await page.close();
  });
});
