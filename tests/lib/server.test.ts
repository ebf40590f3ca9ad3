import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { EXTENSION_PAGE } from '../../lib/senders';
import { createServer, isWrite } from '../../lib/server';

let db: WarmIntroDB;
/** The dashboard asking (the sender rules have their own tests: security.test.ts). */
let handle: (raw: unknown) => ReturnType<ReturnType<typeof createServer>>;
let writes: string[];

beforeEach(() => {
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  writes = [];
  const server = createServer(new Repository(db));
  // The writes the worker would run its after-write work for (an ok reply to a write).
  handle = async (raw) => {
    const reply = await server(raw, EXTENSION_PAGE);
    const type = (raw as { type?: unknown } | null)?.type;
    if (reply.ok && typeof type === 'string' && isWrite(type)) writes.push(type);
    return reply;
  };
});
afterEach(async () => {
  await db.delete();
});

describe('the message protocol', () => {
  it.each([
    ['null', null],
    ['a string', 'contact.log'],
    ['an array', [1, 2]],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 7 }],
  ])('answers %s with a bad-request error', async (_, raw) => {
    expect(await handle(raw)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers an unknown type, even one named like an Object property, with unknown-type', async () => {
    for (const type of ['contact.explode', 'toString', '__proto__', 'constructor']) {
      expect(await handle({ type })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    }
  });

  it('explains which field of a payload is wrong, and writes nothing', async () => {
    const reply = await handle({ type: 'contact.log', payload: { name: 'X', emails: 'not-a-list' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!reply.ok && reply.error.message).toMatch(/emails/);
    const semantic = await handle({ type: 'contact.log', payload: { name: 'X', profileUrl: 'https://evil.example/in/x/' } });
    expect(semantic).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await db.contacts.count()).toBe(0);
    expect(writes).toEqual([]);
  });

  it('still works after bad messages, and reports writes', async () => {
    await handle({ type: 'attempt.record', payload: { contactId: 'x', channel: 'pigeon', kind: 'request' } });
    const logged = await handle({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } });
    expect(logged.ok).toBe(true);
    const summary = await handle({ type: 'pipeline.summary' });
    expect(summary).toMatchObject({ ok: true, data: { total: 1 } });
    expect(writes).toEqual(['contact.log']);
  });

  it('answers not-found for records that do not exist', async () => {
    expect(await handle({ type: 'contact.update', payload: { id: 'nope', patch: { notes: 'x' } } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('updates one reflection answer without erasing the others', async () => {
    const logged = await handle({ type: 'contact.log', payload: { name: 'Marcus Lindqvist' } });
    const contactId = logged.ok && (logged.data as { contact: { id: string } }).contact.id;
    const meeting = await handle({ type: 'meeting.schedule', payload: { contactId, scheduledAt: Date.now() } });
    const id = meeting.ok && (meeting.data as { id: string }).id;
    await handle({ type: 'meeting.update', payload: { id, patch: { reflection: { fit: 'Yes: I like the craft.' } } } });
    const reply = await handle({ type: 'meeting.update', payload: { id, patch: { reflection: { nextStep: 'Talk to Priya' }, held: true } } });
    expect(reply).toMatchObject({
      ok: true,
      data: { held: true, reflection: { fit: 'Yes: I like the craft.', nextStep: 'Talk to Priya', perceptions: '', training: '' } },
    });
  });

  it('saves one setting without resetting the others to their defaults', async () => {
    await handle({ type: 'settings.save', payload: { userName: 'Alex Morgan', followUpDays: 10 } });
    await handle({ type: 'settings.save', payload: { notificationStyle: 'digest' } });
    expect(await handle({ type: 'settings.get' })).toMatchObject({
      ok: true,
      data: { userName: 'Alex Morgan', followUpDays: 10, notificationStyle: 'digest', maxAttempts: 3 },
    });
  });
});
