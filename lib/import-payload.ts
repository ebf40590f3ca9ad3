/**
 * The rows of a `contacts.import` request, checked by hand. zod runs jitless in the extension (no
 * `new Function`, modules/zod-jitless.ts), and so checked an array of 10,000 drafts in ~330 ms
 * (worker profile, loaded machine) before the import started; this check takes ~40 ms. It accepts and rejects exactly what
 * `ImportDraft` in lib/messages.ts does (tests/lib/import-payload.test.ts compares the two on
 * generated input) and, like zod, keeps only the known fields. The repository still parses every
 * record with the `Contact` schema before writing it.
 */
import type { ContactDraft } from './repository/types';
import { NETWORK_SOURCES, STAGES } from './schemas';

/** One row as the background accepts it (the type of `ImportDraft`'s output): a draft whose import decides `inPipeline`. */
export type ImportRow = Omit<ContactDraft, 'inPipeline'>;

export type RowCheck = { ok: true; rows: ImportRow[] } | { ok: false; path: (string | number)[]; message: string };

class Bad {
  constructor(
    readonly path: (string | number)[],
    readonly message: string,
  ) {}
}

const STAGE_SET = new Set<string>(STAGES);
const SOURCE_SET = new Set<string>(NETWORK_SOURCES);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, path: (string | number)[], max: number, min = 0): string {
  if (typeof v !== 'string') throw new Bad(path, `expected text, received ${kind(v)}`);
  if (v.length > max) throw new Bad(path, `too long (at most ${max} characters)`);
  if (v.length < min) throw new Bad(path, 'must not be empty');
  return v;
}

/** Absent stays absent (as zod's `.optional()` leaves it); null stays null. */
function nullableText(row: Record<string, unknown>, out: Record<string, unknown>, key: string, path: (string | number)[], max: number): void {
  const v = row[key];
  if (v === undefined) {
    if (key in row) out[key] = undefined;
    return;
  }
  out[key] = v === null ? null : text(v, [...path, key], max);
}

function list(v: unknown, path: (string | number)[], maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(v)) throw new Bad(path, `expected a list, received ${kind(v)}`);
  if (v.length > maxItems) throw new Bad(path, `too many (at most ${maxItems})`);
  return v.map((item, i) => text(item, [...path, i], maxLength));
}

function time(v: unknown, path: (string | number)[]): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Bad(path, `expected a whole number, received ${kind(v)}`);
  if (v < 0 || v > 8.64e15) throw new Bad(path, 'not a date');
  return v;
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v;
}

function row(v: unknown, i: number): ImportRow {
  const path = [i];
  if (!isObject(v)) throw new Bad(path, `expected a contact, received ${kind(v)}`);
  const out: Record<string, unknown> = { name: text(v.name, [i, 'name'], 400, 1) };
  nullableText(v, out, 'headline', path, 1000);
  nullableText(v, out, 'company', path, 400);
  nullableText(v, out, 'location', path, 400);
  nullableText(v, out, 'profileUrl', path, 2048);
  nullableText(v, out, 'memberId', path, 200);
  if (v.emails !== undefined) out.emails = list(v.emails, [i, 'emails'], 20, 320);
  else if ('emails' in v) out.emails = undefined;
  if (v.referrer === null) out.referrer = null;
  else if (v.referrer !== undefined) {
    const r = v.referrer;
    if (!isObject(r)) throw new Bad([i, 'referrer'], `expected a referrer, received ${kind(r)}`);
    if (r.type === 'contact') out.referrer = { type: 'contact', contactId: text(r.contactId, [i, 'referrer', 'contactId'], 64, 1) };
    else if (r.type === 'name') out.referrer = { type: 'name', name: text(r.name, [i, 'referrer', 'name'], 200, 1) };
    else throw new Bad([i, 'referrer', 'type'], 'expected "contact" or "name"');
  } else if ('referrer' in v) out.referrer = undefined;
  if (v.notes !== undefined) out.notes = text(v.notes, [i, 'notes'], 20_000);
  else if ('notes' in v) out.notes = undefined;
  if (v.tags !== undefined) out.tags = list(v.tags, [i, 'tags'], 50, 120);
  else if ('tags' in v) out.tags = undefined;
  if (v.stage !== undefined) {
    if (typeof v.stage !== 'string' || !STAGE_SET.has(v.stage)) throw new Bad([i, 'stage'], `expected one of ${STAGES.join(', ')}`);
    out.stage = v.stage;
  } else if ('stage' in v) out.stage = undefined;
  if (v.network === null) out.network = null;
  else if (v.network !== undefined) {
    const n = v.network;
    if (!isObject(n)) throw new Bad([i, 'network'], `expected network details, received ${kind(n)}`);
    const network: Record<string, unknown> = {};
    if (n.connectedOn === null) network.connectedOn = null;
    else if (n.connectedOn !== undefined) network.connectedOn = time(n.connectedOn, [i, 'network', 'connectedOn']);
    else if ('connectedOn' in n) network.connectedOn = undefined;
    nullableText(n, network, 'position', [i, 'network'], 600);
    if (n.source !== undefined) {
      if (typeof n.source !== 'string' || !SOURCE_SET.has(n.source)) throw new Bad([i, 'network', 'source'], `expected one of ${NETWORK_SOURCES.join(', ')}`);
      network.source = n.source;
    } else if ('source' in n) network.source = undefined;
    out.network = network;
  } else if ('network' in v) out.network = undefined;
  return out as unknown as ImportRow;
}

/** Check a list of at most `max` import rows: the clean rows, or where the first problem is and what. */
export function checkImportRows(value: unknown, max: number): RowCheck {
  if (!Array.isArray(value)) return { ok: false, path: [], message: `expected a list of contacts, received ${kind(value)}` };
  if (value.length > max) return { ok: false, path: [], message: `too many contacts in one request (at most ${max.toLocaleString('en')})` };
  try {
    return { ok: true, rows: value.map(row) };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}
