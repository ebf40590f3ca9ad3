import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from '../../lib/templates';
import { axeViolations } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';

const DAY = 86_400_000;

afterEach(() => cleanup());

function go(hash: string) {
  location.hash = hash;
  render(<Dashboard />);
}

describe('Dashboard navigation', () => {
  it('routes by hash and marks the current view', async () => {
    installFakeBackground('extension');
    go('#/board');
    await screen.findByRole('heading', { name: 'Board', level: 1 });
    expect(screen.getByTestId('wi-nav-board').getAttribute('aria-current')).toBe('page');
    location.hash = '#/settings';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    expect(screen.getByTestId('wi-nav-settings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('wi-nav-board').getAttribute('aria-current')).toBeNull();
    await waitFor(() => expect(document.title).toBe('Settings — Warm Intro'));
  });

  it('finds a contact from the header search', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Priya Natarajan' });
    go('#/insights');
    fireEvent.input(screen.getByTestId('wi-dash-search'), { target: { value: 'priya' } });
    const hit = await screen.findByTestId('wi-dash-search-result');
    expect(hit.getAttribute('href')).toBe(`#/contact/${contact.id}`);
  });
});

describe('Insights', () => {
  it('computes the rates, draws the referral tree with "asked for two", and lists themes', async () => {
    const { repo } = installFakeBackground('extension');
    const now = Date.now();
    const { contact: sam } = await repo.logContact({ name: 'Sam Lee', tags: ['design'] });
    const { contact: maria } = await repo.logContact({ name: 'Maria Lopez', tags: ['design', 'nonprofit'], referrer: { type: 'contact', contactId: sam.id } });
    const { contact: omar } = await repo.logContact({ name: 'Omar Haddad', referrer: { type: 'name', name: 'Aunt June' } });
    await repo.logContact({ name: 'Nora Silent' });
    // Maria: two notes, replied, met, asked for referrals, referred Lena and Kai.
    await repo.recordAttempt({ contactId: maria.id, channel: 'email', kind: 'request', at: now - 30 * DAY });
    await repo.recordAttempt({ contactId: maria.id, channel: 'email', kind: 'follow-up', at: now - 16 * DAY });
    await repo.markReplied(maria.id, now - 15 * DAY);
    const m = await repo.scheduleMeeting({ contactId: maria.id, scheduledAt: now - 5 * DAY });
    await repo.markInterviewed(maria.id, m.id);
    await repo.updateMeeting(m.id, {
      askedForReferrals: true,
      reflection: { fit: 'Design research fits me', perceptions: 'More research than design', training: '', nextStep: 'Take a research methods course' },
    });
    await repo.addReferral({ fromContactId: maria.id, contact: { name: 'Lena Fischer' } });
    await repo.addReferral({ fromContactId: maria.id, contact: { name: 'Kai Ito' } });
    // Omar: one note, no reply. Sam: met (stage moved by hand), not asked.
    await repo.recordAttempt({ contactId: omar.id, channel: 'linkedin', kind: 'request', at: now - 3 * DAY });
    await repo.setStage(sam.id, 'thanked');

    go('#/insights');
    await screen.findByTestId('wi-insights');
    expect(screen.getByTestId('wi-insight-interviews').textContent).toBe('2');
    expect(screen.getByTestId('wi-insight-response').textContent).toBe('50%');
    expect(screen.getByTestId('wi-insight-attempts').textContent).toBe('3.0');
    expect(screen.getByTestId('wi-insight-referrals').textContent).toBe('1.5');

    const tree = screen.getByTestId('wi-referral-tree');
    const top = [...tree.children].map((li) => li.querySelector('.wi-tree__node')!.textContent);
    expect(top).toEqual(['Aunt June · not a contact', 'Sam Lee · Thanked not asked for referrals yet']);
    const mariaNode = within(tree).getByRole('link', { name: 'Maria Lopez' }).closest('li')!;
    expect(mariaNode.querySelector('.wi-tree__node')!.textContent).toContain('asked for two referrals');
    expect(within(mariaNode).getByRole('link', { name: 'Lena Fischer' })).toBeTruthy();
    expect(within(mariaNode).getByRole('link', { name: 'Kai Ito' })).toBeTruthy();

    const themes = within(screen.getByTestId('wi-themes')).getAllByRole('listitem').map((li) => li.textContent);
    expect(themes).toEqual(['design2', 'nonprofit1']);
    expect(screen.getByText('Take a research methods course')).toBeTruthy();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('Templates', () => {
  it('previews a template on a chosen contact, lists the variables, saves and resets', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.saveSettings({ userName: 'Alex Kim', fieldOfInterest: 'service design' });
    const { contact: sam } = await repo.logContact({ name: 'Sam Lee' });
    await repo.logContact({ name: 'Dr. Maria Lopez', company: 'Northwind', referrer: { type: 'contact', contactId: sam.id } });
    go('#/templates');
    const preview = await screen.findByTestId('wi-template-preview');
    // A sample contact until one is chosen.
    expect(preview.textContent).toContain('Sam Lee suggested I reach out');
    expect(preview.textContent).toContain('Hi Maria,');
    const vars = screen.getByTestId('wi-template-variables');
    for (const v of TEMPLATE_VARIABLES) expect(vars.textContent).toContain(`{${v.name}}`);

    expect(preview.textContent).toContain("I'm Alex Kim, and I'm exploring service design");

    const body = screen.getByTestId('wi-template-body') as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: 'Hello {firstName} from {company}, says {nobody}.' } });
    fireEvent.input(screen.getByTestId('wi-preview-contact'), { target: { value: 'mar' } });
    fireEvent.mouseDown(await screen.findByTestId('wi-picker-option'));
    await waitFor(() => expect(screen.getByTestId('wi-template-preview').textContent).toContain('Hello Maria from Northwind, says {nobody}.'));
    expect(screen.getByText(/Not a variable: \{nobody\}/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('wi-template-save'));
    await waitFor(async () => expect((await repo.template('request')).body).toBe('Hello {firstName} from {company}, says {nobody}.'));

    await waitFor(() => expect((screen.getByTestId('wi-template-reset') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('wi-template-reset'));
    await waitFor(() => expect((screen.getByTestId('wi-template-body') as HTMLTextAreaElement).value).toBe(DEFAULT_TEMPLATES[0]!.body));
    expect((await repo.template('request')).body).toBe(DEFAULT_TEMPLATES[0]!.body);
    expect(await axeViolations()).toEqual([]);
  });

  it('switches templates with the tabs, by arrow keys too', async () => {
    installFakeBackground('extension');
    go('#/templates');
    const tab = await screen.findByTestId('wi-template-tab-request');
    fireEvent.keyDown(tab, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByTestId('wi-template-tab-follow-up').getAttribute('aria-selected')).toBe('true'));
    expect(((await screen.findByTestId('wi-template-subject')) as HTMLInputElement).value).toBe(DEFAULT_TEMPLATES[1]!.subject);
    fireEvent.click(screen.getByTestId('wi-template-tab-connect-note'));
    await waitFor(() => expect((screen.getByTestId('wi-template-name') as HTMLInputElement).value).toBe('LinkedIn note after a meeting'));
  });
});

describe('Settings', () => {
  it('saves your name, field, cadence numbers and notification style', async () => {
    const { repo } = installFakeBackground('extension');
    go('#/settings');
    fireEvent.input(await screen.findByTestId('wi-settings-name'), { target: { value: 'Alex Kim' } });
    fireEvent.input(screen.getByTestId('wi-settings-field'), { target: { value: 'urban planning' } });
    fireEvent.input(screen.getByTestId('wi-settings-maxAttempts'), { target: { value: '2' } });
    fireEvent.input(screen.getByTestId('wi-settings-followUpDays'), { target: { value: '10' } });
    fireEvent.input(screen.getByTestId('wi-settings-windowDays'), { target: { value: '30' } });
    fireEvent.input(screen.getByTestId('wi-settings-thankYouHours'), { target: { value: '24' } });
    fireEvent.input(screen.getByTestId('wi-settings-keepInTouchDays'), { target: { value: '90' } });
    fireEvent.input(screen.getByTestId('wi-settings-meetingMinutes'), { target: { value: '15' } });
    fireEvent.input(screen.getByTestId('wi-settings-introFollowUpDays'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('wi-settings-notify-digest'));
    fireEvent.click(screen.getByTestId('wi-settings-save'));
    await waitFor(() => expect(screen.getByTestId('wi-settings-done').textContent).toBe('Saved.'));
    expect(await repo.settings()).toEqual({
      userName: 'Alex Kim',
      fieldOfInterest: 'urban planning',
      maxAttempts: 2,
      followUpDays: 10,
      windowDays: 30,
      thankYouHours: 24,
      keepInTouchDays: 90,
      meetingMinutes: 15,
      notificationStyle: 'digest',
      introFollowUpDays: 5,
    });
    expect(await axeViolations()).toEqual([]);
  });

  it('explains a value the background refuses, and saves nothing', async () => {
    const { repo } = installFakeBackground('extension');
    go('#/settings');
    fireEvent.input(await screen.findByTestId('wi-settings-maxAttempts'), { target: { value: '40' } });
    fireEvent.submit(screen.getByTestId('wi-settings-save').closest('form')!);
    expect((await screen.findByTestId('wi-settings-error')).textContent).toMatch(/maxAttempts/);
    expect((await repo.settings()).maxAttempts).toBe(3);
  });
});
