/**
 * The pipeline's per-stage counts and the network's size, kept in one `meta` row instead of counted.
 * Chromium's `IDBIndex.count()` walks the index: the 7 stage counts cost 40–80 ms at 10,000 contacts,
 * and the popup asks for them after every write. A DBCore middleware sees every change to a contact
 * (put, add, delete, clear; bulk or not; `modify()` included) inside the change's own transaction, and
 * moves the row by the difference between the record before and after — so the row can never
 * disagree with the records it counts. A missing row means "unknown": the summary recounts and
 * stores it (fresh database, `clearAll`, after a partial range delete); the version-4 upgrade
 * counts for an existing database.
 */
import type { DBCore, DBCoreAddRequest, DBCoreDeleteRequest, DBCoreMutateRequest, DBCorePutRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { STAGES, type Contact, type Stage } from './schemas';

export const COUNTS_KEY = 'pipeline-counts';

export interface Counts {
  /** Pipeline people per stage. */
  stages: Record<Stage, number>;
  /** People in the network. */
  network: number;
}

export function emptyCounts(): Counts {
  return { stages: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>, network: 0 };
}

type Counted = Pick<Contact, 'stage' | 'inPipeline' | 'inNetwork'>;

/** Add (`sign` 1) or take away (−1) what one contact contributes. */
export function tally(counts: Counts, contact: Counted | undefined | null, sign: 1 | -1): void {
  if (!contact) return;
  if (contact.inPipeline === 1 && Object.hasOwn(counts.stages, contact.stage)) counts.stages[contact.stage] += sign;
  if (contact.inNetwork === 1) counts.network += sign;
}

/** Counts of a list of contacts (the upgrade's and the repair's recount). */
export function countAll(contacts: Iterable<Counted>): Counts {
  const counts = emptyCounts();
  for (const c of contacts) tally(counts, c, 1);
  return counts;
}

/**
 * Bumped by every change to a table that decides what is due (contacts, attempts, meetings,
 * introductions, settings), whatever writes it: a result computed from the database is still
 * current while the generation it was computed at is.
 */
let generation = 0;
const DUE_TABLES = new Set(['contacts', 'attempts', 'meetings', 'introductions', 'settings']);

export function dataGeneration(): number {
  return generation;
}

/** Bumped by every change to the settings table, whatever writes it (the worker's settings cache). */
let settingsGen = 0;

export function settingsGeneration(): number {
  return settingsGen;
}

/** Ids of the contacts put, added or deleted since the last call (deleted ones included). */
let writtenContacts = new Set<string>();

export function takeWrittenContacts(): Set<string> {
  const out = writtenContacts;
  writtenContacts = new Set();
  return out;
}

/** A put, add or delete of one record: its count moves can be written alongside it. */
export function singleChange(req: DBCoreMutateRequest): req is DBCoreAddRequest | DBCorePutRequest | DBCoreDeleteRequest {
  if (req.type === 'delete') return req.keys.length === 1;
  return (req.type === 'add' || req.type === 'put') && req.values.length === 1;
}

function isZero(delta: Counts): boolean {
  return delta.network === 0 && STAGES.every((s) => delta.stages[s] === 0);
}

export const countsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'warm-intro-counts',
  create(down) {
    // One chain of row updates per transaction: two changes in parallel must not both read the
    // row before either writes it.
    const chains = new WeakMap<object, Promise<unknown>>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const withMeta = mode === 'readwrite' && stores.includes('contacts') && !stores.includes('meta') ? [...stores, 'meta'] : stores;
        return down.transaction(withMeta, mode, options);
      },
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (DUE_TABLES.has(name) && name !== 'contacts') {
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              generation++;
              if (name === 'settings') settingsGen++;
              return table.mutate(req);
            },
          };
        }
        if (name !== 'contacts') return table;
        const extractKey = table.schema.primaryKey.extractKey!;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            generation++;
            const trans = req.trans;
            if ((trans as unknown as { mode?: string }).mode === 'versionchange') return table.mutate(req);
            const meta = down.table('meta');
            if (!chains.has(trans) && singleChange(req)) {
              // One record, first in its transaction (a log, an attempt's stage): the row is read
              // with the change and written as soon as the record before it is known — in the same
              // wait as the change, not one after it. Later changes chain after this step. If the
              // change fails, its write fails whole (no writer catches a failed contact write).
              const keys = req.type === 'delete' ? req.keys : req.type === 'put' ? (req.keys ?? req.values.map((v) => extractKey(v))) : [];
              for (const k of req.type === 'add' ? req.values.map((v) => extractKey(v)) : keys) writtenContacts.add(String(k));
              const row = meta.get({ trans, key: COUNTS_KEY }) as Promise<{ value: Counts } | undefined>;
              const beforeRead: Promise<(Contact | undefined)[]> = keys.length ? table.getMany({ trans, keys }) : Promise.resolve([]);
              const step = Promise.all([row, beforeRead]).then(async ([current, [before]]) => {
                const delta = emptyCounts();
                tally(delta, before, -1);
                if (req.type !== 'delete') tally(delta, req.values[0] as Contact, 1);
                if (isZero(delta) || !current) return;
                for (const s of STAGES) current.value.stages[s] += delta.stages[s];
                current.value.network += delta.network;
                await meta.mutate({ trans, type: 'put', values: [{ key: COUNTS_KEY, value: current.value }] });
              });
              chains.set(
                trans,
                step.catch(() => {}),
              );
              const [res] = await Promise.all([table.mutate(req), step]);
              return res;
            }
            // The first change in a transaction reads the row in the same round as the change
            // itself, not after it: one wait on IndexedDB less per write. Later ones (and one that
            // another change overtook) read it in the chain, after the change before them wrote it.
            let reservation: Promise<unknown> | null = null;
            let early: Promise<{ value: Counts } | undefined> | null = null;
            if (!chains.has(trans)) {
              reservation = Promise.resolve();
              chains.set(trans, reservation);
              early = meta.get({ trans, key: COUNTS_KEY }) as Promise<{ value: Counts } | undefined>;
              // Not needed when the change moves no count; its failure then fails nothing.
              early.catch(() => {});
            }
            // The records before the change, read in the same request queue just ahead of it.
            let beforeRead: Promise<(Contact | undefined)[]> | null = null;
            if (req.type === 'put' || req.type === 'delete') {
              const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => extractKey(v)));
              beforeRead = table.getMany({ trans, keys });
              for (const k of keys) writtenContacts.add(String(k));
            } else if (req.type === 'add') {
              for (const v of req.values) writtenContacts.add(String(extractKey(v)));
            }
            const [before, res] = await Promise.all([beforeRead ?? Promise.resolve(null), table.mutate(req)]);
            let next: (current: Counts | null) => Counts | null;
            if (req.type === 'deleteRange') {
              // `clear()` empties the table; any other range: unknown, recounted when next asked.
              const whole = req.range.type === 3; // RangeType.Any
              next = () => (whole ? emptyCounts() : null);
            } else {
              const delta = emptyCounts();
              const failed = (i: number) => res.numFailures > 0 && res.failures[i] !== undefined;
              if (req.type === 'delete') {
                before?.forEach((c, i) => !failed(i) && tally(delta, c, -1));
              } else {
                req.values.forEach((v, i) => {
                  if (failed(i)) return;
                  if (before) tally(delta, before[i], -1);
                  tally(delta, v as Contact, 1);
                });
              }
              if (isZero(delta)) return res;
              next = (current) => {
                if (!current) return null;
                for (const s of STAGES) current.stages[s] += delta.stages[s];
                current.network += delta.network;
                return current;
              };
            }
            const head = chains.get(trans) ?? Promise.resolve();
            const row0 = early && head === reservation ? early : null;
            const step = head.then(async () => {
              const row = (await (row0 ?? meta.get({ trans, key: COUNTS_KEY }))) as { value: Counts } | undefined;
              const value = next(row ? row.value : null);
              if (value) await meta.mutate({ trans, type: 'put', values: [{ key: COUNTS_KEY, value }] });
              else if (row) await meta.mutate({ trans, type: 'delete', keys: [COUNTS_KEY] });
            });
            chains.set(
              trans,
              step.catch(() => {}),
            );
            await step;
            return res;
          },
        };
      },
    };
  },
};
