import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Sidebar, type PageState, type ProfileFacts, type ShellAnswers } from '../../components/sidebar/Sidebar';
import { createSidebarShell, type ShellView } from '../../components/sidebar/SidebarShell';
import { renderSidebar, unmountSidebar } from '../../entrypoints/linkedin.content/sidebar-details';
import type { MutualConnections } from '../../lib/linkedin/mutuals';
import type { ContactView, Introducer } from '../../lib/messages';
import { ClientError } from '../../lib/client';
import { installFakeBackground } from '../helpers/background';

const OLIVIA: ProfileFacts = {
  name: 'Olivia Hartmann',
  headline: 'Senior Product Manager at Northwind Analytics | B2B SaaS, data platforms',
  company: 'Northwind Analytics',
  location: 'Austin, Texas, United States',
  profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
};
const PAGE: PageState = { kind: 'profile', profile: OLIVIA };
const MUTUALS: MutualConnections = {
  names: ['Hannah Becker'],
  others: 4,
  listUrl: 'https://www.linkedin.com/search/results/people/?facetConnectionOf=%22ACoAAB1x%22',
  memberId: null,
};
const HANNAH: Introducer = {
  contactId: 'c-hannah',
  name: 'Hannah Becker',
  profileUrl: 'https://www.linkedin.com/in/hannah-becker/',
  stage: null,
  inNetwork: true,
  lastTalkedAt: null,
  reasons: [{ kind: 'mutual', text: 'A mutual connection on LinkedIn' }],
  score: 3,
  introduction: null,
};
const JONAS: Introducer = { ...HANNAH, contactId: 'c-jonas', name: 'Jonas Weber', stage: 'interviewed', introduction: { id: 'i1', status: 'asked' } };

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** The shell's drawing of `view`, in a container of its own. */
function shellHtml(view: Partial<ShellView>): string {
  const shell = createSidebarShell('warm-intro-sidebar', { onToggle: () => {}, onWanted: () => {} });
  shell.draw({ page: PAGE, collapsed: false, answers: null, mutuals: null, ...view });
  return shell.container.innerHTML;
}

/** Preact's first render of the same state (before any answer of its own comes back). */
function preactHtml(view: Partial<ShellView>): string {
  const { container } = render(
    <Sidebar page={view.page ?? PAGE} collapsed={view.collapsed ?? false} onToggle={() => {}} mutuals={view.mutuals ?? null} initial={view.answers ?? null} />,
  );
  const html = container.innerHTML;
  cleanup();
  return html;
}

function knownView(overrides: Partial<ContactView['contact']> = {}): ContactView {
  return {
    contact: { id: 'c1', name: OLIVIA.name, stage: 'requested', referrer: null, notes: '', repliedAt: null, ...overrides } as ContactView['contact'],
    attempts: [],
    meetings: [],
    referrerName: overrides.referrer ? 'Hannah Becker' : null,
    referred: [],
    status: { attemptsUsed: 1, attemptsAllowed: 3, nextFollowUpAt: null, next: null } as unknown as ContactView['status'],
    introductions: [],
  };
}

describe('Sidebar shell (plain DOM) draws what the Preact sidebar renders', () => {
  const answered = (a: Omit<ShellAnswers, 'profileUrl'>): ShellAnswers => ({ profileUrl: OLIVIA.profileUrl, ...a });
  const same: Array<[string, Partial<ShellView>]> = [
    ['before any answer: the name, the log form with "Log contact", looking for introducers', {}],
    ['not a contact, no one to introduce', { answers: answered({ lookup: { data: null }, introducers: { data: [] } }) }],
    ['not a contact, two introducers (one asked already) and the mutual line', { answers: answered({ lookup: { data: null }, introducers: { data: [HANNAH, JONAS] } }), mutuals: MUTUALS }],
    ['the lookup failed', { answers: answered({ lookup: { error: new ClientError('storage', 'Warm Intro cannot reach its local database.') } }) }],
    ['the introducers failed', { answers: answered({ lookup: { data: null }, introducers: { error: new ClientError('storage', 'No database.') } }) }],
    ['collapsed', { collapsed: true }],
    ['reading', { page: { kind: 'reading', profileUrl: OLIVIA.profileUrl } }],
  ];
  for (const [what, view] of same) {
    it(`the same markup: ${what}`, () => {
      installFakeBackground('page');
      expect(shellHtml(view)).toBe(preactHtml(view));
    });
  }

  it('a known person: the stage and attempts where "Log contact" was, in the markup Preact renders', () => {
    installFakeBackground('page');
    const view = { answers: answered({ lookup: { data: knownView({ referrer: { type: 'name', name: 'Hannah Becker' } }) }, introducers: { data: [] } }) };
    const facts = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.querySelector('.wi-facts')?.outerHTML;
    };
    expect(facts(shellHtml(view))).toBeDefined();
    expect(facts(shellHtml(view))).toBe(facts(preactHtml(view)));
  });

  it('keeps the log form as the same node when the answer comes ("not a contact"): nothing moves, nothing typed is lost', () => {
    const shell = createSidebarShell('warm-intro-sidebar', { onToggle: () => {}, onWanted: () => {} });
    document.body.append(shell.host);
    shell.draw({ page: PAGE, collapsed: false, answers: null, mutuals: null });
    const note = shell.container.querySelector<HTMLTextAreaElement>('[data-testid="wi-note"]')!;
    const name = shell.container.querySelector('[data-testid="wi-profile-name"]')!;
    note.value = 'Met at the meetup';
    shell.draw({ page: PAGE, collapsed: false, answers: { profileUrl: OLIVIA.profileUrl, lookup: { data: null }, introducers: { data: [HANNAH] } }, mutuals: null });
    expect(shell.container.querySelector('[data-testid="wi-note"]')).toBe(note);
    expect(note.value).toBe('Met at the meetup');
    expect(shell.container.querySelector('[data-testid="wi-profile-name"]')).toBe(name);
    expect(shell.container.querySelectorAll('[data-testid="wi-introducer"]')).toHaveLength(1);
  });

  it('a click on a button before the Preact sidebar is in is held, and handed over to run there', () => {
    const wanted: Array<(() => void) | null> = [];
    const shell = createSidebarShell('warm-intro-sidebar', { onToggle: () => {}, onWanted: (replay) => wanted.push(replay) });
    document.body.append(shell.host);
    shell.draw({ page: PAGE, collapsed: false, answers: null, mutuals: null });
    const submitted = vi.fn((e: Event) => e.preventDefault());
    document.addEventListener('submit', submitted, true);
    shell.container.querySelector<HTMLButtonElement>('[data-testid="wi-log-contact"]')!.click();
    document.removeEventListener('submit', submitted, true);
    expect(submitted).not.toHaveBeenCalled(); // the page is never submitted (navigated) by the shell's form
    expect(wanted.filter((r) => r !== null)).toHaveLength(1);
  });
});

describe('Preact sidebar taking over the shell (hydration)', () => {
  it('keeps the shell’s nodes and what the user typed, and logs with it', async () => {
    const { repo } = installFakeBackground('page');
    const shell = createSidebarShell('warm-intro-sidebar', { onToggle: () => {}, onWanted: () => {} });
    document.body.append(shell.host);
    const answers: ShellAnswers = { profileUrl: OLIVIA.profileUrl, lookup: { data: null }, introducers: { data: [] } };
    shell.draw({ page: PAGE, collapsed: false, answers, mutuals: null });
    const referrer = shell.container.querySelector<HTMLInputElement>('[data-testid="wi-referrer"]')!;
    const note = shell.container.querySelector<HTMLTextAreaElement>('[data-testid="wi-note"]')!;
    const button = shell.container.querySelector<HTMLButtonElement>('[data-testid="wi-log-contact"]')!;
    referrer.value = 'Sam Okafor';
    note.value = 'Met at the meetup';
    shell.handOver();
    renderSidebar(shell.container, { page: PAGE, collapsed: false, onToggle: () => {}, mutuals: null, initial: answers });
    // The very same nodes: focus, caret and place are kept.
    expect(shell.container.querySelector('[data-testid="wi-referrer"]')).toBe(referrer);
    expect(shell.container.querySelector('[data-testid="wi-note"]')).toBe(note);
    expect(shell.container.querySelector('[data-testid="wi-log-contact"]')).toBe(button);
    expect(note.value).toBe('Met at the meetup');
    await new Promise((r) => setTimeout(r)); // as the content script replays a held click
    button.click();
    await waitFor(() => expect(shell.container.querySelector('[data-testid="wi-stage"]')?.textContent).toBe('Prospect'));
    const view = await repo.lookup({ profileUrl: OLIVIA.profileUrl });
    expect(view?.contact.notes).toBe('Met at the meetup');
    expect(view?.contact.referrer).toEqual({ type: 'name', name: 'Sam Okafor' });
    unmountSidebar(shell.container);
  });
});

describe('"Log contact" before the lookup answers', () => {
  /** The background, with `contact.lookup` held until `release()`. */
  function slowLookup() {
    const bg = installFakeBackground('page');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const logs: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      if (message.type === 'contact.lookup') await gate;
      if (message.type === 'contact.log') logs.push(message);
      return bg.handle(message);
    }) as never);
    return { ...bg, release, logs };
  }

  it('is on screen and clickable at once; an early click logs the person once, when the answer says they are new', async () => {
    const { release, logs, repo } = slowLookup();
    const screen = render(<Sidebar page={PAGE} collapsed={false} onToggle={() => {}} />);
    const button = screen.getByTestId('wi-log-contact') as HTMLButtonElement;
    fireEvent.input(screen.getByTestId('wi-note'), { target: { value: 'Early bird' } });
    fireEvent.click(button);
    await new Promise((r) => setTimeout(r, 20));
    expect(logs).toHaveLength(0); // waits for the answer
    expect(button.disabled).toBe(true); // and shows it is on its way
    release();
    await waitFor(() => expect(screen.getByTestId('wi-stage').textContent).toBe('Prospect'));
    expect(logs).toHaveLength(1);
    expect((await repo.lookup({ profileUrl: OLIVIA.profileUrl }))?.contact.notes).toBe('Early bird');
  });

  it('an early click on someone who turns out to be known logs nothing: their stage shows in its place', async () => {
    const { release, logs, repo } = slowLookup();
    await repo.logContact({ ...OLIVIA, notes: 'first note' });
    const screen = render(<Sidebar page={PAGE} collapsed={false} onToggle={() => {}} />);
    fireEvent.click(screen.getByTestId('wi-log-contact'));
    release();
    await waitFor(() => expect(screen.getByTestId('wi-stage').textContent).toBe('Prospect'));
    await new Promise((r) => setTimeout(r, 20));
    expect(logs).toHaveLength(0);
    expect(screen.queryByTestId('wi-log-contact')).toBeNull();
    expect((await repo.lookup({ profileUrl: OLIVIA.profileUrl }))?.contact.notes).toBe('first note');
  });
});
