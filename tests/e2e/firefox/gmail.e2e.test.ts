import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from '../../harness/firefox.mjs';
import { bg, byTestId, click, countTestId, sleep, testIdText, valueOf } from './support';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';

type View = {
  contact: { id: string; stage: string };
  attempts: Array<{ kind: string; channel: string; subject: string | null }>;
  status: { attemptsUsed: number };
};

/** Open a new compose addressed to `to`; returns its dialog. */
async function openCompose(gmail: Page, to: string): Promise<ElementHandle<Element>> {
  const before = (await gmail.$$('[role=dialog]')).length;
  await gmail.click('[gh=cm]');
  await expect.poll(async () => (await gmail.$$('[role=dialog]')).length).toBe(before + 1);
  const compose = (await gmail.$$('[role=dialog]'))[before]!;
  const input = (await compose.$('input[aria-label="To recipients"]'))!;
  await input.type(to);
  await input.press('Enter');
  await expect.poll(async () => (await compose.$$(`[role=option][data-hovercard-id="${to}"]`)).length).toBe(1);
  return compose;
}

/** Open the Warm Intro menu in `compose`, choose a template, insert it. */
async function insertTemplate(gmail: Page, compose: ElementHandle<Element>, templateId: string): Promise<void> {
  await click(compose, 'wi-compose-button');
  await expect.poll(() => countTestId(gmail, 'wi-compose-menu')).toBe(1);
  const option = () => gmail.$(`>>> [data-testid="wi-template-option"][data-template-id="${templateId}"]`);
  await expect.poll(async () => !!(await option())).toBe(true);
  await (await option())!.click();
  await click(gmail, 'wi-insert');
  await expect.poll(() => countTestId(gmail, 'wi-compose-menu')).toBe(0);
}

const subjectOf = async (compose: ElementHandle<Element>) => valueOf((await compose.$('input[name=subjectbox]'))!);
const bodyOf = async (compose: ElementHandle<Element>) =>
  (await compose.$('[g_editable=true]'))!.evaluate((e) => (e as HTMLElement).innerText);

describe('Gmail compose in real Firefox (the MV2 add-on)', () => {
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

  it('puts one button in the compose, inserts the request naming the referrer in the subject, and counts the send', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await bg<{ contact: { id: string } }>(ext, 'contact.log', {
      name: 'Olivia Hartmann',
      company: 'Northwind Analytics',
      emails: ['olivia.hartmann@example.com'],
      referrer: { type: 'name', name: 'Hannah Becker' },
    });
    const gmail = await ff.newPage();
    await gmail.goto(INBOX);
    const compose = await openCompose(gmail, 'olivia.hartmann@example.com');
    await expect.poll(() => countTestId(compose, 'wi-compose-button'), { timeout: 10_000 }).toBe(1);
    await sleep(500); // Gmail re-renders the send row: still exactly one button
    expect(await countTestId(gmail, 'wi-compose-button')).toBe(1);

    await click(compose, 'wi-compose-button');
    await expect.poll(() => testIdText(gmail, 'wi-contact-name')).toBe('Olivia Hartmann');
    await expect.poll(async () => (await gmail.$$('>>> [data-testid="wi-template-option"]')).length).toBe(4);
    await (await gmail.$('>>> [data-testid="wi-template-option"][data-template-id="request"]'))!.click();
    await expect.poll(() => testIdText(gmail, 'wi-preview-subject')).toBe('Hannah Becker suggested I reach out');
    await click(gmail, 'wi-insert');
    await expect.poll(() => countTestId(gmail, 'wi-compose-menu')).toBe(0);

    expect(await subjectOf(compose)).toBe('Hannah Becker suggested I reach out');
    const text = await bodyOf(compose);
    expect(text).toContain('Hi Olivia,');
    expect(text).toContain("Hannah Becker suggested I get in touch with you. I'm Alex Morgan, and I'm exploring product management");
    expect(text).not.toMatch(/\{|\}|undefined/);

    await (await compose.$('div.aoO[role=button]'))!.click();
    await expect.poll(async () => (await gmail.$$('[role=dialog]')).length).toBe(0);
    await expect
      .poll(async () => (await bg<View>(ext, 'contact.lookup', { id: contact.id })).status.attemptsUsed, { timeout: 10_000 })
      .toBe(1);
    const view = await bg<View>(ext, 'contact.lookup', { id: contact.id });
    expect(view.contact.stage).toBe('requested');
    expect(view.attempts).toEqual([
      expect.objectContaining({ kind: 'request', channel: 'email', subject: 'Hannah Becker suggested I reach out' }),
    ]);
    await gmail.close();
  });

  it('gives two open composes a button each, and each inserts into its own compose', async () => {
    await bg(ext, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await bg(ext, 'contact.log', {
      name: 'Olivia Hartmann',
      emails: ['olivia.hartmann@example.com'],
      referrer: { type: 'name', name: 'Hannah Becker' },
    });
    await bg(ext, 'contact.log', {
      name: 'Marcus Lindqvist',
      emails: ['marcus.lindqvist@example.com'],
      referrer: { type: 'name', name: 'Priya Natarajan' },
    });
    const gmail = await ff.newPage();
    await gmail.goto(INBOX);
    const first = await openCompose(gmail, 'olivia.hartmann@example.com');
    const second = await openCompose(gmail, 'marcus.lindqvist@example.com');
    await expect.poll(() => countTestId(gmail, 'wi-compose-button'), { timeout: 10_000 }).toBe(2);
    expect(await countTestId(first, 'wi-compose-button')).toBe(1);
    expect(await countTestId(second, 'wi-compose-button')).toBe(1);

    await insertTemplate(gmail, second, 'request');
    expect(await subjectOf(second)).toBe('Priya Natarajan suggested I reach out');
    expect(await bodyOf(second)).toContain('Hi Marcus,');
    expect(await subjectOf(first)).toBe('');
    expect(await bodyOf(first)).not.toContain('Marcus');
    await gmail.close();
  });

  it('reached no network: every web request was a fixture page, and nothing got past to the sink proxy', () => {
    expect(ff.requests.length).toBeGreaterThan(0);
    expect(ff.requests.filter((r) => !r.served)).toEqual([]);
    expect(ff.leaks).toEqual([]);
  });
});
