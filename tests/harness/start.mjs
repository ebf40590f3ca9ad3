// `npm start`: the built extension in Chromium, on the demo pages (the fixtures served at their
// real LinkedIn and Gmail URLs), with a few demo contacts. With a display it opens a real window and
// waits until you close it; without one it runs headless, saves screenshots and exits.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extensionUrl, launch, ROOT } from './browser.mjs';

const headed = !!process.env.DISPLAY || process.platform === 'darwin' || process.platform === 'win32';
const headless = process.env.HEADLESS === '1' || !headed;
const DAY = 24 * 60 * 60 * 1000;

const { context, extensionId } = await launch({
  headless,
  userDataDir: mkdtempSync(join(tmpdir(), 'warm-intro-demo-')),
});

/** Send one protocol message from an extension page, as the popup would. */
async function seed(page, type, payload) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload });
  if (!reply?.ok) throw new Error(`demo data: ${type} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 640 });
await popup.goto(extensionUrl(extensionId, 'popup.html'));
const now = Date.now();
await seed(popup, 'settings.save', { userName: 'Alex Morgan', fieldOfInterest: 'product management' });
const { contact: hannah } = await seed(popup, 'contact.log', {
  name: 'Hannah Becker',
  company: 'Contoso Health',
  emails: ['hannah.becker@example.com'],
  tags: ['former colleague'],
});
const { contact: marcus } = await seed(popup, 'contact.log', {
  name: 'Marcus Lindqvist',
  headline: 'Staff Software Engineer at Fabrikam Cloud · Distributed systems, storage',
  company: 'Fabrikam Cloud',
  profileUrl: 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/',
  emails: ['marcus.lindqvist@example.net'],
  referrer: { type: 'contact', contactId: hannah.id },
});
await seed(popup, 'attempt.record', { contactId: marcus.id, channel: 'email', kind: 'request', at: now - 16 * DAY, subject: 'Hannah Becker suggested I reach out' });
const { contact: priya } = await seed(popup, 'contact.log', {
  name: 'Priya Natarajan',
  company: 'Tailspin Toys',
  profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/',
  referrer: { type: 'name', name: 'Ravi Shah' },
});
await seed(popup, 'meeting.schedule', { contactId: priya.id, scheduledAt: now - 26 * 60 * 60 * 1000, minutes: 20 });
await seed(popup, 'contact.interviewed', { contactId: priya.id });
await seed(popup, 'reminders.check', {});
await popup.reload();

const linkedin = await context.newPage();
await linkedin.goto('https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');
const marcusTab = await context.newPage();
await marcusTab.goto('https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/');
const gmail = await context.newPage();
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
await gmail.locator('[gh=cm]').click();

if (headless) {
  const out = join(ROOT, 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  const shots = [
    [linkedin, 'linkedin-profile.png', 'warm-intro-sidebar'],
    [marcusTab, 'linkedin-known-contact.png', 'warm-intro-sidebar'],
    [gmail, 'gmail-compose.png', '[data-testid="wi-compose-button"], warm-intro-compose-button'],
    [popup, 'popup.png', '[data-testid="wi-popup"]'],
  ];
  for (const [page, file, selector] of shots) {
    await page.bringToFront();
    await page.locator(selector).first().waitFor({ timeout: 10_000 }).catch(() => {
      console.warn(`warning: ${selector} did not appear on ${page.url()}`);
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, file) });
  }
  console.log(`No display: ran headless and saved screenshots to ${relative(process.cwd(), out) || out}/`);
  for (const [, file] of shots) console.log(`  ${file}`);
  await context.close();
} else {
  await linkedin.bringToFront();
  console.log('Warm Intro is running in Chromium on the demo pages. Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
}
