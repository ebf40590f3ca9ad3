import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REMINDER_ALARM } from '../../lib/reminders';

const DAY = 24 * 60 * 60 * 1000;
const alarm = () => ({ name: REMINDER_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });

/** A fresh background worker: new modules, new Dexie instance, same IndexedDB underneath. */
async function startWorker() {
  // The old worker is gone: its listeners with it.
  for (const event of [
    fakeBrowser.runtime.onMessage,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.notifications.onButtonClicked,
  ]) {
    (event as unknown as { removeAllListeners(): void }).removeAllListeners();
  }
  vi.resetModules();
  const messages = await import('../../entrypoints/background/messages');
  const reminders = await import('../../entrypoints/background/reminders');
  messages.setupMessages();
  reminders.setupReminders();
}

/** The dashboard's sender, as the browser reports it (the fake browser's sendMessage reports none). */
const DASHBOARD = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html'), tab: { id: 1 } });

async function send(message: unknown, sender: object = DASHBOARD()) {
  let reply: unknown;
  const answered = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: unknown) => {
      reply = r;
      resolve();
    });
  });
  await answered;
  return reply as { ok: boolean; data?: any; error?: any };
}

let badge: string[];
let notes: { id: string; title: string }[];

beforeEach(async () => {
  badge = [];
  notes = [];
  // Not modelled by the fake browser: the badge and notifications, recorded here.
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async ({ text }: { text: string }) => void badge.push(text)),
    setBadgeBackgroundColor: vi.fn(async () => {}),
  });
  Object.assign(fakeBrowser.notifications, {
    create: vi.fn(async (id: string, o: { title: string }) => (notes.push({ id, title: o.title }), id)),
  });
  const { WarmIntroDB } = await import('../../lib/db');
  await new WarmIntroDB().delete();
});

describe('background worker', () => {
  it('answers messages, and a malformed one does not stop the next', async () => {
    await startWorker();
    expect(await send({ type: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await send({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } })).toMatchObject({ ok: true });
  });

  it('refuses a sender the browser cannot place, and one from a LinkedIn page asking for everything, then keeps answering', async () => {
    await startWorker();
    await send({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } });
    expect(await send({ type: 'contact.list' }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const linkedIn = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/x/', tab: { id: 4 } };
    expect(await send({ type: 'data.clear' }, linkedIn)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send({ type: 'contact.find', payload: { query: 'Oli' } }, linkedIn)).toMatchObject({ ok: true, data: [{ name: 'Olivia Hartmann' }] });
    expect((await send({ type: 'contact.list' })).data).toHaveLength(1);
  });

  it('turns an overdue follow-up into a badge and one notification, and a restarted worker does not repeat it', async () => {
    await startWorker();
    const { data } = await send({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } });
    await send({
      type: 'attempt.record',
      payload: { contactId: data.contact.id, channel: 'email', kind: 'request', at: Date.now() - 15 * DAY },
    });
    // Right after the write's answer (its after-write work follows the reply), without an alarm.
    await vi.waitFor(() => expect(badge.at(-1)).toBe('1'));
    await vi.waitFor(() =>
      expect(notes).toEqual([{ id: `contact:${data.contact.id}:follow-up`, title: 'Follow up with Olivia Hartmann (attempt 2 of 3)' }]),
    );

    const before = badge.length;
    await fakeBrowser.alarms.onAlarm.trigger(alarm());
    await vi.waitFor(() => expect(badge.length).toBe(before + 1));
    expect(badge.at(-1)).toBe('1');
    expect(notes).toHaveLength(1);

    // Kill and wake the worker: same badge, no second notification.
    await startWorker();
    badge.length = 0;
    await fakeBrowser.alarms.onAlarm.trigger(alarm());
    await vi.waitFor(() => expect(badge).toEqual(['1']));
    expect(notes).toHaveLength(1);
  });

  it('clears the badge when nothing is due', async () => {
    await startWorker();
    const { data } = await send({ type: 'contact.log', payload: { name: 'Marcus Lindqvist' } });
    await send({ type: 'attempt.record', payload: { contactId: data.contact.id, channel: 'email', kind: 'request' } });
    await vi.waitFor(() => expect(badge.at(-1)).toBe(''));
    expect(notes).toEqual([]);
  });

  it('keeps quiet when notifications are off, but still counts on the badge', async () => {
    await startWorker();
    await send({ type: 'settings.save', payload: { notificationStyle: 'off' } });
    const { data } = await send({ type: 'contact.log', payload: { name: 'Priya Natarajan' } });
    await send({ type: 'attempt.record', payload: { contactId: data.contact.id, channel: 'linkedin', kind: 'request', at: Date.now() - 20 * DAY } });
    await vi.waitFor(() => expect(badge.at(-1)).toBe('1'));
    expect(notes).toEqual([]);
  });

  it('in digest mode sends one notification a day for everything due, not one per contact', async () => {
    await startWorker();
    await send({ type: 'settings.save', payload: { notificationStyle: 'digest' } });
    for (const name of ['Olivia Hartmann', 'Marcus Lindqvist']) {
      const { data } = await send({ type: 'contact.log', payload: { name } });
      await send({ type: 'attempt.record', payload: { contactId: data.contact.id, channel: 'email', kind: 'request', at: Date.now() - 20 * DAY } });
    }
    await vi.waitFor(() => expect(badge.at(-1)).toBe('2'));
    await vi.waitFor(() => expect(notes).toHaveLength(1));
    expect(notes[0]!.title).toMatch(/^Warm Intro: \d things? to do today$/);
    await startWorker();
    await fakeBrowser.alarms.onAlarm.trigger(alarm());
    await vi.waitFor(() => expect(badge.at(-1)).toBe('2'));
    expect(notes).toHaveLength(1);
  });

  it('answers a committed write with success even when the after-write work fails, and keeps answering', async () => {
    await startWorker();
    fakeBrowser.action.setBadgeText = vi.fn(async () => {
      throw new Error('no badge API here');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await send({ type: 'contact.log', payload: { name: 'Olivia Hartmann' } })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[warm-intro] after-write work failed', expect.any(Error)));
    warn.mockRestore();
    expect((await send({ type: 'pipeline.summary' })).data.total).toBe(1);
  });

  it('creates the periodic alarm once when installed', async () => {
    await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeTruthy());
    expect((await fakeBrowser.alarms.getAll()).length).toBe(1);
  });
});
