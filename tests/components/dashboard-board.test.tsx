import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE } from '../../components/dashboard/Board';
import { Dashboard } from '../../components/dashboard/Dashboard';
import { axeViolations } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';

const DAY = 86_400_000;

beforeEach(() => {
  location.hash = '#/board';
});
afterEach(() => cleanup());

const column = (stage: string) => screen.getByTestId(`wi-col-${stage}`);
const cardOf = (name: string) => screen.getAllByTestId('wi-card').find((c) => c.querySelector('a')!.textContent === name)!;
const names = (stage: string) => within(column(stage)).queryAllByTestId('wi-card').map((c) => c.querySelector('a')!.textContent);

/** A minimal DataTransfer: happy-dom has none for synthetic drag events. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

async function seed() {
  const bg = installFakeBackground('extension');
  const { repo } = bg;
  const { contact: sam } = await repo.logContact({ name: 'Sam Lee', tags: ['mentor'] });
  const { contact: maria } = await repo.logContact({
    name: 'Maria Lopez',
    company: 'Northwind',
    tags: ['design'],
    referrer: { type: 'contact', contactId: sam.id },
  });
  const { contact: omar } = await repo.logContact({ name: 'Omar Haddad', company: 'Contoso', tags: ['data'], referrer: { type: 'name', name: 'Aunt June' } });
  return { ...bg, sam, maria, omar };
}

describe('Board', () => {
  it('shows a column per stage with its cards and counts, and passes axe', async () => {
    await seed();
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(3));
    expect(screen.getByTestId('wi-col-count-prospect').textContent).toBe('3');
    expect(screen.getByTestId('wi-col-count-scheduled').textContent).toBe('0');
    expect(screen.getByText(/press Alt\+→ \/ Alt\+← to move it one stage/)).toBeTruthy();
    expect(within(column('prospect')).getByText('via Sam Lee')).toBeTruthy();
    expect(await axeViolations()).toEqual([]);
  });

  it('filters by tag, company and referrer', async () => {
    await seed();
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(3));
    fireEvent.input(screen.getByTestId('wi-filter-tag'), { target: { value: 'design' } });
    expect(names('prospect')).toEqual(['Maria Lopez']);
    expect(screen.getByTestId('wi-board-total').textContent).toBe('1 of 3 contacts');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.input(screen.getByTestId('wi-filter-company'), { target: { value: 'contoso' } });
    expect(names('prospect')).toEqual(['Omar Haddad']);
    fireEvent.input(screen.getByTestId('wi-filter-company'), { target: { value: '' } });
    fireEvent.input(screen.getByTestId('wi-filter-referrer'), { target: { value: 'sam' } });
    expect(names('prospect')).toEqual(['Maria Lopez']);
    fireEvent.input(screen.getByTestId('wi-filter-referrer'), { target: { value: 'june' } });
    expect(names('prospect')).toEqual(['Omar Haddad']);
  });

  it('moves a focused card with Alt+ArrowRight and Alt+ArrowLeft, keeping focus on it', async () => {
    const { repo, maria } = await seed();
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(3));
    const card = () => cardOf('Maria Lopez');
    card().focus();
    expect(document.activeElement).toBe(card());
    fireEvent.keyDown(card(), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(names('requested')).toEqual(['Maria Lopez']));
    // Focus follows the card into its new column (after the next frame).
    await waitFor(() => expect(document.activeElement).toBe(card()));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(names('scheduled')).toEqual(['Maria Lopez']));
    await waitFor(async () => expect((await repo.contact(maria.id)).stage).toBe('scheduled'));
    await waitFor(() => expect(document.activeElement).toBe(card()));
    expect(screen.getByTestId('wi-board-announce').textContent).toBe('Moved Maria Lopez to Scheduled.');
    fireEvent.keyDown(card(), { key: 'ArrowLeft', altKey: true });
    await waitFor(async () => expect((await repo.contact(maria.id)).stage).toBe('requested'));
    // Arrow keys without Alt do nothing.
    fireEvent.keyDown(card(), { key: 'ArrowRight' });
    expect((await repo.contact(maria.id)).stage).toBe('requested');
  });

  it('moves a card with its "Move to" menu', async () => {
    const { repo, omar } = await seed();
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(3));
    const card = cardOf('Omar Haddad');
    const select = within(card).getByLabelText('Move to') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'interviewed' } });
    await waitFor(() => expect(names('interviewed')).toEqual(['Omar Haddad']));
    await waitFor(async () => expect((await repo.contact(omar.id)).stage).toBe('interviewed'));
  });

  it('moves a card by drag and drop', async () => {
    const { repo, sam } = await seed();
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(3));
    const card = cardOf('Sam Lee');
    const dt = dataTransfer();
    fireEvent.dragStart(card, { dataTransfer: dt });
    fireEvent.dragOver(column('thanked'), { dataTransfer: dt });
    expect(column('thanked').className).toContain('wi-col--drop');
    fireEvent.drop(column('thanked'), { dataTransfer: dt });
    await waitFor(() => expect(names('thanked')).toEqual(['Sam Lee']));
    await waitFor(async () => expect((await repo.contact(sam.id)).stage).toBe('thanked'));
    expect(column('thanked').className).not.toContain('wi-col--drop');
  });

  it(`renders at most ${PAGE} cards per column, with "Show more"`, async () => {
    const { repo } = installFakeBackground('extension');
    await repo.importContacts(
      Array.from({ length: PAGE + 12 }, (_, i) => ({ name: `Person ${String(i).padStart(3, '0')}` })),
      'skip',
    );
    render(<Dashboard />);
    await waitFor(() => expect(names('prospect')).toHaveLength(PAGE));
    expect(screen.getByTestId('wi-col-count-prospect').textContent).toBe(String(PAGE + 12));
    fireEvent.click(screen.getByRole('button', { name: 'Show 12 more (12 hidden)' }));
    expect(names('prospect')).toHaveLength(PAGE + 12);
  });

  it('stays usable with 10,000 contacts: at most one page of cards per column, filters still work', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.importContacts(
      Array.from({ length: 10_000 }, (_, i) => ({ name: `Person ${i}`, company: `Company ${i % 100}`, tags: [`cohort-${i % 10}`] })),
      'skip',
    );
    render(<Dashboard />);
    await waitFor(() => expect(screen.getByTestId('wi-board-total').textContent).toBe('10,000 contacts'), { timeout: 10_000 });
    expect(screen.getAllByTestId('wi-card')).toHaveLength(PAGE);
    expect(screen.getByTestId('wi-col-count-prospect').textContent).toBe('10000');
    fireEvent.input(screen.getByTestId('wi-filter-company'), { target: { value: 'Company 42' } });
    expect(screen.getByTestId('wi-board-total').textContent).toBe('100 of 10,000 contacts');
    expect(screen.getAllByTestId('wi-card')).toHaveLength(PAGE);
  }, 30_000);

  it('sorts by next due, or by name', async () => {
    const { repo } = installFakeBackground('extension');
    for (const [name, daysAgo] of [
      ['Anna Late', 3],
      ['Zed Overdue', 30],
      ['Mia Soon', 10],
    ] as const) {
      const { contact } = await repo.logContact({ name });
      await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: Date.now() - daysAgo * DAY });
    }
    render(<Dashboard />);
    await waitFor(() => expect(names('requested')).toEqual(['Zed Overdue', 'Mia Soon', 'Anna Late']));
    expect(within(column('requested')).getAllByTestId('wi-card')[0]!.textContent).toMatch(/Move on politely|Follow up/);
    fireEvent.change(screen.getByTestId('wi-sort'), { target: { value: 'name' } });
    expect(names('requested')).toEqual(['Anna Late', 'Mia Soon', 'Zed Overdue']);
  });

  it('scrolls to the column named in #/board?stage=…, and points a new user to the import', async () => {
    installFakeBackground('extension');
    location.hash = '#/board?stage=thanked';
    render(<Dashboard />);
    expect(await screen.findByText(/No contacts yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'import a CSV' }).getAttribute('href')).toBe('#/data');
  });
});
