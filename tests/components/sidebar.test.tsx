import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Sidebar, type ProfileFacts } from '../../components/sidebar/Sidebar';
import { installFakeBackground } from '../helpers/background';

const OLIVIA: ProfileFacts = {
  name: 'Olivia Hartmann',
  headline: 'Senior Product Manager at Northwind Analytics | B2B SaaS, data platforms',
  company: 'Northwind Analytics',
  location: 'Austin, Texas, United States',
  profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
};

afterEach(() => {
  // Unmount first: a render left mounted would still update after the test (and the file) ended.
  cleanup();
  document.body.innerHTML = '';
});

describe('Sidebar', () => {
  it('offers to log an unknown person with a referrer found among contacts', async () => {
    const { repo } = installFakeBackground('page');
    const { contact: hannah } = await repo.logContact({ name: 'Hannah Becker', company: 'Contoso Health' });
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    expect(screen.getByTestId('wi-profile-name').textContent).toBe('Olivia Hartmann');
    const referrer = await screen.findByTestId('wi-referrer');
    fireEvent.input(referrer, { target: { value: 'hann' } });
    const option = await screen.findByTestId('wi-picker-option');
    fireEvent.mouseDown(option);
    fireEvent.click(screen.getByTestId('wi-log-contact'));
    await waitFor(() => expect(screen.getByTestId('wi-stage').textContent).toBe('Prospect'));
    const view = await repo.lookup({ profileUrl: OLIVIA.profileUrl });
    expect(view?.contact.referrer).toEqual({ type: 'contact', contactId: hannah.id });
    expect(view?.contact.company).toBe('Northwind Analytics');
    expect(screen.getByTestId('wi-referrer-name').textContent).toBe('Hannah Becker');
  });

  it('keeps a typed referrer who is not a contact as a name', async () => {
    const { repo } = installFakeBackground('page');
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    fireEvent.input(await screen.findByTestId('wi-referrer'), { target: { value: 'Aunt June' } });
    fireEvent.click(screen.getByTestId('wi-log-contact'));
    await waitFor(async () => expect((await repo.lookup({ profileUrl: OLIVIA.profileUrl }))?.referrerName).toBe('Aunt June'));
  });

  it('shows a known person’s stage, attempts and next follow-up, and records a LinkedIn message', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Marcus Lindqvist' } });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 3 * 86_400_000 });
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('wi-stage').textContent).toBe('Requested'));
    expect(screen.getByTestId('wi-attempts').textContent).toMatch(/^1 of 3 · next follow-up/);
    expect(screen.getByTestId('wi-referrer-name').textContent).toBe('Marcus Lindqvist');
    fireEvent.click(screen.getByTestId('wi-record-message'));
    await waitFor(() => expect(screen.getByTestId('wi-attempts').textContent).toMatch(/^2 of 3/));
    const view = await repo.lookup({ id: contact.id });
    expect(view?.attempts.map((a) => [a.kind, a.channel])).toEqual([
      ['request', 'email'],
      ['follow-up', 'linkedin'],
    ]);
  });

  it('after an interview, adds the people they suggested and counts toward "ask for two"', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact(OLIVIA);
    await repo.markInterviewed(contact.id);
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    const name = await screen.findByTestId('wi-referral-name');
    fireEvent.input(name, { target: { value: 'Ravi Shah' } });
    fireEvent.click(screen.getByTestId('wi-add-referral'));
    await screen.findByText(/1 of 2 asked for/);
    const ravi = await repo.search('Ravi');
    expect(ravi[0]?.referrer).toEqual({ type: 'contact', contactId: contact.id });
  });

  it('says when it cannot read a profile, and offers a manual form instead of guessing', async () => {
    const { repo } = installFakeBackground('page');
    render(<Sidebar page={{ kind: 'unreadable', profileUrl: OLIVIA.profileUrl }} collapsed={false} onToggle={() => {}} />);
    expect(screen.getByTestId('wi-unreadable').textContent).toMatch(/Couldn't read this profile/);
    expect(screen.queryByTestId('wi-profile-name')).toBeNull();
    fireEvent.input(screen.getByTestId('wi-manual-name'), { target: { value: 'Olivia Hartmann' } });
    fireEvent.click(screen.getByTestId('wi-log-contact'));
    await waitFor(async () => expect((await repo.lookup({ profileUrl: OLIVIA.profileUrl }))?.contact.name).toBe('Olivia Hartmann'));
  });

  it('renders a hostile name as text', async () => {
    installFakeBackground('page');
    const hostile = '"><img src=x onerror=alert(1)>';
    render(<Sidebar page={{ kind: 'profile', profile: { ...OLIVIA, name: hostile } }} collapsed={false} onToggle={() => {}} />);
    expect(screen.getByTestId('wi-profile-name').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('says so when Warm Intro cannot reach its database', async () => {
    fakeBrowser.runtime.onMessage.addListener((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: false, error: { code: 'storage', message: 'Warm Intro cannot reach its local database (disk full or storage blocked).' } });
      return true;
    });
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    expect((await screen.findByTestId('wi-error')).textContent).toMatch(/cannot reach its local database/);
    expect(screen.getByTestId('wi-profile-name').textContent).toBe('Olivia Hartmann');
  });

  it('keeps a half-typed note when something else about the contact changes', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact(OLIVIA);
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request' });
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} />);
    const notes = await screen.findByTestId('wi-notes');
    fireEvent.input(notes, { target: { value: 'Ask about the analytics team' } });
    fireEvent.click(screen.getByTestId('wi-mark-replied'));
    await screen.findByText('Replied');
    expect((screen.getByTestId('wi-notes') as HTMLTextAreaElement).value).toBe('Ask about the analytics team');
  });

  it('collapses to a tab', () => {
    installFakeBackground('page');
    const toggle = vi.fn();
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed onToggle={toggle} />);
    expect(screen.queryByTestId('wi-sidebar')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-sidebar-tab'));
    expect(toggle).toHaveBeenCalled();
  });
});

describe('Sidebar: reporting a profile it could not read', () => {
  const unreadable = { kind: 'unreadable' as const, profileUrl: OLIVIA.profileUrl };
  const SKELETON = '<section componentkey="<uuid>">\n  <a href="/in/<slug>/">\n    [text:15]\n  </a>\n</section>';

  it('copies the page structure to the clipboard and says what it holds', async () => {
    installFakeBackground('page');
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    try {
      render(<Sidebar page={unreadable} collapsed={false} onToggle={() => {}} pageStructure={async () => SKELETON} />);
      expect(screen.getByTestId('wi-unreadable').textContent).toMatch(/Every text and value is replaced by a placeholder/);
      fireEvent.click(screen.getByTestId('wi-copy-structure'));
      await screen.findByTestId('wi-structure-copied');
      expect(writeText).toHaveBeenCalledWith(SKELETON);
      expect(screen.queryByTestId('wi-structure-text')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows it in a box to select when the clipboard is refused', async () => {
    installFakeBackground('page');
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) } });
    try {
      render(<Sidebar page={unreadable} collapsed={false} onToggle={() => {}} pageStructure={async () => SKELETON} />);
      fireEvent.click(screen.getByTestId('wi-copy-structure'));
      const box = (await screen.findByTestId('wi-structure-text')) as HTMLTextAreaElement;
      expect(box.value).toBe(SKELETON);
      expect(box.readOnly).toBe(true);
      expect(screen.queryByTestId('wi-structure-copied')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers no report button where the page was read', () => {
    installFakeBackground('page');
    render(<Sidebar page={{ kind: 'profile', profile: OLIVIA }} collapsed={false} onToggle={() => {}} pageStructure={async () => SKELETON} />);
    expect(screen.queryByTestId('wi-copy-structure')).toBeNull();
  });
});
