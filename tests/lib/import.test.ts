import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsToCsv } from '../../lib/csv';
import { WarmIntroDB } from '../../lib/db';
import { decodeBytes, mapHeader, parseContactsFile } from '../../lib/import';
import { Repository } from '../../lib/repository';

const LINKEDIN_EXPORT = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Olivia,Hartmann,https://www.linkedin.com/in/olivia-hartmann-8a61b2b4,,Northwind Analytics,Data Scientist,12 Mar 2023',
  'Marcus,Lindqvist,https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11,marcus@example.org,"Fabrikam, Inc.",UX Researcher,01 Feb 2022',
  '',
].join('\r\n');

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseContactsFile: LinkedIn connections export', () => {
  it('skips the Notes preamble, joins first and last names, and canonicalises profile URLs', async () => {
    const r = await parseContactsFile(utf8(LINKEDIN_EXPORT));
    expect(r.format).toBe('linkedin');
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.drafts).toEqual([
      expect.objectContaining({
        name: 'Olivia Hartmann',
        profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
        emails: [],
        company: 'Northwind Analytics',
        headline: 'Data Scientist',
      }),
      expect.objectContaining({
        name: 'Marcus Lindqvist',
        emails: ['marcus@example.org'],
        company: 'Fabrikam, Inc.',
      }),
    ]);
  });

  it('handles a UTF-8 byte-order mark and LF line endings', async () => {
    const r = await parseContactsFile(utf8('\uFEFF' + LINKEDIN_EXPORT.replace(/\r\n/g, '\n')));
    expect(r.drafts.map((d) => d.name)).toEqual(['Olivia Hartmann', 'Marcus Lindqvist']);
  });
});

describe('parseContactsFile: a plain CSV with a header', () => {
  it('matches columns case-insensitively and by common synonyms', async () => {
    const csv = [
      'Full Name,E-mail Address,LinkedIn Profile,Organisation,Job Title,Labels,Referred By,Comments',
      'Maria Lopez,MARIA@Example.org; maria.l@work.example,linkedin.com/in/maria-lopez,Northwind,Designer,design|nyc,Sam Lee,"Met at a talk,\nliked her work"',
    ].join('\n');
    const r = await parseContactsFile(csv);
    expect(r.errors).toEqual([]);
    expect(r.drafts[0]).toEqual({
      name: 'Maria Lopez',
      emails: ['maria@example.org', 'maria.l@work.example'],
      profileUrl: 'https://www.linkedin.com/in/maria-lopez/',
      company: 'Northwind',
      headline: 'Designer',
      location: null,
      tags: ['design', 'nyc'],
      referrer: { type: 'name', name: 'Sam Lee' },
      notes: 'Met at a talk,\nliked her work',
    });
  });

  it('recognises the header synonyms', () => {
    expect(mapHeader(['NAME', 'email', 'URL'])).toMatchObject({ name: [0], email: [1], profileUrl: [2] });
    expect(mapHeader(['Given name', 'Surname', 'Work Email', 'Personal Email'])).toMatchObject({
      firstName: [0],
      lastName: [1],
      email: [2, 3],
    });
    expect(mapHeader(['Company', 'Title'])).toBeNull();
  });

  it('reads back its own CSV export, undoing formula neutralisation', async () => {
    const csv = contactsToCsv(
      [
        {
          name: '=Evil Name',
          headline: '-Lead',
          company: 'Northwind',
          location: 'Oslo',
          profileUrl: 'https://www.linkedin.com/in/evil/',
          emails: ['e@x.org'],
          tags: ['a', 'b'],
          stage: 'scheduled',
          notes: 'hi',
          createdAt: 0,
          updatedAt: 0,
        },
      ],
      () => 'Sam Lee',
    );
    const r = await parseContactsFile(csv);
    expect(r.errors).toEqual([]);
    expect(r.drafts[0]).toMatchObject({
      name: '=Evil Name',
      headline: '-Lead',
      location: 'Oslo',
      stage: 'scheduled',
      tags: ['a', 'b'],
      referrer: { type: 'name', name: 'Sam Lee' },
    });
  });
});

describe('parseContactsFile: malformed files', () => {
  it('explains a file with the wrong columns', async () => {
    const r = await parseContactsFile('Company,Title\nNorthwind,Designer\n');
    expect(r.drafts).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/header/i) });
  });

  it('lists bad rows with their line numbers and reasons, and keeps the good ones', async () => {
    const csv = [
      'Name,Email,LinkedIn URL',
      'Good One,good@example.org,https://www.linkedin.com/in/good-one/',
      'Bad Url,,https://evil.example/in/bad/',
      'Company Page,,https://www.linkedin.com/company/northwind/',
      ',nobody@example.org,',
      'Bad Mail,not-an-email,',
      '"Multi',
      'Line",x@example.org,',
      'Too,Many,Columns,Here',
      'Fine Two,,',
    ].join('\n');
    const r = await parseContactsFile(csv);
    expect(r.drafts.map((d) => d.name)).toEqual(['Good One', 'Multi Line', 'Fine Two']);
    expect(r.errors).toEqual([
      { line: 3, reason: expect.stringMatching(/LinkedIn URL "https:\/\/evil\.example\/in\/bad\/" is not a LinkedIn profile URL/) },
      { line: 4, reason: expect.stringMatching(/not a LinkedIn profile URL/) },
      { line: 5, reason: 'No name.' },
      { line: 6, reason: 'E-mail "not-an-email" is not an e-mail address.' },
      { line: 9, reason: expect.stringMatching(/4 columns, but the header has 3/) },
    ]);
    expect(r.rows).toBe(8);
  });

  it('warns about an unknown stage but imports the row', async () => {
    const r = await parseContactsFile('Name,Stage\nA Person,Hot lead\nB Person,Interviewed\n');
    expect(r.drafts).toEqual([expect.not.objectContaining({ stage: expect.anything() }), expect.objectContaining({ stage: 'interviewed' })]);
    expect(r.warnings).toEqual([{ line: 2, reason: expect.stringMatching(/Unknown stage "Hot lead"/) }]);
  });

  it('reports rows with bytes that are not UTF-8 in an otherwise UTF-8 file', async () => {
    const head = utf8('Name,Company\nZoë Ñúñez,Café\n');
    const bad = new Uint8Array([...utf8('Bad '), 0xff, 0xfe, ...utf8('Bytes,Acme\n')]);
    const r = await parseContactsFile(new Uint8Array([...head, ...bad]));
    expect(r.encoding).toBe('utf-8');
    expect(r.drafts.map((d) => d.name)).toEqual(['Zoë Ñúñez', 'Bad \uFFFD\uFFFDBytes']);
    expect(r.warnings).toEqual([{ line: 3, reason: expect.stringMatching(/could not be read/) }]);
  });

  it('reads a Windows-1252 file (no valid UTF-8 at all) as Windows-1252', async () => {
    // "José Müller,Société Générale" and a euro sign, as a Windows spreadsheet saves them.
    const bytes = new Uint8Array([
      ...utf8('Name,Company,Notes\n'),
      ...utf8('Jos'), 0xe9, ...utf8(' M'), 0xfc, ...utf8('ller,Soci'), 0xe9, ...utf8('t'), 0xe9, ...utf8(' G'), 0xe9, ...utf8('n'), 0xe9, ...utf8('rale,'),
      0x80, ...utf8('5 coffee\n'),
    ]);
    expect(decodeBytes(bytes).encoding).toBe('windows-1252');
    const r = await parseContactsFile(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings).toEqual([]);
    expect(r.drafts[0]).toMatchObject({ name: 'José Müller', company: 'Société Générale', notes: '€5 coffee' });
  });

  it('never throws on binary garbage', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = await parseContactsFile(garbage);
    expect(r.drafts.length + r.errors.length).toBeGreaterThanOrEqual(0);
  });
});

describe('a 10,000-row file', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => `Person ${i},person${i}@example.org,https://www.linkedin.com/in/person-${i}/,Company ${i % 37},design;cohort-${i % 5}`);
  const csv = ['Name,Email,LinkedIn URL,Company,Tags', ...rows].join('\r\n');

  it('parses in chunks, reporting progress and yielding between them', async () => {
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const r = await parseContactsFile(utf8(csv), { onProgress: (f) => progress.push(f), chunkRows: 1000 });
    clearInterval(timer);
    expect(r.drafts).toHaveLength(10_000);
    expect(r.errors).toEqual([]);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(ticks).toBeGreaterThan(0);
  });

  describe('imported in one transaction', () => {
    let db: WarmIntroDB;
    beforeEach(() => {
      db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
    });
    afterEach(() => db.delete());

    it('adds every row, and a second import skips or merges them all', async () => {
      const repo = new Repository(db);
      const { drafts } = await parseContactsFile(csv);
      expect(await repo.importContacts(drafts, 'merge')).toEqual({ added: 10_000, merged: 0, skipped: 0 });
      expect(await db.contacts.count()).toBe(10_000);
      expect(await repo.importContacts(drafts.slice(0, 500), 'skip')).toEqual({ added: 0, merged: 0, skipped: 500 });
      expect(await repo.importContacts(drafts.slice(0, 500), 'merge')).toEqual({ added: 0, merged: 500, skipped: 0 });
      expect(await db.contacts.count()).toBe(10_000);
      const found = await repo.lookup({ email: 'person9999@example.org' });
      expect(found?.contact).toMatchObject({ name: 'Person 9999', company: 'Company 9', tags: ['design', 'cohort-4'] });
    }, 30_000);
  });
});
