/**
 * The hand-written check of `contacts.import` rows (lib/import-payload.ts) accepts and rejects
 * exactly what the zod draft schema does, and keeps only the fields it would keep: compared on
 * generated rows, valid and not.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkImportRows } from '../../lib/import-payload';
import { ImportDraft, parsePayload } from '../../lib/messages';
import { NETWORK_SOURCES, STAGES } from '../../lib/schemas';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261203) });

const Rows = z.array(ImportDraft).max(5);
/**
 * Mostly-valid values with the odd bad one, so that many rows are valid but for one field, and a
 * limit off by one on either side shows: text of `max - 1`, `max` or `max + 1` characters, short
 * text, or (rarely) a value of the wrong type.
 */
const odd = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), fc.array(fc.integer(), { maxLength: 2 }));
const text = (max: number, min = 0) =>
  fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: 12 }), weight: 12 },
    { arbitrary: fc.constantFrom(max - 1, max).map((n) => 'x'.repeat(n)), weight: 4 },
    { arbitrary: fc.constantFrom(max + 1, 0).map((n) => 'x'.repeat(n)), weight: 1 },
    { arbitrary: odd, weight: 1 },
  );
const nullable = (arb: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 });
const textList = (items: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.array(text(max), { maxLength: 3 }), weight: 8 },
    { arbitrary: fc.array(fc.constant('t'), { minLength: items - 1, maxLength: items + 1 }), weight: 2 },
    { arbitrary: odd, weight: 1 },
  );
const referrer = fc.oneof(
  fc.record({ type: fc.constant('contact'), contactId: text(64, 1) }),
  fc.record({ type: fc.constant('name'), name: text(200, 1) }),
  fc.record({ type: fc.constantFrom('contact', 'name', 'other', undefined) }, { requiredKeys: [] }),
  odd,
);
const time = fc.oneof(fc.integer({ min: 0, max: 2e12 }), fc.constantFrom(-1, 0, 8.64e15, 8.64e15 + 2, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5'));
const network = fc.oneof(
  fc.record(
    { connectedOn: nullable(time), position: nullable(text(600)), source: fc.constantFrom(...NETWORK_SOURCES, 'elsewhere', undefined), other: fc.integer() },
    { requiredKeys: [] },
  ),
  odd,
);
const row = fc.record(
  {
    name: text(400, 1),
    headline: nullable(text(1000)),
    company: nullable(text(400)),
    location: nullable(text(400)),
    profileUrl: nullable(text(2048)),
    memberId: nullable(text(200)),
    emails: textList(20, 320),
    referrer: nullable(referrer),
    notes: fc.oneof(text(20_000), fc.constant(undefined)),
    tags: textList(50, 120),
    stage: fc.constantFrom(...STAGES, 'lost', undefined, 3),
    network: nullable(network),
    // Fields a draft does not have: dropped by both.
    repliedAt: fc.integer(),
    inPipeline: fc.constantFrom(0, 1),
  },
  { requiredKeys: ['name'] },
);

describe('import rows checked by hand', () => {
  it('accepts and rejects what the zod schema does, with the same output', () => {
    let accepted = 0;
    let tried = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: row, weight: 30 }, { arbitrary: odd, weight: 1 }), { maxLength: 6 }), (rows) => {
        const byHand = checkImportRows(rows, 5);
        const byZod = Rows.safeParse(rows);
        expect(byHand.ok).toBe(byZod.success);
        if (byHand.ok && byZod.success) expect(byHand.rows).toEqual(byZod.data);
        for (const r of rows) {
          const one = checkImportRows([r], 5).ok;
          expect(one).toBe(Rows.safeParse([r]).success);
          accepted += one ? 1 : 0;
          tried++;
        }
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if both kinds of row were generated, in numbers.
    expect(accepted).toBeGreaterThan(tried * 0.1);
    expect(accepted).toBeLessThan(tried * 0.85);
  });

  it('names the row and field of the first problem, as the server reports it', () => {
    const contacts = [{ name: 'Fine' }, { name: 'Also fine', emails: ['a@example.org', 'x'.repeat(321)] }];
    expect(parsePayload('contacts.import', { contacts, duplicates: 'merge' })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Invalid "contacts.import" payload at contacts.1.emails.1: too long (at most 320 characters)' },
    });
    expect(parsePayload('contacts.import', { contacts: 'everyone', duplicates: 'merge' })).toMatchObject({
      ok: false,
      error: { message: 'Invalid "contacts.import" payload at contacts: expected a list of contacts, received string' },
    });
  });

  it('drops fields a draft does not have (a row cannot set when someone replied)', () => {
    const checked = checkImportRows([{ name: 'Ana', repliedAt: 5, inPipeline: 1, network: { source: 'csv', extra: 1 } }], 10);
    expect(checked).toEqual({ ok: true, rows: [{ name: 'Ana', network: { source: 'csv' } }] });
  });

  it('refuses more rows than one request may carry', () => {
    expect(checkImportRows([{ name: 'A' }, { name: 'B' }], 1)).toMatchObject({ ok: false, path: [], message: expect.stringMatching(/too many contacts/) });
  });
});
