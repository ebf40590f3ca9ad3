import { describe, expect, it } from 'vitest';
import { contactsToCsv, csvField, csvRecords, neutralizeCell, parseCsv, toCsv } from '../../lib/csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,notes\r\n"Lopez, Maria","She said ""hi""\r\nthen left"\r\nSam,plain\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'notes'],
      ['Lopez, Maria', 'She said "hi"\r\nthen left'],
      ['Sam', 'plain'],
    ]);
  });

  it('accepts LF and lone CR line endings, and no final line break', () => {
    expect(parseCsv('a,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n')).toEqual([['a', '', 'c', '']]);
  });

  it('reports the line each record starts on, counting line breaks inside quotes', () => {
    const lines = [...csvRecords('h\n"one\ntwo"\nthree\n')].map((r) => [r.fields[0], r.line]);
    expect(lines).toEqual([
      ['h', 1],
      ['one\ntwo', 2],
      ['three', 4],
    ]);
  });

  it('is lenient with stray quotes and an unterminated quote, and never throws', () => {
    expect(parseCsv('ab"c,d\n')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"open,never closed\nx')).toEqual([['open,never closed\nx']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('writing CSV', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(toCsv([['a', 'b'], ['c', null]])).toBe('a,b\r\nc,\r\n');
  });

  it.each([
    ['=HYPERLINK("https://evil.example","click")'],
    ['=1+2'],
    ['+1 555 0100'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=cmd'],
    ['\r=cmd'],
  ])('neutralises the formula-like cell %j with a leading quote', (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
    const out = toCsv([[value]]);
    // After CSV unquoting the cell starts with ', so no spreadsheet evaluates it.
    expect(parseCsv(out)[0]![0]).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    for (const v of ['Maria Lopez', 'a=b', 'C++ developer', "O'Brien", '']) expect(neutralizeCell(v)).toBe(v);
  });

  it('round-trips awkward values through write and read', () => {
    const rows = [
      ['Name', 'Notes'],
      ['Zoë "Z" Ñúñez', 'line one\r\nline two, with a comma'],
      ['', '  spaces  '],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('contactsToCsv', () => {
  const base = {
    headline: null,
    company: null,
    location: null,
    profileUrl: null,
    emails: [] as string[],
    tags: [] as string[],
    stage: 'prospect',
    notes: '',
    createdAt: Date.UTC(2024, 0, 2),
    updatedAt: Date.UTC(2024, 0, 3),
  };

  it('writes a header and one row per contact, neutralising a hostile name', () => {
    const csv = contactsToCsv(
      [
        { ...base, name: '=HYPERLINK("https://evil.example","Click me")', emails: ['a@x.org', 'b@x.org'], tags: ['design', 'nyc'] },
        { ...base, name: 'Maria Lopez', company: 'Northwind, Inc.', profileUrl: 'https://www.linkedin.com/in/maria/' },
      ],
      (c) => (c.name === 'Maria Lopez' ? 'Sam Lee' : null),
    );
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Name', 'Headline', 'Company', 'Location', 'LinkedIn URL', 'Emails', 'Tags', 'Stage', 'Referrer', 'Notes', 'Created', 'Updated']);
    expect(rows[1]![0]).toBe(`'=HYPERLINK("https://evil.example","Click me")`);
    expect(rows[1]![5]).toBe('a@x.org; b@x.org');
    expect(rows[1]![6]).toBe('design; nyc');
    expect(rows[2]).toEqual([
      'Maria Lopez',
      '',
      'Northwind, Inc.',
      '',
      'https://www.linkedin.com/in/maria/',
      '',
      '',
      'prospect',
      'Sam Lee',
      '',
      '2024-01-02T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises every formula-like cell, whatever the column', () => {
    const csv = contactsToCsv([{ ...base, name: 'X', headline: '+1 evil', notes: '@cmd', tags: ['-x'] }], () => '=bad()');
    for (const cell of parseCsv(csv)[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
