/**
 * CSV in both directions, RFC 4180: fields separated by commas, records by CRLF (LF and a lone CR
 * are accepted on the way in), a field quoted when it holds a comma, a quote or a line break, and
 * a quote inside a quoted field doubled.
 *
 * On the way out, cells a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-1`, `@SUM`,
 * or a leading tab or carriage return, which some spreadsheets skip before looking for `=`) get a
 * leading `'`, so a name scraped from a page can never become code in the user's spreadsheet
 * (OWASP "CSV injection").
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file on which this record starts (a quoted line break spans lines). */
  line: number;
  /** Offset just past this record in the text, for progress bars. */
  end: number;
}

/**
 * The records of `text`, one at a time. Lenient where files in the wild are sloppy (a stray quote
 * inside an unquoted field is kept as text; an unterminated quote runs to the end of the file) and
 * never throws. A trailing line break does not make an empty last record.
 */
export function* csvRecords(text: string, start = 0): Generator<CsvRecord> {
  const n = text.length;
  let i = start;
  let line = 1;
  for (let k = 0; k < start; k++) if (text.charCodeAt(k) === 10) line++;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    let done = false;
    while (i < n && !done) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          field += ch;
          i++;
        }
        continue;
      }
      if (ch === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        field += ch;
        atFieldStart = false;
        i++;
      }
    }
    fields.push(field);
    yield { fields, line: recordLine, end: i };
  }
}

/** All records of `text` as arrays of fields. */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)].map((r) => r.fields);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value a spreadsheet will show as text, never evaluate. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, neutralised and quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  const text = neutralizeCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: CRLF between records and after the last, as RFC 4180 writes it. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

/** The columns of a contacts export; `lib/import.ts` reads the same headers back. */
export const CONTACT_CSV_HEADER = [
  'Name',
  'Headline',
  'Company',
  'Location',
  'LinkedIn URL',
  'Emails',
  'Tags',
  'Stage',
  'Referrer',
  'Notes',
  'Created',
  'Updated',
] as const;

export interface ExportableContact {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  profileUrl: string | null;
  emails: string[];
  tags: string[];
  stage: string;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

/** Contacts as a CSV file; `referrerName` resolves each contact's referrer (a contact or a name). */
export function contactsToCsv<C extends ExportableContact>(contacts: readonly C[], referrerName: (c: C) => string | null): string {
  const iso = (t: number) => new Date(t).toISOString();
  return toCsv([
    CONTACT_CSV_HEADER,
    ...contacts.map((c) => [
      c.name,
      c.headline,
      c.company,
      c.location,
      c.profileUrl,
      c.emails.join('; '),
      c.tags.join('; '),
      c.stage,
      referrerName(c),
      c.notes,
      iso(c.createdAt),
      iso(c.updatedAt),
    ]),
  ]);
}
