import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from '../../harness/firefox.mjs';
import { allByTestId, bg, byTestId, click, countTestId, sleep, testIdText, valueOf } from './support';

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const MARCUS = 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/';
const PRIYA = 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/';
const MATEO = 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/';

type View = {
  contact: { id: string; stage: string };
  attempts: Array<{ kind: string; channel: string }>;
  status: { attemptsUsed: number };
};
type Sent = { kind: string; text: string; to: { url: string } };

describe('LinkedIn in real Firefox (the MV2 add-on)', () => {
  let ff: Awaited<ReturnType<typeof launchFirefox>>;
  let ext: Page;

  beforeAll(async () => {
    ff = await launchFirefox();
    ext = await ff.openExtensionPage('popup.html');
  });
  afterEach(async () => {
    await bg(ext, 'data.clear');
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('names the person, logs them with a referrer, and knows them after a reload', async () => {
    await bg(ext, 'contact.log', { name: 'Hannah Becker', company: 'Contoso Health' });
    const page = await ff.newPage();
    await page.goto(OLIVIA);
    await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe('Olivia Hartmann');
    expect(await countTestId(page, 'wi-sidebar')).toBe(1);

    await (await byTestId(page, 'wi-referrer')).type('Hann');
    await expect.poll(() => countTestId(page, 'wi-picker-option')).toBeGreaterThan(0);
    await click(page, 'wi-picker-option');
    await (await byTestId(page, 'wi-note')).type('Met Hannah at the product meetup.');
    await click(page, 'wi-log-contact');
    await expect.poll(() => testIdText(page, 'wi-stage')).toBe('Prospect');
    expect(await testIdText(page, 'wi-referrer-name')).toBe('Hannah Becker');

    await page.reload();
    await expect.poll(() => testIdText(page, 'wi-stage'), { timeout: 10_000 }).toBe('Prospect');
    expect(await testIdText(page, 'wi-profile-name')).toBe('Olivia Hartmann');
    expect(await testIdText(page, 'wi-referrer-name')).toBe('Hannah Becker');
    expect(await valueOf(await byTestId(page, 'wi-notes'))).toBe('Met Hannah at the product meetup.');
    await page.close();
  });

  it('names the person on every profile layout (2023–24, the 2025–26 hashed-class rebuild, German, SPA, diacritics)', async () => {
    const layouts: Array<[string, string]> = [
      [OLIVIA, 'Olivia Hartmann'],
      ['https://www.linkedin.com/in/daniel-okafor-7e21c9a4/', 'Daniel Okafor'],
      ['https://www.linkedin.com/in/jonas-becker-1f0e7d33/', 'Jonas Becker'],
      [MARCUS, 'Marcus Lindqvist'],
      ['https://www.linkedin.com/in/samira-haddad-6d2e9b14/', 'Samira Haddad'],
      ['https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m-%C5%82ukasiewicz-9c1d2e3f/', 'Zoë Ångström-Łukasiewicz 🚀'],
    ];
    const page = await ff.newPage({
      routes: [
        [/^https:\/\/www\.linkedin\.com\/in\/daniel-okafor-7e21c9a4\//, 'linkedin-profile-hashed.html'],
        [/^https:\/\/www\.linkedin\.com\/in\/jonas-becker-1f0e7d33\//, 'linkedin-profile-de.html'],
      ],
    });
    for (const [url, name] of layouts) {
      await page.goto(url);
      await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe(name);
      expect(await page.$$eval('warm-intro-sidebar', (els) => els.length)).toBe(1);
    }
    await page.close();
  });

  it('follows LinkedIn’s in-page navigation to the next person, with one sidebar', async () => {
    const page = await ff.newPage();
    await page.goto(MARCUS);
    await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe('Marcus Lindqvist');
    // Every name the sidebar shows, with the path at that moment: never the old person under the new URL.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as any).__wiSeen = seen;
      const host = document.querySelector('warm-intro-sidebar')!;
      const read = () => {
        const name = host.shadowRoot?.querySelector('[data-testid="wi-profile-name"]')?.textContent ?? '';
        seen.push(`${location.pathname}|${name}`);
      };
      new MutationObserver(read).observe(host.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    await page.click(`aside a[href="${PRIYA}"]`);
    await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe('Priya Natarajan');
    expect(await page.evaluate(() => location.href)).toBe(PRIYA);
    expect(await page.$$eval('warm-intro-sidebar', (els) => els.length)).toBe(1);
    const seen: string[] = await page.evaluate(() => (window as any).__wiSeen);
    expect(seen.filter((s) => s.startsWith('/in/priya') && s.endsWith('|Marcus Lindqvist'))).toEqual([]);

    // Logged on the new person, the sidebar knows the new person (not the first one).
    await click(page, 'wi-log-contact');
    await expect.poll(() => testIdText(page, 'wi-stage')).toBe('Prospect');
    const contacts = await bg<{ name: string; profileUrl: string | null }[]>(ext, 'contact.list');
    expect(contacts.map((c) => [c.name, c.profileUrl])).toEqual([['Priya Natarajan', PRIYA]]);

    await page.goBack();
    await expect.poll(() => testIdText(page, 'wi-profile-name'), { timeout: 10_000 }).toBe('Marcus Lindqvist');
    await expect.poll(() => countTestId(page, 'wi-log-contact')).toBe(1);
    expect(await page.$$eval('warm-intro-sidebar', (els) => els.length)).toBe(1);
    await page.close();
  });

  it('inserts the request into a LinkedIn message box through its input path; LinkedIn sends it and it counts', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Mateo García',
      profileUrl: MATEO,
      referrer: { type: 'name', name: 'Olivia Hartmann' },
    });
    const page = await ff.newPage();
    await page.goto(THREAD);
    await expect.poll(() => countTestId(page, 'wi-li-template-button'), { timeout: 10_000 }).toBe(1);
    expect(await page.$$eval('form#msg-form-ember214 warm-intro-li-compose', (els) => els.length)).toBe(1);

    await click(page, 'wi-li-template-button');
    await expect.poll(() => testIdText(page, 'wi-contact-name')).toBe('Mateo García');
    // A prospect never written to: the request is the suggested template.
    const requestChecked = async () => {
      const option = await page.$('>>> [data-testid="wi-template-option"][data-template="request"]');
      return option ? option.evaluate((e) => e.getAttribute('aria-checked')) : null;
    };
    await expect.poll(requestChecked).toBe('true');
    expect(await testIdText(page, 'wi-preview-body')).toMatch(/^Hi Mateo,\n\nOlivia Hartmann suggested I get in touch with you\./);

    const sendDisabled = () => page.$eval('form#msg-form-ember214 button.msg-form__send-button', (b) => (b as HTMLButtonElement).disabled);
    expect(await sendDisabled()).toBe(true);
    await click(page, 'wi-insert');
    await expect.poll(() => countTestId(page, 'wi-compose-menu')).toBe(0);
    // The page's own script saw the input (through Firefox's content-script wrappers): Send is on.
    await expect.poll(sendDisabled).toBe(false);
    expect(await page.$$eval('form#msg-form-ember214 .msg-form__placeholder', (els) => els.length)).toBe(0);
    const editor = await page.$eval('form#msg-form-ember214 [role=textbox]', (e) => (e as HTMLElement).innerText);
    expect(editor).toContain('Olivia Hartmann suggested I get in touch with you.');
    const sent = () => page.evaluate(() => (window as unknown as { __li_fixture: { sent: Sent[] } }).__li_fixture.sent);
    expect(await sent()).toEqual([]); // inserting never sends

    await page.click('form#msg-form-ember214 button.msg-form__send-button');
    await expect.poll(async () => (await sent()).length).toBe(1);
    const [message] = await sent();
    expect(message).toMatchObject({ kind: 'message', to: { url: MATEO } });
    expect(message!.text).toContain('Olivia Hartmann suggested I get in touch');
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).attempts, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ kind: 'request', channel: 'linkedin' })]);
    expect((await bg<View>(ext, 'contact.lookup', { id: contact.id })).contact.stage).toBe('requested');
    await sleep(300);
    expect((await allByTestId(page, 'wi-li-template-button')).length).toBe(1);
    await page.close();
  });

  it('finds message bubbles that LinkedIn mounts inside an open shadow root of the page (through Firefox’s wrappers)', async () => {
    const page = await ff.newPage({ routes: [[/^https:\/\/www\.linkedin\.com\//, 'linkedin-interop-bubbles.html']] });
    await page.goto('https://www.linkedin.com/feed/');
    await sleep(300);
    expect(await countTestId(page, 'wi-li-template-button')).toBe(0);
    // The page itself (not the add-on) attaches the shadow root, as LinkedIn's interop shell does.
    await page.evaluate(() => {
      const root = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
      root.append((document.querySelector('template[data-fx="interop-overlay"]') as HTMLTemplateElement).content.cloneNode(true));
      document.querySelector('main')!.append(document.createElement('div'));
    });
    await expect.poll(() => countTestId(page, 'wi-li-template-button'), { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('reached no network: every web request was a fixture page, and nothing got past to the sink proxy', () => {
    expect(ff.requests.length).toBeGreaterThan(0);
    expect(ff.requests.filter((r) => !r.served)).toEqual([]);
    expect(ff.leaks).toEqual([]);
  });
});
