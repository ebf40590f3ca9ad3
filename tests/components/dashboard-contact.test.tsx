import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { QUESTION_BANK } from '../../lib/questions';
import { axeViolations } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';
import { captureDownloads } from '../helpers/downloads';

const DAY = 86_400_000;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});


async function open(id: string) {
  location.hash = `#/contact/${id}`;
  render(<Dashboard />);
  await screen.findByTestId('wi-contact-detail');
}

describe('Contact detail', () => {
  it('saves only what was edited, keeping changes made elsewhere while the page was open', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', company: 'Northwind', emails: ['olivia@example.org'] });
    await open(contact.id);
    // Meanwhile, in Gmail, a new address is linked to her and a note is added in the sidebar.
    await repo.updateContact(contact.id, { emails: ['olivia@example.org', 'o.h@fabrikam.example'], notes: 'From the sidebar' });
    fireEvent.input(screen.getByTestId('wi-edit-company'), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByTestId('wi-edit-save'));
    await waitFor(async () => expect((await repo.contact(contact.id)).company).toBe('Fabrikam'));
    const after = await repo.contact(contact.id);
    expect(after.emails).toEqual(['olivia@example.org', 'o.h@fabrikam.example']);
    expect(after.notes).toBe('From the sidebar');
  });

  it('shows the profile and lets every field be edited, with a clear error for a bad e-mail', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({
      name: 'Olivia Hartmann',
      headline: 'Senior PM',
      company: 'Northwind',
      profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      referrer: { type: 'name', name: 'Aunt June' },
    });
    await open(contact.id);
    expect(screen.getByTestId('wi-contact-name').textContent).toBe('Olivia Hartmann');
    expect(screen.getByTestId('wi-profile-link').getAttribute('href')).toBe('https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');
    expect(screen.getByText('Aunt June')).toBeTruthy();

    fireEvent.input(screen.getByTestId('wi-edit-emails'), { target: { value: 'not an email' } });
    fireEvent.click(screen.getByTestId('wi-edit-save'));
    expect((await screen.findByTestId('wi-edit-error')).textContent).toMatch(/e-mail/);

    fireEvent.input(screen.getByTestId('wi-edit-name'), { target: { value: 'Olivia M. Hartmann' } });
    fireEvent.input(screen.getByTestId('wi-edit-headline'), { target: { value: 'Director of Product' } });
    fireEvent.input(screen.getByTestId('wi-edit-company'), { target: { value: 'Fabrikam' } });
    fireEvent.input(screen.getByTestId('wi-edit-emails'), { target: { value: 'olivia@example.org, o.h@fabrikam.example' } });
    fireEvent.input(screen.getByTestId('wi-edit-tags'), { target: { value: 'product, b2b' } });
    fireEvent.input(screen.getByTestId('wi-edit-notes'), { target: { value: 'Met at the meetup.' } });
    fireEvent.click(screen.getByTestId('wi-edit-save'));
    await waitFor(() => expect(screen.getByTestId('wi-edit-done').textContent).toBe('Saved.'));
    expect(await repo.contact(contact.id)).toMatchObject({
      name: 'Olivia M. Hartmann',
      headline: 'Director of Product',
      company: 'Fabrikam',
      emails: ['olivia@example.org', 'o.h@fabrikam.example'],
      tags: ['product', 'b2b'],
      notes: 'Met at the meetup.',
      referrer: { type: 'name', name: 'Aunt June' },
    });
    await waitFor(() => expect(screen.getByTestId('wi-contact-name').textContent).toBe('Olivia M. Hartmann'));
    expect(await axeViolations()).toEqual([]);
  });

  it('shows attempts as n of 3 with the next date, logs a past note and deletes one', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - 20 * DAY });
    await open(contact.id);
    await waitFor(() => expect(screen.getByTestId('wi-attempt-count').textContent).toMatch(/^1 of 3 notes sent · next follow-up/));
    expect(screen.getByTestId('wi-detail-next').textContent).toMatch(/Follow up \(attempt 2 of 3\)/);

    const sixDaysAgo = new Date(Date.now() - 6 * DAY);
    const date = `${sixDaysAgo.getFullYear()}-${String(sixDaysAgo.getMonth() + 1).padStart(2, '0')}-${String(sixDaysAgo.getDate()).padStart(2, '0')}`;
    fireEvent.input(screen.getByTestId('wi-attempt-date'), { target: { value: date } });
    fireEvent.change(screen.getByTestId('wi-attempt-channel'), { target: { value: 'linkedin' } });
    fireEvent.change(screen.getByTestId('wi-attempt-kind'), { target: { value: 'follow-up' } });
    fireEvent.click(screen.getByTestId('wi-attempt-add'));
    await waitFor(() => expect(screen.getAllByTestId('wi-attempt')).toHaveLength(2));
    expect(screen.getByTestId('wi-attempt-count').textContent).toMatch(/^2 of 3/);
    const attempts = (await repo.lookup({ id: contact.id }))!.attempts;
    expect(attempts[1]).toMatchObject({ kind: 'follow-up', channel: 'linkedin' });
    expect(new Date(attempts[1]!.at).getDate()).toBe(sixDaysAgo.getDate());

    const rows = screen.getAllByTestId('wi-attempt');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: /^Delete the follow-up of/ }));
    await waitFor(() => expect(screen.getAllByTestId('wi-attempt')).toHaveLength(1));
    expect((await repo.lookup({ id: contact.id }))!.attempts.map((a) => a.kind)).toEqual(['request']);
  });

  it('schedules a 15-minute meeting and downloads it as a calendar event', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Priya Natarajan', company: 'Contoso', referrer: { type: 'name', name: 'Sam Lee' } });
    const files = captureDownloads();
    await open(contact.id);
    fireEvent.input(screen.getByTestId('wi-schedule-date'), { target: { value: '2031-05-06' } });
    fireEvent.input(screen.getByTestId('wi-schedule-time'), { target: { value: '14:30' } });
    fireEvent.change(screen.getByTestId('wi-schedule-minutes'), { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('wi-schedule-submit'));
    await screen.findByTestId('wi-meeting-when');
    const [meeting] = (await repo.lookup({ id: contact.id }))!.meetings;
    expect(meeting).toMatchObject({ minutes: 15, scheduledAt: new Date(2031, 4, 6, 14, 30).getTime() });
    expect((await repo.contact(contact.id)).stage).toBe('scheduled');

    fireEvent.click(screen.getByTestId('wi-meeting-ics'));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('interview-priya-natarajan-2031-05-06.ics');
    const ics = await files[0]!.blob.text();
    expect(files[0]!.blob.type).toBe('text/calendar');
    expect(ics).toContain(`UID:meeting-${meeting!.id}@warm-intro`);
    expect(ics).toContain('SUMMARY:Informational interview: Priya Natarajan');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(await axeViolations()).toEqual([]);
  });

  it('prepares questions: 3–6 from the bank, your own, a gentle note below 3 and a warning above 14', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Tomas Alvarez' });
    const meeting = await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: Date.now() + 3 * DAY });
    await open(contact.id);
    expect(screen.getByTestId('wi-questions-advice').textContent).toMatch(/Pick 3–6/);
    const bank = screen.getAllByTestId('wi-question-bank');
    expect(bank).toHaveLength(QUESTION_BANK.length);
    fireEvent.click(bank[0]!);
    fireEvent.click(bank[1]!);
    expect(screen.getByTestId('wi-questions-advice').textContent).toMatch(/2 chosen\. A few more/);
    fireEvent.click(bank[8]!);
    expect(screen.getByTestId('wi-questions-advice').textContent).toMatch(/3 chosen: a good number/);
    for (let i = 1; i <= 12; i++) {
      fireEvent.input(screen.getByTestId('wi-question-custom'), { target: { value: `My own question ${i}?` } });
      fireEvent.click(screen.getByTestId('wi-question-add'));
    }
    const advice = screen.getByTestId('wi-questions-advice');
    expect(advice.textContent).toMatch(/15 questions is far more than/);
    expect(advice.className).toContain('wi-warning');
    await waitFor(async () => expect((await repo.db.meetings.get(meeting.id))!.questions).toHaveLength(15));
    const stored = (await repo.db.meetings.get(meeting.id))!.questions;
    expect(stored.slice(0, 3)).toEqual([QUESTION_BANK[0], QUESTION_BANK[1], QUESTION_BANK[8]]);
    expect(stored[3]).toBe('My own question 1?');

    fireEvent.click(screen.getByRole('button', { name: 'Remove the question: My own question 1?' }));
    await waitFor(async () => expect((await repo.db.meetings.get(meeting.id))!.questions).toHaveLength(14));

    fireEvent.input(screen.getByTestId('wi-research-notes'), { target: { value: 'Runs the platform team.' } });
    fireEvent.click(within(screen.getByTestId('wi-research-notes').closest('form')!).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await repo.db.meetings.get(meeting.id))!.researchNotes).toBe('Runs the platform team.'));
  });

  it('marks the meeting held, records the reflection, the referrals asked for and given', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact: sam } = await repo.logContact({ name: 'Sam Lee' });
    const { contact } = await repo.logContact({ name: 'Omar Haddad', referrer: { type: 'contact', contactId: sam.id } });
    const meeting = await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: Date.now() - 2 * 3_600_000 });
    await open(contact.id);
    expect(screen.getByTestId('wi-referrer-link').getAttribute('href')).toBe(`#/contact/${sam.id}`);
    expect(screen.queryByTestId('wi-asked-referrals')).toBeNull();
    fireEvent.click(screen.getByTestId('wi-meeting-held'));
    await screen.findByTestId('wi-reflection-fit');
    expect((await repo.contact(contact.id)).stage).toBe('interviewed');

    fireEvent.input(screen.getByTestId('wi-meeting-notes'), { target: { value: 'Talked about data ethics.' } });
    fireEvent.click(within(screen.getByTestId('wi-meeting-notes').closest('form')!).getByRole('button', { name: 'Save' }));
    fireEvent.input(screen.getByTestId('wi-reflection-fit'), { target: { value: 'Yes: research plus people.' } });
    fireEvent.input(screen.getByTestId('wi-reflection-perceptions'), { target: { value: 'More meetings than I thought.' } });
    fireEvent.input(screen.getByTestId('wi-reflection-training'), { target: { value: 'A statistics course.' } });
    fireEvent.input(screen.getByTestId('wi-reflection-nextStep'), { target: { value: 'Talk to two data ethicists.' } });
    fireEvent.click(screen.getByTestId('wi-reflection-save'));
    await waitFor(async () =>
      expect((await repo.db.meetings.get(meeting.id))!.reflection).toEqual({
        fit: 'Yes: research plus people.',
        perceptions: 'More meetings than I thought.',
        training: 'A statistics course.',
        nextStep: 'Talk to two data ethicists.',
      }),
    );
    expect((await repo.db.meetings.get(meeting.id))!.notes).toBe('Talked about data ethics.');

    const asked = (await screen.findByTestId('wi-asked-referrals')).querySelector('input')!;
    expect(asked.checked).toBe(false);
    fireEvent.click(asked);
    await waitFor(async () => expect((await repo.db.meetings.get(meeting.id))!.askedForReferrals).toBe(true));

    fireEvent.input(screen.getByTestId('wi-referral-name'), { target: { value: 'Lena Fischer' } });
    fireEvent.click(screen.getByTestId('wi-referral-add'));
    await waitFor(() => expect(within(screen.getByTestId('wi-referred')).getByRole('link', { name: 'Lena Fischer' })).toBeTruthy());
    const lena = (await repo.search('Lena'))[0]!;
    expect(lena.referrer).toEqual({ type: 'contact', contactId: contact.id });
    expect(await axeViolations()).toEqual([]);
  });

  it('deletes a contact only after confirming', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Delete Me' });
    await open(contact.id);
    fireEvent.click(screen.getByTestId('wi-delete-contact'));
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await repo.findContact({ id: contact.id })).not.toBeNull();
    fireEvent.click(screen.getByTestId('wi-delete-contact'));
    fireEvent.click(screen.getByTestId('wi-delete-contact-confirm'));
    await waitFor(() => expect(location.hash).toBe('#/board'));
    expect(await repo.findContact({ id: contact.id })).toBeNull();
  });

  it('says so when the contact does not exist', async () => {
    installFakeBackground('extension');
    location.hash = '#/contact/nobody';
    render(<Dashboard />);
    expect(await screen.findByText('Contact not found')).toBeTruthy();
  });
});
