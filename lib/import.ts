/**
 * Reading contacts from a CSV file: LinkedIn's own connections export (a few "Notes:" lines, then
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On`) or any CSV with a header
 * row naming its columns (name, e-mail, LinkedIn URL, company, headline, tags… matched
 * case-insensitively, with common synonyms). Every row is checked with the same schema the
 * repository uses, so a bad row is reported here (with its line) and can never fail a part of the
 * import later.
 */
import { csvRecords } from './csv';
import type { ContactDraft } from './repository';
import { Contact, STAGE_LABELS, STAGES, type Stage } from './schemas';

export interface ImportIssue {
  /** 1-based line in the file (0: the file as a whole). */
  line: number;
  reason: string;
}

export interface ImportParse {
  format: 'linkedin' | 'csv';
  encoding: 'utf-8' | 'windows-1252';
  drafts: ContactDraft[];
  /** Rows not imported, and why. */
  errors: ImportIssue[];
  /** Rows imported with a caveat (unreadable characters, an unknown stage). */
  warnings: ImportIssue[];
  /** Non-empty data rows read. */
  rows: number;
}

/** The most rows a file may hold (the dashboard sends them in parts of 2,000, lib/import-parts.ts). */
export const MAX_IMPORT_ROWS = 100_000;

type Field =
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'profileUrl'
  | 'company'
  | 'headline'
  | 'location'
  | 'tags'
  | 'notes'
  | 'referrer'
  | 'stage'
  | 'connectedOn';

// Matched after lower-casing and dropping everything but letters and digits ("E-mail Address" → "emailaddress").
const SYNONYMS: Record<Field, string[]> = {
  name: ['name', 'full name', 'fullname', 'contact', 'contact name', 'display name', 'person'],
  firstName: ['first name', 'firstname', 'given name', 'first', 'forename'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  email: ['email', 'e-mail', 'emails', 'email address', 'e-mail address', 'email addresses', 'mail', 'work email', 'personal email', 'primary email'],
  profileUrl: ['linkedin', 'linkedin url', 'linkedin profile', 'linkedin profile url', 'linkedin link', 'profile', 'profile url', 'public profile url', 'url'],
  company: ['company', 'company name', 'organisation', 'organization', 'employer', 'org'],
  headline: ['headline', 'title', 'job title', 'position', 'role', 'occupation'],
  location: ['location', 'city', 'region'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'categories'],
  notes: ['notes', 'note', 'comments', 'comment'],
  referrer: ['referrer', 'referred by', 'referral', 'introduced by', 'intro from', 'introducer'],
  stage: ['stage', 'status'],
  connectedOn: ['connected on', 'connected', 'connection date', 'date connected'],
};

const COLUMN_LABEL: Record<Field, string> = {
  name: 'Name',
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'E-mail',
  profileUrl: 'LinkedIn URL',
  company: 'Company',
  headline: 'Headline',
  location: 'Location',
  tags: 'Tags',
  notes: 'Notes',
  referrer: 'Referrer',
  stage: 'Stage',
  connectedOn: 'Connected On',
};

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const FIELD_BY_KEY = new Map<string, Field>(
  (Object.entries(SYNONYMS) as [Field, string[]][]).flatMap(([field, names]) => names.map((n) => [key(n), field] as const)),
);

type Columns = Partial<Record<Field, number[]>>;

/** Which column holds what, or null when the row is not a header we can use (no name column). */
export function mapHeader(fields: string[]): Columns | null {
  const columns: Columns = {};
  fields.forEach((raw, index) => {
    const field = FIELD_BY_KEY.get(key(raw.replace(/^\uFEFF/, '')));
    if (field) (columns[field] ??= []).push(index);
  });
  return columns.name || columns.firstName || columns.lastName ? columns : null;
}

// Windows-1252's 0x80–0x9F (the rest of the byte range is Latin-1); used only if the runtime's
// TextDecoder lacks the encoding (Node built without ICU data).
const CP1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('windows-1252').decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  }
}

/**
 * Bytes to text. UTF-8 when the bytes are UTF-8 (a BOM is dropped). When they are not: a file that
 * still holds valid multi-byte UTF-8 is UTF-8 with a few damaged bytes, decoded leniently (U+FFFD
 * marks the damage, and the rows holding it are reported); a file with none is an older spreadsheet's
 * Windows-1252 (Excel's "CSV" on Windows), decoded as such.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const lossy = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (/[^\x00-\x7F\uFFFD]/.test(lossy)) return { text: lossy, encoding: 'utf-8' };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Undo the `'` our own CSV export puts before formula-like cells, so an export reads back as it was. */
const unneutralize = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const STAGE_BY_KEY = new Map<string, Stage>(STAGES.flatMap((s) => [[key(s), s] as const, [key(STAGE_LABELS[s]), s] as const]));

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export interface ParseOptions {
  /** Called with the fraction of the file read so far, after every `chunkRows` rows. */
  onProgress?: (fraction: number) => void;
  /** Rows between progress reports (and between yields to the event loop, so a page can repaint). */
  chunkRows?: number;
  signal?: AbortSignal;
}

/** Read a contacts CSV (bytes from a file, or text) into drafts and a list of bad rows. */
export async function parseContactsFile(input: Uint8Array | string, options: ParseOptions = {}): Promise<ImportParse> {
  const { onProgress, chunkRows = 500, signal } = options;
  const decoded = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeBytes(input);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const result: ImportParse = { format: 'csv', encoding: decoded.encoding, drafts: [], errors: [], warnings: [], rows: 0 };

  let columns: Columns | null = null;
  let headerWidth = 0;
  let preamble = 0;
  let sinceYield = 0;
  for (const record of csvRecords(text)) {
    if (++sinceYield >= chunkRows) {
      sinceYield = 0;
      onProgress?.(record.end / Math.max(1, text.length));
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
    }
    const { fields, line } = record;
    if (fields.every((f) => f.trim() === '')) continue;
    if (!columns) {
      // Anything before the header is preamble (LinkedIn's "Notes:" paragraph and a blank line).
      columns = mapHeader(fields);
      if (columns) {
        headerWidth = fields.length;
        const keys = new Set(fields.map(key));
        if (keys.has('firstname') && keys.has('lastname') && keys.has('connectedon')) result.format = 'linkedin';
      } else if (++preamble > 50) {
        break;
      }
      continue;
    }
    result.rows++;
    if (result.rows > MAX_IMPORT_ROWS) {
      result.errors.push({ line, reason: `More than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows: split the file and import each part.` });
      break;
    }
    const row = readRow(fields, columns, headerWidth, result.format);
    if ('reason' in row) {
      result.errors.push({ line, reason: row.reason });
      continue;
    }
    result.drafts.push(row.draft);
    if (fields.some((f) => f.includes('\uFFFD'))) {
      result.warnings.push({ line, reason: 'Some characters could not be read (shown as �). Save the file as UTF-8 and import again to fix them.' });
    }
    if (row.warning) result.warnings.push({ line, reason: row.warning });
  }
  if (!columns) {
    result.rows = 0;
    result.errors.push({
      line: 0,
      reason:
        'No header row found. The first row should name the columns: Name (or First Name and Last Name), and optionally E-mail, LinkedIn URL, Company, Headline, Tags.',
    });
  }
  onProgress?.(1);
  return result;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * LinkedIn's "Connected On" ("15 Mar 2024"; ISO "2024-03-15" in some exports) as UTC midnight, or
 * null when the cell says something else (a connection date is a nicety, never a reason to fail).
 */
export function parseConnectedOn(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ ,-]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    return month < 0 ? null : valid(Date.UTC(Number(m[3]), month, Number(m[1])), Number(m[1]));
  }
  m = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    return month < 0 ? null : valid(Date.UTC(Number(m[3]), month, Number(m[2])), Number(m[2]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return valid(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), Number(m[3]));
  return null;
}

function valid(ms: number, day: number): number | null {
  // Date.UTC rolls 31 Feb over to March: such a date is not a date.
  return Number.isFinite(ms) && ms >= 0 && new Date(ms).getUTCDate() === day ? ms : null;
}

function readRow(
  fields: string[],
  columns: Columns,
  headerWidth: number,
  format: ImportParse['format'] = 'csv',
): { draft: ContactDraft; warning: string | null } | { reason: string } {
  const extra = fields.slice(headerWidth).filter((f) => f.trim() !== '');
  if (extra.length) {
    return { reason: `${fields.length} columns, but the header has ${headerWidth}. Is there an unquoted comma?` };
  }
  const all = (field: Field) => (columns[field] ?? []).map((i) => unneutralize((fields[i] ?? '').trim())).filter(Boolean);
  const one = (field: Field) => all(field)[0] ?? '';

  const name = one('name') || [one('firstName'), one('lastName')].filter(Boolean).join(' ');
  const emails = all('email').flatMap((cell) => cell.split(/[\s;,]+/)).filter(Boolean);
  const tags = all('tags').flatMap((cell) => cell.split(/[;,|]/)).map((t) => t.trim()).filter(Boolean);
  const referrer = one('referrer');
  let warning: string | null = null;
  let stage: Stage | undefined;
  const stageText = one('stage');
  if (stageText) {
    stage = STAGE_BY_KEY.get(key(stageText));
    if (!stage) warning = `Unknown stage "${short(stageText)}"; imported as a prospect.`;
  }

  const parsed = Contact.safeParse({
    id: 'import',
    name,
    headline: one('headline') || null,
    company: one('company') || null,
    location: one('location') || null,
    profileUrl: one('profileUrl') || null,
    emails,
    tags,
    notes: all('notes').join('\n\n'),
    referrer: referrer ? { type: 'name', name: referrer } : null,
    stage,
    createdAt: 0,
    updatedAt: 0,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: describeIssue(issue.path, issue.message, { name, emails, profileUrl: one('profileUrl') }, columns) };
  }
  const c = parsed.data;
  const draft: ContactDraft = {
    name: c.name,
    headline: c.headline,
    company: c.company,
    location: c.location,
    profileUrl: c.profileUrl,
    emails: c.emails,
    tags: c.tags,
    notes: c.notes,
    referrer: c.referrer,
  };
  if (stage) draft.stage = stage;
  // LinkedIn's connections export describes your network: who, their position, since when.
  if (format === 'linkedin' || columns.connectedOn) {
    draft.network = {
      source: format === 'linkedin' ? 'linkedin-export' : 'csv',
      position: c.headline,
      connectedOn: parseConnectedOn(one('connectedOn')),
    };
  }
  return { draft, warning };
}

function describeIssue(
  path: PropertyKey[],
  message: string,
  values: { name: string; emails: string[]; profileUrl: string },
  columns: Columns,
): string {
  const [field, index] = path;
  switch (field) {
    case 'name':
      return values.name ? `Name: ${message}` : columns.name ? 'No name.' : 'No first or last name.';
    case 'emails':
      return typeof index === 'number'
        ? `E-mail "${short(values.emails[index] ?? '')}" is not an e-mail address.`
        : `E-mail: ${message}`;
    case 'profileUrl':
      return `LinkedIn URL "${short(values.profileUrl)}" is not a LinkedIn profile URL (https://www.linkedin.com/in/…).`;
    default: {
      const label = COLUMN_LABEL[field as Field] ?? String(field);
      return `${label}: ${/too big|too_big|at most/i.test(message) ? 'too long' : message}.`;
    }
  }
}
