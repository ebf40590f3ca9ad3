import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeButton } from '../../components/compose/ComposeButton';
import { ComposeMenu } from '../../components/compose/ComposeMenu';
import type { ComposeSnapshot, InsertPlan } from '../../components/compose/types';
import { installFakeBackground } from '../helpers/background';

const DAY = 86_400_000;

const OLIVIA = { name: 'Olivia Hartmann', company: 'Northwind Analytics', emails: ['olivia.hartmann@example.com'] };

function snapshot(over: Partial<ComposeSnapshot> = {}): ComposeSnapshot {
  return {
    recipients: [{ email: 'olivia.hartmann@example.com', name: 'Olivia Hartmann', field: 'to' }],
    subject: '',
    isReply: false,
    ...over,
  };
}

function renderMenu(snap: ComposeSnapshot = snapshot()) {
  const onInsert = vi.fn<(plan: InsertPlan) => void>();
  const onClose = vi.fn();
  render(<ComposeMenu snapshot={snap} onInsert={onInsert} onClose={onClose} />);
  return { onInsert, onClose };
}

const option = async (id: string) =>
  (await screen.findAllByTestId('wi-template-option')).find((el) => el.getAttribute('data-template-id') === id)!;

afterEach(() => {
  // Unmount first: a render left mounted would still update after the test (and the file) ended.
  cleanup();
  document.body.innerHTML = '';
});

describe('ComposeMenu', () => {
  it('lists the four e-mail templates: request, follow-up, thank-you, update', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact(OLIVIA);
    renderMenu();
    await screen.findByTestId('wi-contact-name');
    const options = await screen.findAllByTestId('wi-template-option');
    expect(options.map((o) => o.getAttribute('data-template-id'))).toEqual(['request', 'follow-up', 'thank-you', 'update']);
    expect(options.map((o) => o.querySelector('.wi-template__name')?.firstChild?.textContent)).toEqual([
      'Request',
      'Follow-up',
      'Thank-you',
      'Update',
    ]);
  });

  it("names the referrer in the Request preview's subject, and inserts what it previews", async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    const { onInsert, onClose } = renderMenu();
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Olivia Hartmann');
    // A prospect never written to: the request is suggested and shown at once.
    expect((await option('request')).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('wi-preview-subject').textContent).toBe('Hannah Becker suggested I reach out');
    expect(screen.getByTestId('wi-preview-body').textContent).toMatch(/^Hi Olivia,\n\nHannah Becker suggested I get in touch/);
    expect(screen.queryByTestId('wi-missing')).toBeNull();
    expect(screen.queryByTestId('wi-etiquette-warning')).toBeNull();

    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    const plan = onInsert.mock.calls[0]![0];
    expect(plan).toMatchObject({ contactId: contact.id, templateId: 'request', kind: 'request', subjectMode: 'fill-if-empty' });
    expect(plan.subject).toBe('Hannah Becker suggested I reach out');
    expect(plan.body).toContain("I'm Alex Morgan, and I'm exploring product management; Hannah thought");
    expect(plan.body).not.toMatch(/\{|\}|undefined|null/);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a missing variable before inserting, and uses the value typed for this message', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ fieldOfInterest: 'product management' }); // no user name
    await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    const { onInsert } = renderMenu();
    const missing = await screen.findByTestId('wi-missing');
    expect(within(missing).getByTestId('wi-missing-item').textContent).toBe(
      'Your name is not set — add it in Settings, or type it here',
    );
    // Never a silent gap: the preview marks it, and plain Insert waits for a value.
    expect(screen.getByTestId('wi-preview-body').textContent).toContain('[your name]');
    expect((screen.getByTestId('wi-insert') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('wi-insert-anyway')).toBeTruthy();

    fireEvent.input(screen.getByTestId('wi-missing-input-userName'), { target: { value: 'Alex Morgan' } });
    await waitFor(() => expect(screen.getByTestId('wi-preview-body').textContent).toContain("I'm Alex Morgan"));
    expect(screen.queryByTestId('wi-insert-anyway')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0].body).toMatch(/Thank you for considering it,\nAlex Morgan$/);
    // Typed for this message only: Settings unchanged.
    expect((await repo.settings()).userName).toBe('');
  });

  it('never writes Settings from the page: it offers to open Settings, and fills the gap once they are saved there', async () => {
    const { repo, settingsOpened } = installFakeBackground('page');
    await repo.saveSettings({ fieldOfInterest: 'product management' }); // no user name
    await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    renderMenu();
    await screen.findByTestId('wi-missing');
    fireEvent.input(screen.getByTestId('wi-missing-input-userName'), { target: { value: 'Alex Morgan' } });
    expect(screen.getByTestId('wi-settings-hint').textContent).toMatch(/used for this message only/);
    fireEvent.click(screen.getByTestId('wi-open-settings'));
    await waitFor(() => expect(settingsOpened()).toBe(1));
    expect((await repo.settings()).userName).toBe('');
    // Saved in the dashboard: the menu re-reads and the name is no longer missing.
    await repo.saveSettings({ userName: 'Alex Morgan' });
    await fakeBrowser.storage.local.set({ 'warm-intro:changed': Date.now() });
    await waitFor(() => expect(screen.queryByTestId('wi-missing')).toBeNull());
    expect(screen.getByTestId('wi-preview-body').textContent).toContain("I'm Alex Morgan");
  });

  it('asks for the referrer when the contact has none recorded, deriving the first name too', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact(OLIVIA);
    const { onInsert } = renderMenu();
    await screen.findByTestId('wi-missing');
    const asked = screen.getAllByTestId('wi-missing-item').map((el) => el.getAttribute('data-variable'));
    expect(asked).toEqual(['referrerName']);
    fireEvent.input(screen.getByTestId('wi-missing-input-referrerName'), { target: { value: 'Ravi Shah' } });
    await waitFor(() => expect(screen.getByTestId('wi-preview-subject').textContent).toBe('Ravi Shah suggested I reach out'));
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalled());
    expect(onInsert.mock.calls[0]![0].body).toContain('Ravi thought your experience');
  });

  it('warns before a fourth attempt (and a too-soon one) under the 3/6 rule', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    const now = Date.now();
    for (const [kind, ago] of [['request', 30], ['follow-up', 16], ['follow-up', 2]] as const) {
      await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind, at: now - ago * DAY });
    }
    renderMenu();
    await screen.findByTestId('wi-contact-status');
    expect(screen.getByTestId('wi-contact-status').textContent).toContain('3 of 3 notes sent');
    // Past the last note nothing is suggested: the advice is to move on.
    const options = await screen.findAllByTestId('wi-template-option');
    expect(options.filter((o) => o.getAttribute('aria-checked') === 'true')).toEqual([]);
    expect((await option('follow-up')).textContent).toContain('All 3 notes sent');
    expect(screen.queryByTestId('wi-preview-body')).toBeNull();
    fireEvent.click(await option('follow-up'));
    const warnings = await screen.findAllByTestId('wi-etiquette-warning');
    const codes = warnings.map((w) => w.getAttribute('data-code'));
    expect(codes).toContain('fourth-attempt');
    expect(codes).toContain('too-soon');
    expect(warnings.find((w) => w.getAttribute('data-code') === 'fourth-attempt')!.textContent).toBe(
      'This would be note 4; the 3/6 rule stops at 3.',
    );
    // A warning, not a lock: the user may still insert.
    expect((screen.getByTestId('wi-insert') as HTMLButtonElement).disabled).toBe(false);
  });

  it('warns when a request leaves out the referrer the contact has', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    await repo.saveTemplate({
      id: 'request',
      name: 'Cold request',
      kind: 'request',
      subject: 'Quick question, {firstName}',
      body: 'Hi {firstName}, could we talk for {meetingMinutes} minutes?\n{userName}',
      short: '',
    });
    renderMenu();
    const warning = await screen.findByTestId('wi-etiquette-warning');
    expect(warning.getAttribute('data-code')).toBe('no-referrer');
  });

  it('suggests the follow-up after a request, the thank-you after a meeting', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact(OLIVIA);
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 15 * DAY });
    renderMenu();
    expect((await option('follow-up')).getAttribute('aria-checked')).toBe('true');
    expect((await option('follow-up')).textContent).toContain('Note 2 of 3');
    document.body.innerHTML = '';
    await repo.markInterviewed(contact.id);
    renderMenu();
    await waitFor(async () => expect((await option('thank-you')).getAttribute('aria-checked')).toBe('true'));
  });

  it('asks before replacing a subject the user already wrote, and never touches a reply subject', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact({ ...OLIVIA, referrer: { type: 'name', name: 'Hannah Becker' } });
    const { onInsert } = renderMenu(snapshot({ subject: 'Coffee chat?' }));
    const replace = (await screen.findByTestId('wi-replace-subject')) as HTMLInputElement;
    expect(replace.checked).toBe(false);
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0].subjectMode).toBe('keep');

    document.body.innerHTML = '';
    const second = renderMenu(snapshot({ subject: 'Coffee chat?' }));
    fireEvent.click(await screen.findByTestId('wi-replace-subject'));
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(second.onInsert).toHaveBeenCalledTimes(1));
    expect(second.onInsert.mock.calls[0]![0].subjectMode).toBe('replace');

    document.body.innerHTML = '';
    const reply = renderMenu(snapshot({ subject: 'Re: Coffee chat?', isReply: true }));
    expect((await screen.findByTestId('wi-subject-kept')).textContent).toMatch(/subject stays/);
    expect(screen.queryByTestId('wi-replace-subject')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(reply.onInsert).toHaveBeenCalledTimes(1));
    expect(reply.onInsert.mock.calls[0]![0].subjectMode).toBe('keep');
  });

  it('links an unmatched recipient to a contact picked by name, adding the address to that contact', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist', referrer: { type: 'name', name: 'Priya Natarajan' } });
    renderMenu(snapshot({ recipients: [{ email: 'm.lindqvist@example.com', name: 'Marcus L.', field: 'to' }] }));
    const unmatched = await screen.findByTestId('wi-unmatched');
    expect(unmatched.textContent).toContain('Marcus L. m.lindqvist@example.com is not in your pipeline yet.');
    // Nothing to preview until we know who this is.
    expect(screen.queryByTestId('wi-preview-body')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-pick-contact'));
    fireEvent.input(screen.getByTestId('wi-pick-search'), { target: { value: 'marc' } });
    fireEvent.mouseDown(await screen.findByTestId('wi-picker-option'));
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Marcus Lindqvist');
    expect((await repo.contact(contact.id)).emails).toEqual(['m.lindqvist@example.com']);
    expect((await screen.findByTestId('wi-preview-subject')).textContent).toBe('Priya Natarajan suggested I reach out');
  });

  it("creates a contact from the recipient chip's name and address", async () => {
    const { repo } = installFakeBackground('page');
    renderMenu(snapshot({ recipients: [{ email: 'samira.haddad@example.com', name: 'Samira Haddad', field: 'to' }] }));
    fireEvent.click(await screen.findByTestId('wi-create-contact'));
    expect((screen.getByTestId('wi-new-name') as HTMLInputElement).value).toBe('Samira Haddad');
    fireEvent.click(screen.getByTestId('wi-create-submit'));
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Samira Haddad');
    const view = await repo.lookup({ email: 'samira.haddad@example.com' });
    expect(view?.contact).toMatchObject({ name: 'Samira Haddad', emails: ['samira.haddad@example.com'], stage: 'prospect' });
  });

  it('guesses a name from the address when the chip has none', async () => {
    installFakeBackground('page');
    renderMenu(snapshot({ recipients: [{ email: 'tomas.alvarez@example.com', name: null, field: 'to' }] }));
    fireEvent.click(await screen.findByTestId('wi-create-contact'));
    expect((screen.getByTestId('wi-new-name') as HTMLInputElement).value).toBe('Tomas Alvarez');
  });

  it('asks for a recipient first when the compose has none', async () => {
    installFakeBackground('page');
    renderMenu(snapshot({ recipients: [] }));
    expect((await screen.findByTestId('wi-no-recipients')).textContent).toMatch(/in “To” first/);
  });

  it('renders contact and template text as text, never as HTML', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: '<img src=x onerror=alert(1)>', fieldOfInterest: 'product' });
    await repo.logContact({ ...OLIVIA, name: '<b>Olivia</b> Hartmann', referrer: { type: 'name', name: '<i>Hannah</i>' } });
    renderMenu();
    const body = await screen.findByTestId('wi-preview-body');
    expect(body.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img, b, i')).toBeNull();
  });
});

describe('ComposeButton', () => {
  it('opens the menu for the compose it belongs to, reading the compose at that moment', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact(OLIVIA);
    const readSnapshot = vi.fn(() => snapshot());
    render(<ComposeButton readSnapshot={readSnapshot} onInsert={() => {}} />);
    expect(screen.queryByTestId('wi-compose-menu')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-compose-button'));
    expect(readSnapshot).toHaveBeenCalledTimes(1);
    await screen.findByTestId('wi-contact-name');
    fireEvent.click(screen.getByTestId('wi-menu-close'));
    expect(screen.queryByTestId('wi-compose-menu')).toBeNull();
  });

  it('says "reload this page" when the extension was updated under an open Gmail tab', async () => {
    installFakeBackground('page');
    const onStale = vi.fn();
    const onStaleClosed = vi.fn();
    // What Chrome does to an orphaned content script: runtime.id disappears.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    render(<ComposeButton readSnapshot={() => snapshot()} onInsert={() => {}} onStale={onStale} onStaleClosed={onStaleClosed} />);
    fireEvent.click(screen.getByTestId('wi-compose-button'));
    expect(screen.getByTestId('wi-stale').textContent).toBe('Warm Intro was updated — reload this page to keep using it.');
    expect(onStale).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('wi-menu-close'));
    expect(onStaleClosed).toHaveBeenCalledTimes(1);
  });
});
