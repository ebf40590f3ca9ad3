import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, FIXTURES, launch, ROOT } from '../harness/browser.mjs';
import { bg } from './support';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown>; reload(): void } };

const THREAD = 'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/';
const MATEO = 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/';
const SAMIRA = 'https://www.linkedin.com/in/samira-haddad-6d2e9b14/';
const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const FEED = 'https://www.linkedin.com/feed/';
const BUTTON = 'wi-li-template-button';

type View = {
  contact: { id: string; name: string; stage: string; profileUrl: string | null };
  attempts: Array<{ kind: string; channel: string }>;
  referrerName: string | null;
  status: { attemptsUsed: number };
};
type Sent = { kind: 'message'; text: string; to: { url: string } } | { kind: 'invitation'; note: string; to: { url: string } };

/** Ask the background from an extension page, as the popup does; fails the test on an error reply. */

/** What the page itself recorded as sent (its own state, in the page's main world). */
const sentByPage = (page: Page) => page.evaluate(() => ((window as unknown as { __li_fixture: { sent: Sent[] } }).__li_fixture.sent));

/** Serve `fixture` at every LinkedIn URL for this page only (page routes come before the context's table). */
async function serve(page: Page, fixture: string) {
  await page.route(/^https:\/\/www\.linkedin\.com\//, (route) =>
    route.fulfill({ path: join(FIXTURES, fixture), contentType: 'text/html; charset=utf-8' }),
  );
}

describe('LinkedIn message boxes and invitation notes in real Chromium', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profileDir: string;
  let ext: Page;

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-li-composers-'));
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

  it('inserts the request naming the referrer into the thread; LinkedIn sends it and it counts as attempt 1 on LinkedIn', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Mateo García',
      profileUrl: MATEO,
      referrer: { type: 'name', name: 'Olivia Hartmann' },
    });

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(THREAD);
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);
    // Beside Send, inside the message form.
    expect(await page.locator('form#msg-form-ember214 warm-intro-li-compose').count()).toBe(1);

    await page.getByTestId(BUTTON).click();
    const menu = page.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Mateo García');
    const ids = await menu.getByTestId('wi-template-option').evaluateAll((els) => els.map((el) => el.getAttribute('data-template')));
    expect(ids).toEqual(['request', 'follow-up', 'thank-you', 'connect-note', 'update']);
    // A prospect never written to: the request is suggested and previewed.
    expect(await menu.locator('[data-template=request]').getAttribute('aria-checked')).toBe('true');
    const preview = (await menu.getByTestId('wi-preview-body').textContent()) ?? '';
    expect(preview).toMatch(/^Hi Mateo,\n\nOlivia Hartmann suggested I get in touch with you\./);
    expect(await menu.getByTestId('wi-preview-subject').count()).toBe(0); // LinkedIn messages have no subject

    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/linkedin-menu.png') });

    const send = page.locator('form#msg-form-ember214 button.msg-form__send-button');
    expect(await send.isDisabled()).toBe(true);
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);
    // The page's own state saw the text: Send is enabled, the placeholder is gone.
    await expect.poll(() => send.isDisabled()).toBe(false);
    expect(await page.locator('form#msg-form-ember214 .msg-form__placeholder').count()).toBe(0);
    const editorText = await page.locator('form#msg-form-ember214 [role=textbox]').innerText();
    expect(editorText).toContain('Olivia Hartmann suggested I get in touch with you.');
    // Inserting never sends.
    expect(await sentByPage(page)).toEqual([]);

    await send.click();
    await expect.poll(async () => (await sentByPage(page)).length).toBe(1);
    const [sent] = await sentByPage(page);
    expect(sent).toMatchObject({ kind: 'message', to: { url: MATEO } });
    const text = sent!.kind === 'message' ? sent!.text : '';
    // The first sentence after the greeting names the referrer; no job request, 15–20 minutes.
    expect(text.split('\n').filter(Boolean)[1]).toMatch(/^Olivia Hartmann suggested I get in touch/);
    expect(text).toContain('20 minutes');
    expect(text).toContain("I'm not asking for a job");
    expect(await page.locator('li[data-fx-sent] p.msg-s-event-listitem__body').innerText()).toContain('Olivia Hartmann suggested');

    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { profileUrl: MATEO })).status.attemptsUsed, { timeout: 10_000 })
      .toBe(1);
    const view = await bg<View>(ext, 'contact.lookup', { id: contact.id });
    expect(view.attempts).toEqual([expect.objectContaining({ kind: 'request', channel: 'linkedin' })]);
    expect(view.contact.stage).toBe('requested');

    // The box stays open after a LinkedIn send: still one button, and the template counted once.
    await page.waitForTimeout(300);
    expect(await page.getByTestId(BUTTON).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts a plain follow-up typed in the thread from the contact’s stage', async () => {
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', { name: 'Mateo García', profileUrl: MATEO });
    // The request went by e-mail: this thread shows Mateo writing after Alex's LinkedIn messages,
    // which after a LinkedIn request would be his reply (linkedin-replies.e2e.test.ts) and stop follow-ups.
    await bg(ext, 'attempt.record', { contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 15 * 86_400_000 });
    const page = await context.newPage();
    await page.goto(THREAD);
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);
    await page.locator('form#msg-form-ember214 [role=textbox]').click();
    await page.keyboard.type('Hi Mateo, just checking in on my note from two weeks ago.');
    // Enter makes a new line here ("Press Enter to Send" is off): not a send.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    expect((await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts).toHaveLength(1);
    await page.locator('form#msg-form-ember214 button.msg-form__send-button').click();
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts.map((a) => `${a.kind}/${a.channel}`), {
        timeout: 10_000,
      })
      .toEqual(['request/email', 'follow-up/linkedin']);
    await page.close();
  });

  it('counts a message sent with Enter where LinkedIn sends on Enter (the box empties, no submit event)', async () => {
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', { name: 'Mateo García', profileUrl: MATEO });
    const page = await context.newPage();
    await page.goto(THREAD);
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);
    // "Press Enter to Send" on: the page's own handler sends and empties the box on Enter, without
    // submitting the form (the fixture has the setting off, so the test adds that handler).
    await page.evaluate(() => {
      const editor = document.querySelector<HTMLElement>('form#msg-form-ember214 [role=textbox]')!;
      editor.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' || e.shiftKey) return;
        e.preventDefault();
        (window as unknown as { __li_fixture: { sent: unknown[] } }).__li_fixture.sent.push({ kind: 'message', text: editor.innerText });
        editor.innerHTML = '<p><br></p>';
      });
    });
    await page.locator('form#msg-form-ember214 [role=textbox]').click();
    await page.keyboard.type('Hi Mateo, Olivia Hartmann suggested I reach out.');
    await page.keyboard.press('Shift+Enter'); // a new line: nothing sent
    await page.keyboard.type('Would you have 20 minutes?');
    await page.waitForTimeout(600);
    expect((await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts).toHaveLength(0);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await sentByPage(page)).length).toBe(1);
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts.map((a) => `${a.kind}/${a.channel}`), {
        timeout: 10_000,
      })
      .toEqual(['request/linkedin']);
    await page.close();
  });

  it('adds the invitee from the dialog, inserts the short request within the note’s limit, and LinkedIn sends exactly that note', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'customer success' });
    const page = await context.newPage();
    await page.goto(SAMIRA);
    await page.locator('main button[aria-label="Invite Samira Haddad to connect"]').click();
    await page.locator('[role=dialog] button[aria-label="Add a note"]').click();
    const dialog = page.locator('[role=dialog].send-invite');
    await expect.poll(() => dialog.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);

    await dialog.getByTestId(BUTTON).click();
    const menu = page.getByTestId('wi-compose-menu');
    // Not in the pipeline yet: add her from the dialog (name and profile URL), with who referred her.
    await menu.getByTestId('wi-create-contact').click();
    expect(await menu.getByTestId('wi-new-name').inputValue()).toBe('Samira Haddad');
    expect(await menu.getByTestId('wi-new-profile').textContent()).toBe(SAMIRA);
    await menu.getByTestId('wi-new-referrer').fill('Hannah Becker');
    await menu.getByTestId('wi-create-submit').click();
    await expect.poll(() => menu.getByTestId('wi-contact-name').textContent()).toBe('Samira Haddad');

    await menu.locator('[data-template=request]').click();
    const note = await menu.getByTestId('wi-preview-edit').inputValue();
    expect(note).toMatch(/^Hi Samira, Hannah Becker suggested I reach out\./);
    expect(note.length).toBeLessThanOrEqual(300);
    expect(await menu.getByTestId('wi-count').textContent()).toBe(`${note.length} / 300`);
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);

    const textarea = dialog.locator('textarea#custom-message');
    expect(await textarea.inputValue()).toBe(note);
    // The page's counter and Send follow its own state: the insert went through its input path.
    expect(await dialog.locator('.send-invite__counter').textContent()).toBe(`${note.length}/300`);
    const send = dialog.locator('button[aria-label="Send invitation"]');
    await expect.poll(() => send.isDisabled()).toBe(false);
    expect(await sentByPage(page)).toEqual([]);

    await send.click();
    await expect.poll(() => page.locator('blockquote[data-fx-sent-note]').count()).toBe(1);
    expect(await page.locator('blockquote[data-fx-sent-note]').textContent()).toBe(note);
    expect(await sentByPage(page)).toEqual([{ kind: 'invitation', to: { name: 'Samira Haddad', url: SAMIRA }, note }]);
    // The dialog closed: its button went with it.
    await expect.poll(() => page.getByTestId(BUTTON).count()).toBe(0);

    await expect
      .poll(async () => (await bg<View | null>(ext, 'contact.lookup', { profileUrl: SAMIRA }))?.status.attemptsUsed, { timeout: 10_000 })
      .toBe(1);
    const view = await bg<View>(ext, 'contact.lookup', { profileUrl: SAMIRA });
    expect(view.referrerName).toBe('Hannah Becker');
    expect(view.attempts).toEqual([expect.objectContaining({ kind: 'request', channel: 'linkedin' })]);
    await page.close();
  });

  it('refuses a note over the limit until it is shortened in the menu, and never cuts it', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'customer success in healthcare software' });
    await bg(ext, 'contact.log', { name: 'Samira Haddad', profileUrl: SAMIRA, referrer: { type: 'name', name: 'Hannah Becker' } });
    const page = await context.newPage();
    await page.goto(SAMIRA);
    await page.locator('main button[aria-label="Invite Samira Haddad to connect"]').click();
    await page.locator('[role=dialog] button[aria-label="Add a note"]').click();
    const dialog = page.locator('[role=dialog].send-invite');
    await expect.poll(() => dialog.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);
    // A free account's limit, tighter still: LinkedIn's own maxlength is what the menu reads.
    await dialog.locator('textarea#custom-message').evaluate((ta) => ta.setAttribute('maxlength', '150'));

    await dialog.getByTestId(BUTTON).click();
    const menu = page.getByTestId('wi-compose-menu');
    await expect.poll(() => menu.getByTestId('wi-count').count(), { timeout: 5_000 }).toBe(1);
    const long = await menu.getByTestId('wi-preview-edit').inputValue();
    expect(long.length).toBeGreaterThan(150);
    expect(await menu.getByTestId('wi-count').textContent()).toBe(`${long.length} / 150`);
    expect(await menu.getByTestId('wi-insert').isDisabled()).toBe(true);

    const shorter = long.replace(/ I'm exploring [^.]*\./, ' Could I ask you for 20 minutes of advice?');
    expect(shorter.length).toBeLessThanOrEqual(150);
    await menu.getByTestId('wi-preview-edit').fill(shorter);
    expect(await menu.getByTestId('wi-count').textContent()).toBe(`${shorter.length} / 150`);
    await menu.getByTestId('wi-insert').click();
    await expect.poll(() => menu.count()).toBe(0);
    expect(await dialog.locator('textarea#custom-message').inputValue()).toBe(shorter);
    await page.close();
  });

  it('puts one button in each chat bubble (open, minimised, group, new message) and none in a feed comment box', async () => {
    const page = await context.newPage();
    await serve(page, 'linkedin-chat-bubbles.html');
    await page.goto(FEED);
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(4);
    await page.waitForTimeout(400);
    expect(await page.getByTestId(BUTTON).count()).toBe(4);
    const perForm = await page.locator('form.msg-form').evaluateAll((forms) => forms.map((f) => f.querySelectorAll('warm-intro-li-compose').length));
    expect(perForm).toEqual([1, 1, 1, 1]);
    expect(await page.locator('form.comments-comment-box__form warm-intro-li-compose').count()).toBe(0);

    // Closing a bubble removes its button only.
    await page.locator('.msg-overlay-conversation-bubble').first().evaluate((b) => b.remove());
    await expect.poll(() => page.getByTestId(BUTTON).count()).toBe(3);
    await page.close();
  });

  it('finds a bubble mounted later inside #interop-outlet’s open shadow root', async () => {
    const page = await context.newPage();
    await serve(page, 'linkedin-interop-bubbles.html');
    await page.goto(FEED);
    await page.waitForTimeout(300);
    expect(await page.getByTestId(BUTTON).count()).toBe(0);
    // The interop shell attaches its shadow root to the outlet already in the page: no mutation
    // record anywhere. The page goes on changing (as LinkedIn's does), and the observer looks again.
    await page.evaluate(() => {
      const outlet = document.getElementById('interop-outlet')!;
      const root = outlet.attachShadow({ mode: 'open' });
      root.append((document.querySelector('template[data-fx="interop-overlay"]') as HTMLTemplateElement).content.cloneNode(true));
      document.querySelector('main')!.append(document.createElement('div'));
    });
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(2);
    // New content inside the shadow root is observed too: a third bubble gets its button.
    await page.evaluate(() => {
      const root = document.getElementById('interop-outlet')!.shadowRoot!;
      const bubble = root.querySelector('.msg-overlay-conversation-bubble')!;
      bubble.parentElement!.append(bubble.cloneNode(true));
    });
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(3);
    await page.close();
  });

  it('shows a bubble’s button when the user focuses its box, even if nothing else in the page changed', async () => {
    const page = await context.newPage();
    await serve(page, 'linkedin-interop-bubbles.html');
    await page.goto(FEED);
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const root = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
      root.append((document.querySelector('template[data-fx="interop-overlay"]') as HTMLTemplateElement).content.cloneNode(true));
    });
    await page.waitForTimeout(300);
    // Focus events are composed: they carry the shadow root in their path.
    await page.locator('#interop-outlet [role=textbox]').first().focus();
    await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('gives the feed no button, and follows a pushState move to a profile with the sidebar', async () => {
    const page = await context.newPage();
    await page.goto(FEED);
    await page.waitForTimeout(500);
    expect(await page.getByTestId(BUTTON).count()).toBe(0);
    expect(await page.locator('warm-intro-sidebar').count()).toBe(0);

    // LinkedIn moves to a profile without loading a page: URL first, then it swaps `main`. The feed
    // fixture has no router, so the test plays LinkedIn: pushState, then the classic profile's
    // `main` (fetched from its real URL, which the harness serves) replaces the feed's.
    await page.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', new URL(url).pathname);
      await new Promise((r) => setTimeout(r, 150));
      document.title = next.title;
      document.querySelector('main')!.replaceWith(document.importNode(next.querySelector('main')!, true));
    }, OLIVIA);
    expect(page.url()).toBe(OLIVIA);
    await expect.poll(() => page.getByTestId('wi-profile-name').textContent(), { timeout: 10_000 }).toBe('Olivia Hartmann');
    expect(await page.locator('warm-intro-sidebar').count()).toBe(1);
    await page.close();
  });
});

describe('LinkedIn message box after an extension update', () => {
  it('turns a click on an old button into "reload this page", then removes the buttons, with no uncaught errors', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'wi-e2e-li-reload-'));
    const { context, extensionId } = await launch({ userDataDir: profileDir });
    try {
      const ext = await context.newPage();
      await ext.goto(extensionUrl(extensionId, 'popup.html'));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && /context invalidated|Uncaught/i.test(m.text()) && problems.push(m.text()));
      await page.goto(THREAD);
      await expect.poll(() => page.getByTestId(BUTTON).count(), { timeout: 10_000 }).toBe(1);

      // Chromium does not bring a command-line extension back after runtime.reload(): this browser is used for nothing else.
      await ext.evaluate(() => chrome.runtime.reload()).catch(() => {});
      await expect.poll(() => context.pages().length).toBe(2);

      await page.getByTestId(BUTTON).click();
      await expect
        .poll(() => page.getByTestId('wi-stale').textContent())
        .toBe('Warm Intro was updated — reload this page to keep using it.');
      await page.getByTestId('wi-menu-close').click();
      await expect.poll(() => page.locator('warm-intro-li-compose').count()).toBe(0);

      // Stopped cleanly: typing and sending in the box wakes nothing.
      await page.locator('form#msg-form-ember214 [role=textbox]').click();
      await page.keyboard.type('Hello');
      await page.locator('form#msg-form-ember214 button.msg-form__send-button').click();
      await page.waitForTimeout(500);
      expect(await page.locator('warm-intro-li-compose').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
