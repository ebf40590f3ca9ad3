import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launch } from '../harness/browser.mjs';
import { bg } from './support';

const REPLIED_THREAD = 'https://www.linkedin.com/messaging/thread/2-NzJiNGQ5ZTEtM2M1YS00ZTZmLWI4YTItMWQ5YzNlNWY3YTJiXzEwMA==/';
const LAST_THREAD = 'https://www.linkedin.com/messaging/thread/2-ZDRlNWY2YTctYjhjOS00ZDBlLTlmMWEtMmIzYzRkNWU2ZjdhXzEwMA==/';
const INES = 'https://www.linkedin.com/in/ines-duarte-9f0a3b62/';
const FEED = 'https://www.linkedin.com/feed/';
const AMARA = 'https://www.linkedin.com/in/ACoAAH2tAmara26Okoye8f3e1c5d7bWxYz/';
const YUSUF = 'https://www.linkedin.com/in/ACoAAG8rYusuf26Demir4c1d9e7b2aQpLs/';
const BUTTON = 'wi-li-template-button';

type View = { contact: { id: string; repliedAt: number | null; stage: string } };

describe('LinkedIn replies in real Chromium', () => {
  let context: BrowserContext;
  let profileDir: string;
  let ext: Page;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-li-replies-'));
    let extensionId: string;
    ({ context, extensionId } = await launch({
      userDataDir: profileDir,
      routes: [
        [/^https:\/\/www\.linkedin\.com\/messaging\/thread\/2-NzJi/, 'linkedin-thread-replied.html'],
        [/^https:\/\/www\.linkedin\.com\/messaging\/thread\/2-ZDRl/, 'linkedin-thread-2026-we-wrote-last.html'],
        [/^https:\/\/www\.linkedin\.com\/feed\//, 'linkedin-bubble-2026.html'],
      ],
    }));
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

  /** A contact asked once on LinkedIn (stage "requested"). */
  async function askedOnLinkedIn(name: string, profileUrl: string, channel = 'linkedin'): Promise<string> {
    const { contact } = await bg<View>(ext, 'contact.log', { name, profileUrl });
    await bg(ext, 'attempt.record', { contactId: contact.id, channel, kind: 'request', subject: null, at: Date.now() - 86_400_000 });
    return contact.id;
  }

  it('opening a thread where the contact answered our LinkedIn request marks them replied', async () => {
    const id = await askedOnLinkedIn('Ines Duarte', INES);
    expect((await bg<View>(ext, 'contact.lookup', { id })).contact).toMatchObject({ stage: 'requested', repliedAt: null });

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(REPLIED_THREAD);
    await expect.poll(async () => (await bg<View>(ext, 'contact.lookup', { id })).contact.repliedAt, { timeout: 10_000 }).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a chat bubble mounted later in #interop-outlet’s shadow root, where the contact answered, marks them replied', async () => {
    const id = await askedOnLinkedIn('Amara Okoye', AMARA);
    const page = await context.newPage();
    await page.goto(FEED);
    // Attaching a shadow root makes no mutation record: the page observer meets the overlay at the
    // page's next change or the user's next click in it. Here the user clicks the bubble's messages.
    const message = page.locator('#interop-outlet .msg-s-message-list');
    await message.waitFor();
    await message.click();
    await expect.poll(async () => (await bg<View>(ext, 'contact.lookup', { id })).contact.repliedAt, { timeout: 10_000 }).not.toBeNull();
    await page.close();
  });

  it('a thread where we wrote last, or a contact whose last note went by e-mail, is not marked replied', async () => {
    const yusuf = await askedOnLinkedIn('Yusuf Demir', YUSUF);
    const ines = await askedOnLinkedIn('Ines Duarte', INES, 'email');

    for (const url of [LAST_THREAD, REPLIED_THREAD]) {
      const page = await context.newPage();
      await page.goto(url);
      // The content script has read the conversation once its button stands beside Send.
      await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);
      await page.waitForTimeout(1000);
      await page.close();
    }
    expect((await bg<View>(ext, 'contact.lookup', { id: yusuf })).contact.repliedAt).toBeNull();
    expect((await bg<View>(ext, 'contact.lookup', { id: ines })).contact.repliedAt).toBeNull();
  });
});
