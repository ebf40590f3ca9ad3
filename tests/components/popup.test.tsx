import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DUE_PAGE, Popup } from '../../components/Popup';
import { publishSummary } from '../../lib/changes';
import { STAGES } from '../../lib/stages';
import { axeViolations } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';

const DAY = 86_400_000;
const DASHBOARD = 'chrome-extension://test/dashboard.html';

afterEach(() => cleanup());

/** A contact whose first request went out `daysAgo` days ago, so a follow-up is due after 14. */
async function requested(repo: ReturnType<typeof installFakeBackground>['repo'], name: string, daysAgo: number, extra = {}) {
  const { contact } = await repo.logContact({ name, ...extra });
  await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - daysAgo * DAY });
  return contact;
}

describe('Popup', () => {
  it('paints the counts saved at the last write before the background answers', async () => {
    // A background that is slow to wake: it answers only when released.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { handle } = installFakeBackground('extension');
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      void gate.then(() => handle(m)).then(sendResponse);
      return true;
    });
    const counts = Object.fromEntries(STAGES.map((s, i) => [s, i + 1]));
    await publishSummary({ counts, total: 28, dueNow: 0 });
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} />);
    await waitFor(() => expect(screen.getByTestId('wi-stage-count-scheduled').textContent).toBe('3'));
    release();
    // Then the real answer (an empty database) replaces the saved counts.
    await waitFor(() => expect(screen.getByTestId('wi-stage-count-scheduled').textContent).toBe('0'));
  });

  it('draws the cached counts it is given in its very first render, before any answer', async () => {
    const gate = new Promise<void>(() => {});
    const { handle } = installFakeBackground('extension');
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      void gate.then(() => handle(m)).then(sendResponse);
      return true;
    });
    const counts = Object.fromEntries(STAGES.map((s, i) => [s, i * 2]));
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} cached={{ counts: counts as never, total: 42, dueNow: 0, network: 0 }} />);
    // No waiting: popup.html reads the counts before rendering, so the first frame has them.
    for (const s of STAGES) expect(screen.getByTestId(`wi-stage-count-${s}`).textContent).toBe(String(counts[s]));
  });

  it('shows a new user where to start, and passes axe', async () => {
    installFakeBackground('extension');
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} />);
    await screen.findByTestId('wi-empty');
    for (const s of STAGES) expect(screen.getByTestId(`wi-stage-count-${s}`).textContent).toBe('0');
    expect(await axeViolations()).toEqual([]);
  });

  it('counts contacts per stage and lists what is due, oldest first', async () => {
    const { repo } = installFakeBackground('extension');
    await requested(repo, 'Due Later', 15);
    await requested(repo, 'Due First', 20, { profileUrl: 'https://www.linkedin.com/in/due-first/', emails: ['first@example.org'] });
    await requested(repo, 'Not Due', 2);
    const { contact } = await repo.logContact({ name: 'Just Logged' });
    await repo.setStage(contact.id, 'thanked');
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} />);
    await waitFor(() => expect(screen.getByTestId('wi-stage-count-requested').textContent).toBe('3'));
    expect(screen.getByTestId('wi-stage-count-thanked').textContent).toBe('1');
    expect(screen.getByTestId('wi-stage-count-prospect').textContent).toBe('0');
    await waitFor(() => expect(screen.getAllByTestId('wi-due-item')).toHaveLength(2));
    expect(screen.getByTestId('wi-due-count').textContent).toBe('(2)');
    expect(screen.getAllByTestId('wi-due-item').map((li) => li.querySelector('a')?.textContent)).toEqual(['Due First', 'Due Later']);
    expect(await axeViolations()).toEqual([]);
  });

  it('opens the LinkedIn profile, a Gmail compose and the contact page in one click', async () => {
    const { repo } = installFakeBackground('extension');
    const c = await requested(repo, 'Olivia Hartmann', 20, {
      profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      emails: ['olivia@example.org'],
    });
    const openTab = vi.fn();
    render(<Popup openTab={openTab} dashboardUrl={DASHBOARD} />);
    const row = await screen.findByTestId('wi-due-item');
    fireEvent.click(within(row).getByRole('button', { name: "Open Olivia Hartmann's LinkedIn profile" }));
    fireEvent.click(within(row).getByRole('button', { name: 'Write to Olivia Hartmann in Gmail' }));
    fireEvent.click(within(row).getByRole('link', { name: 'Olivia Hartmann' }));
    expect(openTab.mock.calls.map((c) => c[0])).toEqual([
      'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      'https://mail.google.com/mail/?view=cm&fs=1&to=olivia%40example.org',
      `${DASHBOARD}#/contact/${c.id}`,
    ]);
  });

  it('marks a follow-up done, and snoozes another, both leaving the due list', async () => {
    const { repo } = installFakeBackground('extension');
    const a = await requested(repo, 'Ada Follow', 20);
    await requested(repo, 'Bo Snooze', 16);
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} />);
    await waitFor(() => expect(screen.getAllByTestId('wi-due-item')).toHaveLength(2));
    const ada = screen.getAllByTestId('wi-due-item').find((li) => li.textContent?.includes('Ada Follow'))!;
    fireEvent.click(within(ada).getByRole('button', { name: 'Followed up' }));
    await waitFor(() => expect(screen.getAllByTestId('wi-due-item')).toHaveLength(1));
    expect((await repo.lookup({ id: a.id }))?.attempts.map((x) => x.kind)).toEqual(['request', 'follow-up']);
    fireEvent.click(screen.getByRole('button', { name: 'Snooze 3 days: Bo Snooze' }));
    await waitFor(() => expect(screen.queryAllByTestId('wi-due-item')).toHaveLength(0));
    expect(screen.getByText('Nothing due. Nice.')).toBeTruthy();
  });

  it('pages a long due list', async () => {
    const { repo } = installFakeBackground('extension');
    for (let i = 0; i < DUE_PAGE + 5; i++) await requested(repo, `Person ${String(i).padStart(2, '0')}`, 20);
    render(<Popup openTab={() => {}} dashboardUrl={DASHBOARD} />);
    await waitFor(() => expect(screen.getAllByTestId('wi-due-item')).toHaveLength(DUE_PAGE));
    expect(screen.getByTestId('wi-due-count').textContent).toBe(`(${DUE_PAGE + 5})`);
    fireEvent.click(screen.getByTestId('wi-due-more'));
    await waitFor(() => expect(screen.getAllByTestId('wi-due-item')).toHaveLength(DUE_PAGE + 5));
    expect(screen.queryByTestId('wi-due-more')).toBeNull();
  });

  it('finds a contact by name and opens their page; the stage counts open the board', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Priya Natarajan', company: 'Contoso' });
    await repo.logContact({ name: 'Marcus Lindqvist' });
    const openTab = vi.fn();
    render(<Popup openTab={openTab} dashboardUrl={DASHBOARD} />);
    await waitFor(() => expect(screen.getByTestId('wi-stage-count-prospect').textContent).toBe('2'));
    fireEvent.input(screen.getByTestId('wi-popup-search'), { target: { value: 'pri' } });
    const result = await screen.findByTestId('wi-popup-result');
    expect(result.textContent).toBe('Priya Natarajan');
    fireEvent.click(result);
    expect(openTab).toHaveBeenLastCalledWith(`${DASHBOARD}#/contact/${contact.id}`);
    fireEvent.click(screen.getByTestId('wi-stage-count-prospect'));
    expect(openTab).toHaveBeenLastCalledWith(`${DASHBOARD}#/board?stage=prospect`);
    fireEvent.click(screen.getByTestId('wi-open-dashboard'));
    expect(openTab).toHaveBeenLastCalledWith(DASHBOARD);
    expect(await axeViolations()).toEqual([]);
  });
});
