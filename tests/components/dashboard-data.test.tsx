import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { parseCsv } from '../../lib/csv';
import { axeViolations, setInputFiles } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';
import { captureDownloads } from '../helpers/downloads';

beforeEach(() => {
  location.hash = '#/data';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});


function choose(testId: string, file: File) {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  setInputFiles(input, [file]);
  fireEvent.change(input);
}

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Olivia,Hartmann,https://www.linkedin.com/in/olivia-hartmann-8a61b2b4,,Northwind Analytics,Data Scientist,12 Mar 2023',
  'Marcus,Lindqvist,https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11,marcus@example.org,Fabrikam,UX Researcher,01 Feb 2022',
  ',,https://www.linkedin.com/in/no-name,,,,01 Feb 2022',
  'Bad,Url,https://example.com/in/bad,,,,01 Feb 2022',
  '',
].join('\r\n');

describe('Import & export', () => {
  it('imports a LinkedIn export, listing bad rows with line numbers, and passes axe', async () => {
    const { repo } = installFakeBackground('extension');
    render(<Dashboard />);
    choose('wi-import-file', new File([LINKEDIN], 'Connections.csv', { type: 'text/csv' }));
    const summary = await screen.findByTestId('wi-import-summary');
    expect(summary.textContent).toMatch(/^2 contacts ready from Connections\.csv \(LinkedIn connections export\); 2 rows cannot be imported\./);
    const errors = within(screen.getByTestId('wi-import-errors')).getAllByRole('listitem').map((li) => li.textContent);
    expect(errors).toEqual([
      'Line 7: No first or last name.',
      expect.stringMatching(/^Line 8: LinkedIn URL "https:\/\/example\.com\/in\/bad" is not a LinkedIn profile URL/),
    ]);
    expect(await axeViolations()).toEqual([]);
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    expect((await screen.findByTestId('wi-import-result')).textContent).toMatch(/^Imported: 2 added, 0 merged, 0 skipped\. They are in your network, not on the board\./);
    // LinkedIn's connections are people you know: the network, not the board.
    expect((await repo.summary()).counts.prospect).toBe(0);
    expect((await repo.summary()).network).toBe(2);
    expect((await repo.lookup({ email: 'marcus@example.org' }))?.contact).toMatchObject({ name: 'Marcus Lindqvist', headline: 'UX Researcher' });
  });

  it('merges or skips people already in Warm Intro, as chosen', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.logContact({ name: 'Marcus L.', emails: ['marcus@example.org'] });
    render(<Dashboard />);
    choose('wi-import-file', new File([LINKEDIN], 'Connections.csv'));
    // Into the pipeline, by choice: the network goes by default (see the next test).
    fireEvent.click(await screen.findByTestId('wi-import-target-pipeline'));
    fireEvent.click(await screen.findByTestId('wi-import-skip'));
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    expect((await screen.findByTestId('wi-import-result')).textContent).toMatch(/1 added, 0 merged, 1 skipped/);
    expect((await repo.lookup({ email: 'marcus@example.org' }))?.contact.company).toBeNull();

    choose('wi-import-file', new File([LINKEDIN], 'Connections.csv'));
    fireEvent.click(await screen.findByTestId('wi-import-target-pipeline'));
    fireEvent.click(await screen.findByLabelText(/^Merge/));
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    expect((await screen.findByTestId('wi-import-result')).textContent).toMatch(/0 added, 2 merged, 0 skipped/);
    expect((await repo.lookup({ email: 'marcus@example.org' }))?.contact).toMatchObject({ name: 'Marcus L.', company: 'Fabrikam' });
    expect(await repo.db.contacts.count()).toBe(2);
  });

  it('offers the network for LinkedIn connections and the pipeline for any other CSV, and says where people went', async () => {
    const { repo } = installFakeBackground('extension');
    render(<Dashboard />);
    choose('wi-import-file', new File([LINKEDIN], 'Connections.csv'));
    expect(((await screen.findByTestId('wi-import-target-network')) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('wi-import-target-pipeline') as HTMLInputElement).checked).toBe(false);

    choose('wi-import-file', new File(['Name,Email\r\nJonas Berg,jonas@example.org\r\n'], 'people.csv'));
    await waitFor(() => expect(screen.getByTestId('wi-import-summary').textContent).toMatch(/^1 contact ready from people\.csv\./));
    expect((screen.getByTestId('wi-import-target-pipeline') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    const result = await screen.findByTestId('wi-import-result');
    expect(result.textContent).toMatch(/^Imported: 1 added, 0 merged, 0 skipped\. They are on the board, as prospects\./);
    expect(within(result).getByRole('link').getAttribute('href')).toBe('#/board');
    expect((await repo.summary()).counts.prospect).toBe(1);
  });

  it('shows a progress bar while reading a large file', async () => {
    installFakeBackground('extension');
    render(<Dashboard />);
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${i},p${i}@example.org`);
    choose('wi-import-file', new File([['Name,Email', ...rows].join('\n')], 'big.csv'));
    const bar = (await screen.findByTestId('wi-import-progress')) as HTMLProgressElement;
    expect(bar.getAttribute('max')).toBe('1');
    expect((await screen.findByTestId('wi-import-summary', {}, { timeout: 5000 })).textContent).toMatch(/^3,000 contacts ready/);
    expect(screen.queryByTestId('wi-import-progress')).toBeNull();
  });

  it('imports a big file in parts, with a progress bar that says how far it got', async () => {
    const { db } = installFakeBackground('extension');
    render(<Dashboard />);
    const rows = Array.from({ length: 4500 }, (_, i) => `Person ${i},p${i}@example.org`);
    choose('wi-import-file', new File([['Name,Email', ...rows, 'Person 7,P7@example.org'].join('\n')], 'big.csv'));
    await screen.findByTestId('wi-import-summary', {}, { timeout: 5000 });
    // Every value the bar takes, as the parts are answered.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="wi-import-writing"]');
      const now = bar?.getAttribute('aria-valuenow');
      if (now && seen.at(-1) !== now) seen.push(now);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    const bar = await screen.findByRole('progressbar', { name: /^Importing… [\d,]+ of 4,501$/ });
    expect(bar.getAttribute('aria-valuemax')).toBe('4501');
    const result = await screen.findByTestId('wi-import-result', {}, { timeout: 10_000 });
    observer.disconnect();
    // The last row is a duplicate of row 8, two parts earlier: merged, not added.
    expect(result.textContent).toMatch(/^Imported: 4,500 added, 1 merged, 0 skipped\./);
    expect(seen).toEqual(['0', '2000', '4000', '4501']);
    expect(screen.queryByTestId('wi-import-writing')).toBeNull();
    expect(await db.contacts.count()).toBe(4500);
  }, 30_000);

  it('imports the same file again without writing it twice, and says so', async () => {
    const { db } = installFakeBackground('extension');
    render(<Dashboard />);
    const csv = ['Name', ...Array.from({ length: 2500 }, (_, i) => `Nameless ${i}`)].join('\n');
    for (const round of [1, 2]) {
      choose('wi-import-file', new File([csv], 'names.csv'));
      await waitFor(() => expect(screen.getByTestId('wi-import-summary').textContent).toMatch(/^2,500 contacts ready/), { timeout: 5000 });
      fireEvent.click(screen.getByTestId('wi-import-confirm'));
      const result = await screen.findByTestId('wi-import-result', {}, { timeout: 10_000 });
      if (round === 2) expect(result.textContent).toMatch(/^This file was already imported \(with the same choices\): nothing was written again\./);
    }
    // Names alone cannot be recognised: written twice, they would be 5,000 people.
    expect(await db.contacts.count()).toBe(2500);
  }, 30_000);

  it('explains a file that is not a contacts CSV', async () => {
    installFakeBackground('extension');
    render(<Dashboard />);
    choose('wi-import-file', new File(['Company,City\nNorthwind,Oslo\n'], 'wrong.csv'));
    const errors = await screen.findByTestId('wi-import-errors');
    expect(errors.textContent).toMatch(/^File: No header row found/);
    expect(screen.queryByTestId('wi-import-confirm')).toBeNull();
  });

  it('exports a JSON backup and a CSV of contacts with formula cells neutralised', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.logContact({ name: '=HYPERLINK("https://evil.example","x")', tags: ['+1'] });
    const files = captureDownloads();
    render(<Dashboard />);
    fireEvent.click(screen.getByTestId('wi-export-json'));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^warm-intro-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(await files[0]!.blob.text());
    expect(backup).toMatchObject({ format: 'warm-intro-backup', version: 2 });
    expect(backup.contacts).toHaveLength(1);

    fireEvent.click(screen.getByTestId('wi-export-csv'));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(files[1]!.name).toMatch(/^warm-intro-contacts-.*\.csv$/);
    const rows = parseCsv(await files[1]!.blob.text());
    expect(rows[1]![0]).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(rows[1]![6]).toBe("'+1");
  });

  it('restores a backup after offering to download the current data, and deletes all data after confirming', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Kept In Backup', emails: ['kept@example.org'] });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request' });
    const backup = await repo.exportBackup();
    await repo.clearAll();
    await repo.logContact({ name: 'Current One' });
    const files = captureDownloads();
    render(<Dashboard />);

    choose('wi-restore-file', new File([JSON.stringify(backup)], 'backup.json', { type: 'application/json' }));
    const pending = await screen.findByTestId('wi-restore-pending');
    expect(pending.textContent).toMatch(/1 contacts, 1 notes sent, 0 meetings/);
    expect(pending.textContent).toMatch(/This replaces everything now in Warm Intro \(1 contacts\)/);
    fireEvent.click(screen.getByTestId('wi-restore-backup-first'));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(JSON.parse(await files[0]!.blob.text()).contacts.map((c: { name: string }) => c.name)).toEqual(['Current One']);
    fireEvent.click(screen.getByTestId('wi-restore-confirm'));
    await waitFor(() => expect(screen.getByTestId('wi-restore-done').textContent).toBe('Restored 1 contacts.'));
    expect((await repo.lookup({ email: 'kept@example.org' }))?.attempts).toHaveLength(1);
    expect(await repo.findContact({ id: contact.id })).not.toBeNull();
    expect(await repo.search('Current')).toEqual([]);

    fireEvent.click(screen.getByTestId('wi-clear-all'));
    expect(await repo.db.contacts.count()).toBe(1);
    fireEvent.click(screen.getByTestId('wi-clear-all-confirm'));
    await waitFor(() => expect(screen.getByTestId('wi-clear-done').textContent).toBe('All data deleted.'));
    expect(await repo.db.contacts.count()).toBe(0);
    expect(await repo.db.attempts.count()).toBe(0);
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.logContact({ name: 'Still Here' });
    render(<Dashboard />);
    choose('wi-restore-file', new File(['{not json'], 'broken.json'));
    expect((await screen.findByTestId('wi-restore-error')).textContent).toMatch(/not a Warm Intro backup \(it is not JSON\)/);
    choose('wi-restore-file', new File([JSON.stringify({ format: 'warm-intro-backup', version: 1, contacts: [{ id: 'x' }] })], 'bad.json'));
    fireEvent.click(await screen.findByTestId('wi-restore-confirm'));
    expect((await screen.findByTestId('wi-restore-error')).textContent).toMatch(/Invalid backup/);
    expect((await repo.search('Still'))[0]?.name).toBe('Still Here');
  });
});
