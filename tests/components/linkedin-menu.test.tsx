import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeButton } from '../../components/compose/ComposeButton';
import { ComposeMenu } from '../../components/compose/ComposeMenu';
import type { InsertPlan, LinkedInSnapshot } from '../../components/compose/types';
import { DEFAULT_TEMPLATES } from '../../lib/templates';
import { installFakeBackground } from '../helpers/background';

const DAY = 86_400_000;
const MATEO_URL = 'https://www.linkedin.com/in/mateo-garcia-3c71d8e2/';
const MATEO = { name: 'Mateo García', company: 'Litware Systems', profileUrl: MATEO_URL };

function message(over: Partial<LinkedInSnapshot> = {}): LinkedInSnapshot {
  return { channel: 'linkedin', composer: 'message', recipient: { name: 'Mateo García', profileUrl: MATEO_URL }, maxLength: null, used: 0, ...over };
}
const invitation = (maxLength: number, over: Partial<LinkedInSnapshot> = {}) => message({ composer: 'invitation', maxLength, ...over });

function renderMenu(snap: LinkedInSnapshot = message()) {
  const onInsert = vi.fn<(plan: InsertPlan) => void>();
  const onClose = vi.fn();
  render(<ComposeMenu snapshot={snap} onInsert={onInsert} onClose={onClose} />);
  return { onInsert, onClose };
}

const option = async (id: string) =>
  (await screen.findAllByTestId('wi-template-option')).find((el) => el.getAttribute('data-template') === id)!;

/** The first sentence after the greeting line ("Hi Mateo,"). */
function firstSentence(text: string): string {
  const afterGreeting = text.replace(/^Hi [^,\n]+,\s*/, '');
  return /^[^.!?]*[.!?]/.exec(afterGreeting)?.[0] ?? afterGreeting;
}

afterEach(() => {
  // Unmount first: a render left mounted would still update after the test (and the file) ended.
  cleanup();
  document.body.innerHTML = '';
});

describe('ComposeMenu on a LinkedIn message box', () => {
  it('matches the person by profile URL and lists the five LinkedIn templates by id', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact(MATEO);
    renderMenu();
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Mateo García');
    const options = await screen.findAllByTestId('wi-template-option');
    expect(options.map((o) => o.getAttribute('data-template'))).toEqual(['request', 'follow-up', 'thank-you', 'connect-note', 'update']);
    expect(options.map((o) => o.querySelector('.wi-template__name')?.firstChild?.textContent)).toEqual([
      'Request',
      'Follow-up',
      'Thank-you',
      'Connect note',
      'Update',
    ]);
  });

  it("previews the request with the referrer in its first sentence, and inserts it without a subject", async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await repo.logContact({ ...MATEO, referrer: { type: 'name', name: 'Olivia Hartmann' } });
    const { onInsert, onClose } = renderMenu();
    expect((await option('request')).getAttribute('aria-checked')).toBe('true');
    const body = screen.getByTestId('wi-preview-body').textContent ?? '';
    expect(firstSentence(body)).toBe('Olivia Hartmann suggested I get in touch with you.');
    expect(body).toContain('20 minutes');
    expect(body).toContain("I'm not asking for a job");
    expect(screen.queryByTestId('wi-preview-subject')).toBeNull();
    expect(screen.queryByTestId('wi-count')).toBeNull(); // a message box has no limit
    expect(screen.queryByTestId('wi-etiquette-warning')).toBeNull();

    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0]).toEqual({
      contactId: contact.id,
      templateId: 'request',
      kind: 'request',
      subject: '',
      subjectMode: 'keep',
      body,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('warns before a fourth attempt and one under ten days after the last, as in Gmail', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    const { contact } = await repo.logContact({ ...MATEO, referrer: { type: 'name', name: 'Olivia Hartmann' } });
    const now = Date.now();
    for (const [kind, ago] of [['request', 30], ['follow-up', 16], ['follow-up', 2]] as const) {
      await repo.recordAttempt({ contactId: contact.id, channel: 'linkedin', kind, at: now - ago * DAY });
    }
    renderMenu();
    fireEvent.click(await option('follow-up'));
    const codes = (await screen.findAllByTestId('wi-etiquette-warning')).map((w) => w.getAttribute('data-code'));
    expect(codes).toEqual(expect.arrayContaining(['fourth-attempt', 'too-soon']));
  });
});

describe('ComposeMenu on a LinkedIn invitation note', () => {
  it('uses the short form, names the referrer first, and shows the count against the limit', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact({ ...MATEO, referrer: { type: 'name', name: 'Olivia Hartmann' } });
    const { onInsert } = renderMenu(invitation(200));
    await option('request');
    const note = (screen.getByTestId('wi-preview-edit') as HTMLTextAreaElement).value;
    expect(note).toMatch(/^Hi Mateo, Olivia Hartmann suggested I reach out\./);
    expect(note).not.toContain('Alex Morgan'); // LinkedIn shows the sender: the note is unsigned
    expect(screen.getByTestId('wi-count').textContent).toBe(`${note.length} / 200`);
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0].body).toBe(note);
  });

  it('refuses to insert a note over the limit until the user shortens it, and inserts it as shortened', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'customer success and implementation roles at healthcare software companies' });
    await repo.logContact({ ...MATEO, referrer: { type: 'name', name: 'Olivia Hartmann-Villanueva' } });
    const { onInsert } = renderMenu(invitation(200));
    await option('request');
    const edit = screen.getByTestId('wi-preview-edit') as HTMLTextAreaElement;
    const long = edit.value;
    expect(long.length).toBeGreaterThan(200);
    // Whole: never cut mid-word behind the user's back.
    expect(long).toMatch(/I'm not asking for a job\.$/);
    expect(screen.getByTestId('wi-count').textContent).toBe(`${long.length} / 200`);
    expect(screen.getByTestId('wi-too-long').textContent).toContain(`${long.length - 200} characters too long`);
    const insert = screen.getByTestId('wi-insert') as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    fireEvent.click(insert);
    expect(onInsert).not.toHaveBeenCalled();

    const shorter = long.replace(/ I'm exploring [^.]*\./, " I'd value 20 minutes of your advice.");
    fireEvent.input(edit, { target: { value: shorter } });
    await waitFor(() => expect(screen.getByTestId('wi-count').textContent).toBe(`${shorter.length} / 200`));
    expect(shorter.length).toBeLessThanOrEqual(200);
    expect(screen.queryByTestId('wi-too-long')).toBeNull();
    expect((screen.getByTestId('wi-insert') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0].body).toBe(shorter);
  });

  it('counts what the note already holds against the limit', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact({ ...MATEO, referrer: { type: 'name', name: 'Olivia Hartmann' } });
    renderMenu(invitation(300, { used: 250 }));
    await option('request');
    const note = (screen.getByTestId('wi-preview-edit') as HTMLTextAreaElement).value;
    expect(screen.getByTestId('wi-count').textContent).toBe(`${note.length} / 50`);
    expect((screen.getByTestId('wi-insert') as HTMLButtonElement).disabled).toBe(true);
  });

  it('suggests the connect note after a meeting, which counts as a thank-you', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    await repo.logContact({ ...MATEO, stage: 'interviewed' });
    const { onInsert } = renderMenu(invitation(300));
    expect((await option('connect-note')).getAttribute('aria-checked')).toBe('true');
    expect(DEFAULT_TEMPLATES.find((t) => t.id === 'connect-note')?.kind).toBe('thank-you');
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalledTimes(1));
    expect(onInsert.mock.calls[0]![0]).toMatchObject({ templateId: 'connect-note', kind: 'thank-you' });
  });
});

describe('ComposeMenu for someone not in the pipeline yet', () => {
  it('adds them from the header: name and profile URL, with who referred them', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'product management' });
    renderMenu();
    fireEvent.click(await screen.findByTestId('wi-create-contact'));
    expect((screen.getByTestId('wi-new-name') as HTMLInputElement).value).toBe('Mateo García');
    expect(screen.getByTestId('wi-new-profile').textContent).toBe(MATEO_URL);
    fireEvent.input(screen.getByTestId('wi-new-referrer'), { target: { value: 'Olivia Hartmann' } });
    fireEvent.click(screen.getByTestId('wi-create-submit'));
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Mateo García');
    const view = await repo.lookup({ profileUrl: MATEO_URL });
    expect(view?.contact.name).toBe('Mateo García');
    expect(view?.referrerName).toBe('Olivia Hartmann');
    await waitFor(() => expect(screen.getByTestId('wi-preview-body').textContent).toContain('Olivia Hartmann suggested'));
  });

  it('links them to a contact picked by name for this message, changing nothing on that contact', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact({ name: 'Mateo Garcia', profileUrl: 'https://www.linkedin.com/in/mateo-g/' });
    renderMenu();
    fireEvent.click(await screen.findByTestId('wi-pick-contact'));
    fireEvent.input(screen.getByTestId('wi-pick-search'), { target: { value: 'Mateo' } });
    fireEvent.mouseDown(await screen.findByTestId('wi-picker-option'));
    expect((await screen.findByTestId('wi-contact-name')).textContent).toBe('Mateo Garcia');
    const after = await repo.lookup({ id: contact.id });
    expect(after?.contact.profileUrl).toBe('https://www.linkedin.com/in/mateo-g/');
    expect(after?.contact.updatedAt).toBe(contact.updatedAt);
  });

  it('lets the user pick the contact in a conversation without a single recipient', async () => {
    installFakeBackground('page');
    renderMenu(message({ recipient: null }));
    expect((await screen.findByTestId('wi-unmatched')).textContent).toContain('not with one person');
    expect(screen.getByTestId('wi-pick-contact')).toBeTruthy();
  });
});

describe('ComposeButton on LinkedIn', () => {
  it('is the LinkedIn button, and says "reload this page" once the extension was updated', async () => {
    installFakeBackground('page');
    const onStale = vi.fn();
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    render(<ComposeButton surface="linkedin" readSnapshot={() => message()} onInsert={() => {}} onStale={onStale} />);
    expect(screen.queryByTestId('wi-compose-button')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-li-template-button'));
    expect(screen.getByTestId('wi-stale').textContent).toBe('Warm Intro was updated — reload this page to keep using it.');
    expect(onStale).toHaveBeenCalledTimes(1);
  });
});
