/**
 * How many people you know at each company (network or pipeline, by normalised company name),
 * kept in the `companies` table instead of counted: Chromium's `IDBIndex.count()` walks the index,
 * ~20 ms for a company where you know 3,000 people, and the company panel shows the number on
 * every company page. Like the pipeline counts (lib/counts.ts), a DBCore middleware sees every
 * change to a contact inside the change's own transaction and moves the rows by the difference
 * between the records before and after. A missing row is zero; the version-6 upgrade counts an
 * existing database.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { singleChange } from './counts';

export const COMPANIES = 'companies';

export interface CompanyRow {
  /** `companyKey` of the contacts counted. */
  key: string;
  /** People you know there: in your network or your pipeline (not bare introduction targets). */
  people: number;
}

type Counted = { companyKey?: string | null; inPipeline?: number; network?: unknown } | null | undefined;

/** The company a contact counts at, or null (no company, or someone you do not know yet). */
export function countedAt(c: Counted): string | null {
  if (!c || !c.companyKey) return null;
  return c.inPipeline === 1 || c.network ? c.companyKey : null;
}

/** Company rows for a list of contacts (the upgrade's count). */
export function countCompanies(contacts: Iterable<Counted>): CompanyRow[] {
  const counts = new Map<string, number>();
  for (const c of contacts) {
    const key = countedAt(c);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, people]) => ({ key, people }));
}

const ANY_RANGE = 3; // Dexie's RangeType.Any: `clear()`

export const companyCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'warm-intro-company-counts',
  create(down) {
    // One chain of row updates per transaction: two changes in parallel must not both read a row
    // before either writes it.
    const chains = new WeakMap<object, Promise<unknown>>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const withRows = mode === 'readwrite' && stores.includes('contacts') && !stores.includes(COMPANIES) ? [...stores, COMPANIES] : stores;
        return down.transaction(withRows, mode, options);
      },
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'contacts') return table;
        const extractKey = table.schema.primaryKey.extractKey!;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const trans = req.trans;
            if ((trans as unknown as { mode?: string }).mode === 'versionchange') return table.mutate(req);
            const rows = down.table(COMPANIES);
            if (!chains.has(trans) && singleChange(req)) {
              // One record, first in its transaction: the company row it counts at is read with the
              // change and written as soon as the record before it is known, in the same wait as
              // the change (as lib/counts.ts does). A change of company reads the old row then.
              const keys = req.type === 'delete' ? req.keys : req.type === 'put' ? (req.keys ?? req.values.map((v) => extractKey(v))) : [];
              const after = req.type === 'delete' ? null : countedAt(req.values[0] as Counted);
              const beforeRead: Promise<Counted[]> = keys.length ? table.getMany({ trans, keys }) : Promise.resolve([]);
              const early: Promise<Array<CompanyRow | undefined>> = after ? rows.getMany({ trans, keys: [after] }) : Promise.resolve([]);
              const step = Promise.all([beforeRead, early]).then(async ([[before], [afterRow]]) => {
                const from = countedAt(before);
                if (from === after) return;
                const next: CompanyRow[] = [];
                if (after) next.push({ key: after, people: (afterRow?.people ?? 0) + 1 });
                if (from) {
                  const [fromRow] = (await rows.getMany({ trans, keys: [from] })) as Array<CompanyRow | undefined>;
                  next.push({ key: from, people: Math.max(0, (fromRow?.people ?? 0) - 1) });
                }
                const kept = next.filter((r) => r.people > 0);
                const empty = next.filter((r) => r.people === 0).map((r) => r.key);
                await Promise.all([
                  kept.length ? rows.mutate({ trans, type: 'put', values: kept }) : null,
                  empty.length ? rows.mutate({ trans, type: 'delete', keys: empty }) : null,
                ]);
              });
              chains.set(
                trans,
                step.catch(() => {}),
              );
              const [res] = await Promise.all([table.mutate(req), step]);
              return res;
            }
            // The records before the change, read in the same request queue just ahead of it.
            let beforeRead: Promise<Counted[]> | null = null;
            if (req.type === 'put') beforeRead = table.getMany({ trans, keys: req.keys ?? req.values.map((v) => extractKey(v)) });
            else if (req.type === 'delete') beforeRead = table.getMany({ trans, keys: req.keys });
            else if (req.type === 'deleteRange' && req.range.type !== ANY_RANGE)
              beforeRead = table.query({ trans, query: { index: table.schema.primaryKey, range: req.range }, values: true }).then((r) => r.result);
            const [before, res] = await Promise.all([beforeRead ?? Promise.resolve(null), table.mutate(req)]);
            if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
              await rows.mutate({ trans, type: 'deleteRange', range: req.range });
              return res;
            }
            const delta = new Map<string, number>();
            const move = (c: Counted, sign: 1 | -1) => {
              const key = countedAt(c);
              if (key) delta.set(key, (delta.get(key) ?? 0) + sign);
            };
            const failed = (i: number) => res.numFailures > 0 && res.failures[i] !== undefined;
            if (req.type === 'deleteRange') before?.forEach((c) => move(c, -1));
            else if (req.type === 'delete') before?.forEach((c, i) => !failed(i) && move(c, -1));
            else
              req.values.forEach((v, i) => {
                if (failed(i)) return;
                if (before) move(before[i], -1);
                move(v as Counted, 1);
              });
            const keys = [...delta].filter(([, d]) => d !== 0).map(([k]) => k);
            if (keys.length === 0) return res;
            const step = (chains.get(trans) ?? Promise.resolve()).then(async () => {
              const current = (await rows.getMany({ trans, keys })) as Array<CompanyRow | undefined>;
              const next = keys.map((key, i) => ({ key, people: Math.max(0, (current[i]?.people ?? 0) + delta.get(key)!) }));
              const empty = next.filter((r) => r.people === 0).map((r) => r.key);
              const kept = next.filter((r) => r.people > 0);
              if (kept.length) await rows.mutate({ trans, type: 'put', values: kept });
              if (empty.length) await rows.mutate({ trans, type: 'delete', keys: empty });
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
