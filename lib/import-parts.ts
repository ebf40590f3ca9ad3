/**
 * A big import sent in parts: 2,000 contacts per `contacts.import` request, each part one
 * transaction in the background, so the worker holds one part at a time (its memory does not grow
 * with the file) and the dashboard can show how far it got. What a user can count on:
 *
 * - A part is all or nothing: a refused part (a bad row) writes nothing, and the import stops there,
 *   saying which contacts were written and which were not.
 * - Every part carries the import's id (the file's SHA-256 and the choices made), and the
 *   background records each written part under it in the part's own transaction. A part sent again
 *   — because the worker stopped before it answered, or because the user chose the same file again
 *   after closing the tab mid-import — is answered from that record and not written twice. So a
 *   stopped import is resumed by importing the same file again.
 * - People already in Warm Intro, and people in an earlier part, are found by profile URL, member id
 *   or e-mail as in a one-request import: a duplicate across a part boundary merges (or is skipped).
 *
 * DOM-free: `send` is `ask('contacts.import', …)` in the dashboard, the server itself in tests.
 */
import type { ContactDraft, ImportResult } from './repository/types';

export const PART_ROWS = 2_000;

export interface PartRequest {
  contacts: ContactDraft[];
  duplicates: 'merge' | 'skip';
  target: 'network' | 'pipeline';
  part: { importId: string; index: number; count: number };
}

export interface PartsResult extends ImportResult {
  /**
   * Contacts in parts an earlier import of this file already wrote (answered from its record, not
   * counted in added / merged / skipped). A part this import resent because its answer was lost is
   * this import's own, and counted.
   */
  earlier: number;
}

export interface PartsProgress {
  /** Contacts sent and answered so far. */
  done: number;
  total: number;
}

/** The import stopped at a part: what was written before it, and why it stopped. */
export class ImportStopped extends Error {
  constructor(
    message: string,
    readonly written: PartsResult,
    /** Contacts (0-based, in the order sent) from which nothing was written. */
    readonly from: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ImportStopped';
  }
}

export interface PartsOptions {
  importId: string;
  duplicates: 'merge' | 'skip';
  target: 'network' | 'pipeline';
  onProgress?: (progress: PartsProgress) => void;
  partRows?: number;
  /** Times a part is sent again when the background did not answer (the worker was stopped). */
  retries?: number;
  /** Wait before sending a part again, ms. */
  retryDelay?: number;
}

/** Errors that mean "no answer", not "refused": the part may or may not be written, so send it again. */
const UNANSWERED = new Set(['unreachable']);

const n = (x: number) => x.toLocaleString('en');

/** Hex SHA-256 of a file: with the choices made (target, duplicates), the import's id. */
export async function fileDigest(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function importInParts(
  drafts: ContactDraft[],
  send: (request: PartRequest) => Promise<ImportResult>,
  options: PartsOptions,
): Promise<PartsResult> {
  const size = options.partRows ?? PART_ROWS;
  const retries = options.retries ?? 3;
  const count = Math.max(1, Math.ceil(drafts.length / size));
  const total: PartsResult = { added: 0, merged: 0, skipped: 0, earlier: 0 };
  options.onProgress?.({ done: 0, total: drafts.length });
  for (let index = 0; index < count; index++) {
    const contacts = drafts.slice(index * size, (index + 1) * size);
    const request: PartRequest = { contacts, duplicates: options.duplicates, target: options.target, part: { importId: options.importId, index, count } };
    let result: ImportResult | null = null;
    let attempt = 0;
    for (; !result; attempt++) {
      try {
        result = await send(request);
      } catch (error) {
        const code = (error as { code?: unknown })?.code;
        const message = error instanceof Error ? error.message : String(error);
        if (typeof code === 'string' && UNANSWERED.has(code) && attempt < retries) {
          await new Promise((resolve) => setTimeout(resolve, options.retryDelay ?? 500));
          continue;
        }
        const first = index * size;
        const range = `contacts ${n(first + 1)}–${n(first + contacts.length)}`;
        const before = first ? `Contacts 1–${n(first)} were imported; nothing from contact ${n(first + 1)} on was written.` : 'Nothing was written.';
        const said = /[.!?]$/.test(message) ? message : `${message}.`;
        throw new ImportStopped(`The import stopped at ${range}: ${said} ${before}`, { ...total }, first, typeof code === 'string' ? code : 'internal');
      }
    }
    // Answered from its record at the first try: an earlier import of this file wrote it.
    if (result.repeated && attempt === 1) {
      total.earlier += contacts.length;
    } else {
      total.added += result.added;
      total.merged += result.merged;
      total.skipped += result.skipped;
    }
    options.onProgress?.({ done: Math.min(drafts.length, (index + 1) * size), total: drafts.length });
  }
  return total;
}
