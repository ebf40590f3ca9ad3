/**
 * Network and pipeline are two things (issue 16): importing LinkedIn's connections export fills the
 * network, not the board; anyone in the network joins the pipeline in one step; the imported
 * prospects of older versions can be moved to the network once, undoably.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { parseContactsFile, parseConnectedOn } from '../../lib/import';
import { Repository } from '../../lib/repository';
import { createServer } from '../../lib/server';
import { EXTENSION_PAGE } from '../../lib/senders';

const CONNECTIONS = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Olivia,Hartmann,https://www.linkedin.com/in/olivia-hartmann-8a61b2b4,,Northwind Analytics,Data Scientist,12 Mar 2023',
  'Marcus,Lindqvist,https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11,marcus@example.org,"Fabrikam, Inc.",UX Researcher,01 Feb 2022',
  'Ana,Souza,https://www.linkedin.com/in/ana-souza,,Acme GmbH,Engineering Manager,30 Nov 2025',
  '',
].join('\r\n');

const DAY = 86_400_000;
let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

async function importConnections(target?: 'network' | 'pipeline', duplicates: 'merge' | 'skip' = 'merge') {
  const parsed = await parseContactsFile(CONNECTIONS);
  expect(parsed.format).toBe('linkedin');
  return repo.importContacts(parsed.drafts, duplicates, target);
}

describe('importing the connections export', () => {
  it('reads position and connected-on from LinkedIn’s export', async () => {
    const parsed = await parseContactsFile(CONNECTIONS);
    expect(parsed.drafts[0]).toMatchObject({
      name: 'Olivia Hartmann',
      headline: 'Data Scientist',
      network: { source: 'linkedin-export', position: 'Data Scientist', connectedOn: Date.UTC(2023, 2, 12) },
    });
    expect(parseConnectedOn('01 Feb 2022')).toBe(Date.UTC(2022, 1, 1));
    expect(parseConnectedOn('2022-02-01')).toBe(Date.UTC(2022, 1, 1));
    expect(parseConnectedOn('Feb 1, 2022')).toBe(Date.UTC(2022, 1, 1));
    expect(parseConnectedOn('31 Feb 2022')).toBeNull();
    expect(parseConnectedOn('yesterday')).toBeNull();
  });

  it('into the network: fills it and leaves the board unchanged', async () => {
    const { contact: dana } = await repo.logContact({ name: 'Dana Reyes', company: 'Contoso' });
    await repo.recordAttempt({ contactId: dana.id, channel: 'email', kind: 'request' });
    const before = { summary: await repo.summary(), board: await repo.board() };

    expect(await importConnections('network')).toEqual({ added: 3, merged: 0, skipped: 0 });
    const after = await repo.summary();
    expect(after.counts).toEqual(before.summary.counts);
    expect(after.total).toBe(1);
    expect(after.network).toBe(3);
    expect((await repo.board()).map((c) => c.id)).toEqual(before.board.map((c) => c.id));
    expect(await repo.due(now + 30 * DAY)).toHaveLength(1);

    const { items, total } = await repo.networkList({});
    expect(total).toBe(3);
    expect(items.map((p) => p.name)).toEqual(['Ana Souza', 'Marcus Lindqvist', 'Olivia Hartmann']);
    expect(items[2]).toMatchObject({
      company: 'Northwind Analytics',
      position: 'Data Scientist',
      connectedOn: Date.UTC(2023, 2, 12),
      profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      stage: null,
    });
    // Insights count the pipeline.
    expect((await repo.insights()).contacts).toBe(1);
  });

  it('marks pipeline people found in the export as network too, without moving them', async () => {
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist', profileUrl: 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/' });
    await repo.setStage(contact.id, 'scheduled');
    for (const duplicates of ['skip', 'merge'] as const) {
      const result = await importConnections('network', duplicates);
      expect(result.added + result.merged + result.skipped).toBe(3);
    }
    const marcus = await repo.contact(contact.id);
    expect(marcus).toMatchObject({ inPipeline: 1, stage: 'scheduled', inNetwork: 1, network: { source: 'linkedin-export', position: 'UX Researcher' } });
    expect(marcus.emails).toEqual(['marcus@example.org']);
    expect((await repo.summary()).counts.scheduled).toBe(1);
    expect((await repo.summary()).total).toBe(1);
    expect(await db.contacts.count()).toBe(3);
  });

  it('into the pipeline when asked: cards, with the network noted', async () => {
    await importConnections('pipeline');
    expect((await repo.summary()).counts.prospect).toBe(3);
    expect((await repo.summary()).network).toBe(3);
  });

  it('through the protocol: target network fills the network; no target keeps the old meaning (cards)', async () => {
    const server = createServer(repo);
    const parsed = await parseContactsFile(CONNECTIONS);
    const reply = await server({ type: 'contacts.import', payload: { contacts: parsed.drafts, duplicates: 'merge', target: 'network' } }, EXTENSION_PAGE);
    expect(reply).toEqual({ ok: true, data: { added: 3, merged: 0, skipped: 0 } });
    expect((await repo.summary()).total).toBe(0);
    await server({ type: 'contacts.import', payload: { contacts: parsed.drafts, duplicates: 'merge' } }, EXTENSION_PAGE);
    expect((await repo.summary()).total).toBe(3);
    expect((await server({ type: 'contacts.import', payload: { contacts: [], duplicates: 'merge', target: 'board' } }, EXTENSION_PAGE)).ok).toBe(false);
  });
});

describe('network to pipeline', () => {
  it('puts a network person into the pipeline as a prospect in one step (network.toPipeline)', async () => {
    await importConnections('network');
    const [ana] = (await repo.networkList({ query: 'ana' })).items;
    const server = createServer(repo);
    const reply = (await server({ type: 'network.toPipeline', payload: { contactId: ana!.contactId } }, EXTENSION_PAGE)) as { ok: true; data: { inPipeline: number; stage: string } };
    expect(reply.data).toMatchObject({ inPipeline: 1, stage: 'prospect', inNetwork: 1 });
    expect((await repo.summary()).counts.prospect).toBe(1);
    expect((await repo.board()).map((c) => c.name)).toEqual(['Ana Souza']);
    expect((await repo.networkList({})).items.find((p) => p.name === 'Ana Souza')?.stage).toBe('prospect');
  });

  it('logging a network person from their profile puts them in the pipeline', async () => {
    await importConnections('network');
    const { contact, created } = await repo.logContact({ name: 'Ana Souza', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    expect(created).toBe(false);
    expect(contact).toMatchObject({ inPipeline: 1, stage: 'prospect', inNetwork: 1 });
  });
});

describe('the network list', () => {
  it('searches names and companies by word start, ignoring accents and legal forms, a page at a time', async () => {
    await importConnections('network');
    await repo.logContact({ name: 'José Núñez', company: 'Acme AG', inPipeline: 0, network: { source: 'manual' } });
    await repo.logContact({ name: 'Acme Pipeline Person', company: 'Acme' }); // pipeline only: not listed
    expect((await repo.networkList({ query: 'acme' })).items.map((p) => p.name)).toEqual(['Ana Souza', 'José Núñez']);
    expect((await repo.networkList({ query: 'nun' })).items.map((p) => p.name)).toEqual(['José Núñez']);
    expect((await repo.networkList({ query: 'souza acme' })).items.map((p) => p.name)).toEqual(['Ana Souza']);
    expect((await repo.networkList({ query: 'FABRIKAM' })).items.map((p) => p.name)).toEqual(['Marcus Lindqvist']);
    const page = await repo.networkList({ offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.name)).toEqual(['José Núñez', 'Marcus Lindqvist']);
    // contact.search (the compose pickers) finds network people too.
    expect((await repo.search('marc')).map((c) => c.name)).toEqual(['Marcus Lindqvist']);
  });
});

describe('moving idle imported prospects to the network (offered once)', () => {
  async function oldImport() {
    // What version 2's import made of a connections export: prospects on the board.
    await importConnections('pipeline');
    const { contact: worked } = await repo.logContact({ name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-n/' });
    await repo.recordAttempt({ contactId: worked.id, channel: 'email', kind: 'request' });
    const { contact: noted } = await repo.logContact({ name: 'Ravi Shah', profileUrl: 'https://www.linkedin.com/in/ravi-shah/', notes: 'Ask about the grant.' });
    const { contact: referred } = await repo.logContact({ name: 'Sam Lee', profileUrl: 'https://www.linkedin.com/in/sam-lee/', referrer: { type: 'name', name: 'Aunt June' } });
    const { contact: met } = await repo.logContact({ name: 'Kim Park', profileUrl: 'https://www.linkedin.com/in/kim-park/' });
    await repo.scheduleMeeting({ contactId: met.id, scheduledAt: now + DAY });
    return { worked, noted, referred, met };
  }

  it('counts only prospects with no attempts, meetings, notes or referrer', async () => {
    await oldImport();
    expect(await repo.moveCandidates()).toEqual({ count: 3, answered: false });
  });

  it('moves them in one step, and undo puts them back', async () => {
    const kept = await oldImport();
    const { moved, token } = await repo.moveProspects();
    expect(moved).toBe(3);
    expect(token).toEqual(expect.any(String));
    const summary = await repo.summary();
    expect(summary.counts.prospect).toBe(2); // Ravi and Sam stay; Priya is requested, Kim scheduled
    expect(summary.counts.requested).toBe(1);
    expect((await repo.board()).map((c) => c.name).sort()).toEqual(['Kim Park', 'Priya Natarajan', 'Ravi Shah', 'Sam Lee']);
    for (const c of Object.values(kept)) expect((await repo.contact(c.id)).inPipeline).toBe(1);
    expect((await repo.networkList({})).total).toBe(3);
    // Answered: not offered again.
    expect(await repo.moveCandidates()).toEqual({ count: 0, answered: true });

    expect(await repo.undoMove(token!)).toEqual({ restored: 3 });
    expect((await repo.summary()).counts.prospect).toBe(5);
    // Their network facts from the export stay as they were before the move.
    expect((await repo.networkList({})).total).toBe(3);
    expect(await repo.moveCandidates()).toEqual({ count: 3, answered: true });
    await expect(repo.undoMove(token!)).rejects.toThrow(/no longer be undone/);
  });

  it('"no thanks" is remembered too', async () => {
    await oldImport();
    await repo.dismissMove();
    expect(await repo.moveCandidates()).toEqual({ count: 3, answered: true });
    expect((await repo.summary()).counts.prospect).toBe(5);
  });
});
