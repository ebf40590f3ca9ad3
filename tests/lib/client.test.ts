/**
 * The page scripts' port (lib/client.ts): hot questions go over one port, answered by id; a read
 * whose port closed is asked again on a new one, a write is not; the port is closed when idle;
 * other requests, and extension pages, use one-off messages.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown) => void;
class FakePort {
  name: string;
  sent: Array<{ id: number; message: { type: string } }> = [];
  onMessageListeners: Listener[] = [];
  onDisconnectListeners: Array<() => void> = [];
  disconnected = false;
  onMessage = { addListener: (l: Listener) => this.onMessageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.onDisconnectListeners.push(l) };
  constructor(name: string) {
    this.name = name;
  }
  postMessage(frame: { id: number; message: { type: string } }) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(frame);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The worker answers the frame `id`. */
  answer(id: number, reply: unknown) {
    for (const l of this.onMessageListeners) l({ id, reply });
  }
  /** The worker was stopped: Chrome closes the port. */
  close() {
    this.disconnected = true;
    for (const l of this.onDisconnectListeners) l();
  }
}

const ports: FakePort[] = [];
let connectFails = false;
const sendMessage = vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true, data: 'by message' }));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'warm-intro-test',
      lastError: undefined,
      connect: ({ name }: { name: string }) => {
        if (connectFails) throw new Error('Extension context invalidated.');
        const port = new FakePort(name);
        ports.push(port);
        return port;
      },
      sendMessage: (message: unknown) => sendMessage(message),
    },
  },
}));

const { ask, PORT_IDLE_MS, PORT_NAME } = await import('../../lib/client');

/** Let the client post what it was asked (it awaits nothing before, but be safe). */
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.stubGlobal('location', { protocol: 'https:' });
  ports.length = 0;
  connectFails = false;
  sendMessage.mockClear();
});
afterEach(() => {
  // Leave no port open for the next test.
  ports.at(-1)?.close();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a page script asking the background', () => {
  it('sends look-ups and the two writes over one port, each answer matched by its id', async () => {
    const a = ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' });
    const b = ask('contact.log', { name: 'Bea', profileUrl: 'https://www.linkedin.com/in/b/' });
    await tick();
    expect(ports).toHaveLength(1);
    const [port] = ports;
    expect(port!.name).toBe(PORT_NAME);
    expect(port!.sent.map((f) => f.message.type)).toEqual(['contact.lookup', 'contact.log']);
    // Answered out of order: each goes to its own question.
    port!.answer(port!.sent[1]!.id, { ok: true, data: 'logged' });
    port!.answer(port!.sent[0]!.id, { ok: true, data: null });
    await expect(a).resolves.toBeNull();
    await expect(b).resolves.toBe('logged');
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('asks a read again on a new port when the worker was stopped under it, and a write not', async () => {
    const read = ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' });
    const write = ask('attempt.record', { contactId: crypto.randomUUID(), channel: 'linkedin', kind: 'request' });
    await tick();
    ports[0]!.close();
    await expect(write).rejects.toMatchObject({ code: 'unreachable' });
    await tick();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((f) => f.message.type)).toEqual(['contact.lookup']);
    ports[1]!.answer(ports[1]!.sent[0]!.id, { ok: true, data: null });
    await expect(read).resolves.toBeNull();
  });

  it('closes the port after a quiet spell and opens a new one for the next question', async () => {
    vi.useFakeTimers();
    const first = ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' });
    await vi.advanceTimersByTimeAsync(0);
    ports[0]!.answer(ports[0]!.sent[0]!.id, { ok: true, data: null });
    await first;
    await vi.advanceTimersByTimeAsync(PORT_IDLE_MS - 1);
    expect(ports[0]!.disconnected).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ports[0]!.disconnected).toBe(true);
    const next = ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/b/' });
    await vi.advanceTimersByTimeAsync(0);
    expect(ports).toHaveLength(2);
    ports[1]!.answer(ports[1]!.sent[0]!.id, { ok: true, data: null });
    await expect(next).resolves.toBeNull();
  });

  it('keeps the port open while a question waits for its answer', async () => {
    vi.useFakeTimers();
    const slow = ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' });
    await vi.advanceTimersByTimeAsync(PORT_IDLE_MS * 2);
    expect(ports[0]!.disconnected).toBe(false);
    ports[0]!.answer(ports[0]!.sent[0]!.id, { ok: false, error: { code: 'rate-limited', message: 'Too many' } });
    await expect(slow).rejects.toMatchObject({ code: 'rate-limited' });
  });

  it('asks by one-off message when no port can be opened', async () => {
    connectFails = true;
    await expect(ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' })).resolves.toBe('by message');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('sends rare writes by one-off message, and so does an extension page everything', async () => {
    await expect(ask('contact.notes', { contactId: crypto.randomUUID(), notes: 'x' })).resolves.toBe('by message');
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    await expect(ask('contact.lookup', { profileUrl: 'https://www.linkedin.com/in/a/' })).resolves.toBe('by message');
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(ports).toHaveLength(0);
  });
});
