import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposeMenu } from '../../components/compose/ComposeMenu';
import type { ComposeSnapshot, InsertPlan } from '../../components/compose/types';
import { MoveOffer } from '../../components/dashboard/MoveOffer';
import { NetworkView, NETWORK_PAGE } from '../../components/dashboard/NetworkView';
import { CompanyPanel } from '../../components/sidebar/CompanyPanel';
import { Introducers } from '../../components/sidebar/Introducers';
import type { MutualConnections } from '../../lib/linkedin/mutuals';
import { axeViolations } from '../helpers/a11y';
import { installFakeBackground } from '../helpers/background';

const ELODIE = {
  name: 'Élodie Marchand',
  headline: 'Head of Research at Blue Yonder Labs',
  company: 'Blue Yonder Labs',
  profileUrl: 'https://www.linkedin.com/in/elodie-marchand-3a9c7e55/',
  memberId: null,
};
const MUTUALS: MutualConnections = {
  names: ['Olivia Hartmann', 'Marcus Lindqvist'],
  others: 27,
  listUrl: 'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAF3qHero26ElodieMarchand3a9c7e55%22%5D',
  memberId: 'ACoAAF3qHero26ElodieMarchand3a9c7e55',
};
const network = (position: string) => ({ source: 'linkedin-export' as const, position, connectedOn: null });

afterEach(() => {
  // Unmount first: a render left mounted would still update after the test (and the file) ended.
  cleanup();
  document.body.innerHTML = '';
  location.hash = '';
});

describe('Introducers (sidebar)', () => {
  it('lists the named mutual connections you know, with reasons, and asks one for an introduction', async () => {
    const { repo } = installFakeBackground('page');
    const { contact: olivia } = await repo.logContact({
      name: 'Olivia Hartmann',
      profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      inPipeline: 0,
      network: network('Data Scientist'),
    });
    await repo.logContact({ name: 'Marcus Lindqvist', inPipeline: 0, network: network('UX Researcher') });
    await repo.logContact({ name: 'Jonas Berg', inPipeline: 0, network: network('Engineer') });
    render(<Introducers profile={ELODIE} view={null} mutuals={MUTUALS} />);

    await waitFor(() => expect(screen.getAllByTestId('wi-introducer-name').map((n) => n.textContent).sort()).toEqual(['Marcus Lindqvist', 'Olivia Hartmann']));
    for (const item of screen.getAllByTestId('wi-introducer')) {
      expect(within(item).getAllByTestId('wi-introducer-reason')[0]!.textContent).toMatch(/mutual connection/i);
      expect(within(item).getByTestId('wi-introducer-known').textContent).toBe('In your network');
    }
    expect(screen.getByTestId('wi-mutuals-link').getAttribute('href')).toBe(MUTUALS.listUrl);
    expect(screen.getByTestId('wi-mutuals-link').textContent).toBe('All 29 mutual connections on LinkedIn');

    const item = screen.getAllByTestId('wi-introducer').find((el) => el.textContent!.includes('Olivia'))!;
    fireEvent.click(within(item).getByTestId('wi-intro-ask'));
    fireEvent.input(within(item).getByTestId('wi-intro-why'), { target: { value: 'She leads the research team.' } });
    fireEvent.click(within(item).getByTestId('wi-intro-ask-confirm'));
    const note = await within(item).findByTestId('wi-intro-asked');
    expect(within(note).getByTestId('wi-intro-message').getAttribute('href')).toBe('https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');

    const intros = (await repo.lookup({ id: olivia.id }))!.introductions;
    expect(intros).toEqual([expect.objectContaining({ status: 'suggested', targetName: 'Élodie Marchand', why: 'She leads the research team.' })]);
    // The target is recorded, but not as someone you are asking for an interview.
    const elodie = await repo.lookup({ profileUrl: ELODIE.profileUrl });
    expect(elodie?.contact.inPipeline).toBe(0);
  });

  it('says how to fill the network when no one you know is linked to the person', async () => {
    installFakeBackground('page');
    render(<Introducers profile={ELODIE} view={null} mutuals={null} />);
    expect((await screen.findByTestId('wi-introducers-empty')).textContent).toMatch(/import LinkedIn's Connections\.csv/);
    expect(screen.queryByTestId('wi-mutuals-link')).toBeNull();
  });

  it('stays away for a contact who already has a referrer', async () => {
    const { repo } = installFakeBackground('page');
    const { contact } = await repo.logContact({ ...ELODIE, referrer: { type: 'name', name: 'Hannah Becker' } });
    const view = await repo.lookup({ id: contact.id });
    render(<Introducers profile={ELODIE} view={view} mutuals={MUTUALS} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('wi-introducers')).toBeNull();
  });
});

describe('Network view', () => {
  it('pages through a large network, searches it, and puts someone in the pipeline in one step', async () => {
    const { repo } = installFakeBackground('extension');
    const drafts = Array.from({ length: 120 }, (_, i) => ({
      name: `Person ${String(i).padStart(3, '0')}`,
      company: i === 7 ? 'Fabrikam' : 'Contoso',
      network: { source: 'linkedin-export' as const },
    }));
    await repo.importContacts(drafts, 'merge', 'network');
    render(<NetworkView />);
    await waitFor(() => expect(screen.getAllByTestId('wi-network-person')).toHaveLength(NETWORK_PAGE));
    expect(screen.getByTestId('wi-network-count').textContent).toBe('1–50 of 120 people');
    expect(await axeViolations()).toEqual([]);
    fireEvent.click(screen.getByTestId('wi-network-next'));
    await waitFor(() => expect(screen.getByTestId('wi-network-count').textContent).toBe('51–100 of 120 people'));

    fireEvent.input(screen.getByTestId('wi-network-search'), { target: { value: 'fabrikam' } });
    await waitFor(() => expect(screen.getAllByTestId('wi-network-name').map((a) => a.textContent)).toEqual(['Person 007']));
    fireEvent.click(screen.getByTestId('wi-network-to-pipeline'));
    await waitFor(() => expect(screen.getByTestId('wi-network-stage').textContent).toBe('Prospect'));
    expect(screen.queryByTestId('wi-network-to-pipeline')).toBeNull();
    expect((await repo.summary()).counts.prospect).toBe(1);
  });

  it('asks someone in the network for an introduction to a new person', async () => {
    const { repo } = installFakeBackground('extension');
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', inPipeline: 0, network: network('Data Scientist') });
    render(<NetworkView />);
    fireEvent.click(await screen.findByTestId('wi-network-ask-intro'));
    fireEvent.input(screen.getByTestId('wi-intro-target'), { target: { value: 'Ines Duarte' } });
    fireEvent.input(await screen.findByTestId('wi-intro-target-company'), { target: { value: 'Northwind Analytics' } });
    fireEvent.click(screen.getByTestId('wi-intro-ask-submit'));
    expect((await screen.findByText(/^Saved\. Send Olivia the request/)).textContent).toMatch(/Ask for an introduction/);
    const [intro] = (await repo.lookup({ id: contact.id }))!.introductions;
    expect(intro).toMatchObject({ targetName: 'Ines Duarte', targetCompany: 'Northwind Analytics', status: 'suggested' });
  });
});

describe('Moving imported prospects to the network', () => {
  it('offers once, moves the untouched prospects, and undoes it', async () => {
    const { repo } = installFakeBackground('extension');
    // What the old import made of a connections export: prospects with a profile and nothing else.
    await repo.importContacts(
      [
        { name: 'Ana Silva', profileUrl: 'https://www.linkedin.com/in/ana-silva-1a2b3c4d/' },
        { name: 'Ben Okafor', profileUrl: 'https://www.linkedin.com/in/ben-okafor-5e6f7a8b/' },
      ],
      'merge',
      'pipeline',
    );
    const { contact: busy } = await repo.logContact({ name: 'Chloé Lefèvre' });
    await repo.recordAttempt({ contactId: busy.id, channel: 'email', kind: 'request' });
    render(<MoveOffer />);
    const offer = await screen.findByTestId('wi-move-offer');
    expect(await axeViolations()).toEqual([]);
    expect(offer.textContent).toMatch(/2 people on your board are prospects you imported/);
    fireEvent.click(screen.getByTestId('wi-move-confirm'));
    expect((await screen.findByTestId('wi-move-done')).textContent).toMatch(/^Moved 2 people to your network/);
    expect((await repo.summary()).counts).toMatchObject({ prospect: 0, requested: 1 });

    fireEvent.click(screen.getByTestId('wi-move-undo'));
    expect((await screen.findByTestId('wi-move-restored')).textContent).toBe('Put 2 people back on the board as prospects.');
    expect((await repo.summary()).counts.prospect).toBe(2);
  });

  it('is never offered again once declined', async () => {
    const { repo } = installFakeBackground('extension');
    await repo.importContacts([{ name: 'Ana Silva', profileUrl: 'https://www.linkedin.com/in/ana-silva-1a2b3c4d/' }], 'merge', 'pipeline');
    const { unmount } = render(<MoveOffer />);
    fireEvent.click(await screen.findByTestId('wi-move-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('wi-move-offer')).toBeNull());
    unmount();
    render(<MoveOffer />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('wi-move-offer')).toBeNull();
    expect((await repo.summary()).counts.prospect).toBe(1);
  });
});

describe('Importing into the pipeline by choice', () => {
  it('answers the move offer: people just imported into the pipeline are not offered for the network', async () => {
    const { repo } = installFakeBackground('extension');
    const { Dashboard } = await import('../../components/dashboard/Dashboard');
    const { setInputFiles } = await import('../helpers/a11y');
    location.hash = '#/data';
    render(<Dashboard />);
    const input = screen.getByTestId('wi-import-file') as HTMLInputElement;
    setInputFiles(input, [
      new File(['First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,https://www.linkedin.com/in/ana-silva-1a2b3c4d,,Contoso,PM,01 Feb 2022\r\n'], 'Connections.csv'),
    ]);
    fireEvent.change(input);
    fireEvent.click(await screen.findByTestId('wi-import-target-pipeline'));
    fireEvent.click(screen.getByTestId('wi-import-confirm'));
    await screen.findByTestId('wi-import-result');
    expect((await repo.summary()).counts.prospect).toBe(1);
    expect(await repo.moveCandidates()).toMatchObject({ answered: true });
  });
});

describe('Introductions on the contact page and in Insights', () => {
  it('marks an asked introduction introduced: the target gets the referrer and joins the pipeline; Insights count it per introducer', async () => {
    const { repo } = installFakeBackground('extension');
    const { ContactDetail } = await import('../../components/dashboard/ContactDetail');
    const { Insights } = await import('../../components/dashboard/Insights');
    const { contact: olivia } = await repo.logContact({ name: 'Olivia Hartmann', emails: ['olivia@example.com'], inPipeline: 0, network: network('Data Scientist') });
    const { introduction, target } = await repo.askIntroduction({ introducerId: olivia.id, target: { name: 'Élodie Marchand' }, why: 'Research leads.' });
    await repo.recordAttempt({ contactId: olivia.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    const { unmount } = render(<ContactDetail id={olivia.id} />);
    const row = await screen.findByTestId('wi-introduction');
    expect(within(row).getByTestId('wi-introduction-person').textContent).toBe('Élodie Marchand');
    await waitFor(() => expect(within(row).getByTestId('wi-introduction-status').textContent).toBe('Asked'));
    fireEvent.click(within(row).getByTestId('wi-intro-set-introduced'));
    await waitFor(() => expect(within(screen.getByTestId('wi-introduction')).getByTestId('wi-introduction-status').textContent).toBe('Introduced'));
    const elodie = (await repo.lookup({ id: target.id }))!;
    expect(elodie.contact.referrer).toEqual({ type: 'contact', contactId: olivia.id });
    expect(elodie.contact.inPipeline).toBe(1);
    unmount();

    render(<Insights />);
    expect((await screen.findByTestId('wi-insight-introductions')).textContent).toBe('1');
    const rows = within(screen.getByTestId('wi-insight-introducers')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['IntroducerAskedMade', 'Olivia Hartmann11']);
    // The referral tree shows Olivia as Élodie's referrer, with the introduction she made.
    expect(within(screen.getByTestId('wi-referral-tree')).getByTestId('wi-tree-introductions').textContent).toBe('1 introduction made');
  });
});

describe('Popup with a network and no pipeline yet', () => {
  it('counts no pipeline people and says how many are in the network', async () => {
    const { repo } = installFakeBackground('extension');
    const { Popup } = await import('../../components/Popup');
    await repo.importContacts(
      [
        { name: 'Olivia Hartmann', network: { source: 'linkedin-export' } },
        { name: 'Marcus Lindqvist', network: { source: 'linkedin-export' } },
      ],
      'merge',
      'network',
    );
    render(<Popup openTab={() => {}} dashboardUrl="chrome-extension://test/dashboard.html" />);
    expect((await screen.findByTestId('wi-popup-network')).textContent).toMatch(/^2 people are in your network/);
    expect(screen.getByTestId('wi-stage-count-prospect').textContent).toBe('0');
  });
});

describe('Company panel', () => {
  it('counts and lists the people you know at the company, with how you know them and when you last talked', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact({ name: 'Olivia Hartmann', company: 'Northwind Analytics', inPipeline: 0, network: network('Data Scientist') });
    const { contact: ines } = await repo.logContact({ name: 'Ines Duarte', company: 'Northwind Analytics, Inc.' });
    await repo.setStage(ines.id, 'interviewed');
    await repo.logContact({ name: 'Marcus Lindqvist', company: 'Fabrikam' });
    render(<CompanyPanel company="Northwind Analytics" onClose={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('wi-company-title').textContent).toBe('You know 2 people at Northwind Analytics'));
    const people = screen.getAllByTestId('wi-company-person');
    const byName = Object.fromEntries(people.map((p) => [within(p).getByTestId('wi-company-person-name').textContent, p.textContent]));
    expect(Object.keys(byName).sort()).toEqual(['Ines Duarte', 'Olivia Hartmann']);
    expect(byName['Ines Duarte']).toMatch(/Interviewed/);
    expect(byName['Olivia Hartmann']).toMatch(/In your network.*never talked/);
  });

  it('says so when you know no one there', async () => {
    installFakeBackground('page');
    const onClose = vi.fn();
    render(<CompanyPanel company="Lucerne Labs AG" onClose={onClose} />);
    expect((await screen.findByTestId('wi-company-title')).textContent).toMatch(/People you know at|You know 0 people/);
    await screen.findByTestId('wi-company-empty');
    fireEvent.click(screen.getByTestId('wi-company-close'));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('Compose menu: Ask for an introduction', () => {
  const snap = (email: string): ComposeSnapshot => ({ recipients: [{ email, name: null, field: 'to' }], subject: '', isReply: false });

  it('is suggested for an introducer, lets you pick the introduction, and fills the target and the forwardable note', async () => {
    const { repo } = installFakeBackground('page');
    await repo.saveSettings({ userName: 'Alex Morgan', fieldOfInterest: 'data platforms' });
    const { contact: olivia } = await repo.logContact({
      name: 'Olivia Hartmann',
      emails: ['olivia@example.com'],
      inPipeline: 0,
      network: network('Data Scientist'),
    });
    await repo.askIntroduction({ introducerId: olivia.id, target: { name: 'Élodie Marchand', company: 'Blue Yonder Labs' }, why: 'Her team builds what I study.' });
    const { introduction: second } = await repo.askIntroduction({ introducerId: olivia.id, target: { name: 'Ines Duarte', company: 'Northwind Analytics' } });
    const onInsert = vi.fn<(plan: InsertPlan) => void>();
    render(<ComposeMenu snapshot={snap('olivia@example.com')} onInsert={onInsert} onClose={() => {}} />);

    const options = await screen.findAllByTestId('wi-template-option');
    const intro = options.find((o) => o.getAttribute('data-template-id') === 'intro-request')!;
    await waitFor(() => expect(intro.getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByTestId('wi-preview-subject').textContent).toBe('Would you introduce me to Élodie Marchand?');
    expect(screen.getByTestId('wi-preview-body').textContent).toContain('"Hi Élodie, Alex Morgan is exploring data platforms');

    fireEvent.change(screen.getByTestId('wi-intro-select'), { target: { value: second.id } });
    await waitFor(() => expect(screen.getByTestId('wi-preview-subject').textContent).toBe('Would you introduce me to Ines Duarte?'));
    // No reason was written down for this one: the menu asks for it before inserting.
    expect(screen.getByTestId('wi-insert').hasAttribute('disabled')).toBe(true);
    fireEvent.input(screen.getByTestId('wi-missing-input-introReason'), { target: { value: 'She built the analytics team I admire.' } });
    fireEvent.click(screen.getByTestId('wi-insert'));
    await waitFor(() => expect(onInsert).toHaveBeenCalled());
    expect(onInsert.mock.calls[0]![0]).toMatchObject({ contactId: olivia.id, kind: 'intro-request', templateId: 'intro-request', introductionId: second.id });
    expect(onInsert.mock.calls[0]![0].body).toContain('how Ines Duarte sees it from Northwind Analytics. She built the analytics team I admire.');
  });

  it('is not offered to someone with no open introduction request', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact({ name: 'Marcus Lindqvist', emails: ['marcus@example.com'] });
    render(<ComposeMenu snapshot={snap('marcus@example.com')} onInsert={() => {}} onClose={() => {}} />);
    const options = await screen.findAllByTestId('wi-template-option');
    expect(options.map((o) => o.getAttribute('data-template-id'))).toEqual(['request', 'follow-up', 'thank-you', 'update']);
  });
});
