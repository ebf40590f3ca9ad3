/**
 * Ask the background something, typed by the protocol in lib/messages.ts. Only types are imported
 * from there, so this file adds no zod to content scripts.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Message, Reply, RequestPayload, RequestType, Responses } from './messages';

export class ClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/** The extension was updated or reloaded: this (old) content script can no longer talk to it. */
export const EXTENSION_RELOADED = 'extension-reloaded';

export function isExtensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/** The name of a page script's port to the background (entrypoints/background/messages.ts). */
export const PORT_NAME = 'warm-intro';

/**
 * What a page script asks over its port rather than by one-off message: the questions asked on
 * every profile and page change, and the two writes made from a LinkedIn tab. A one-off message
 * opens a channel to the worker each time — ~6 ms from a content script here against ~3.5 on an
 * open port (bench/request-profile.md). Reads are asked again once if the port closes before the
 * answer (the worker was stopped); a write is not: it may have been made.
 */
export const OVER_PORT: ReadonlySet<RequestType> = new Set<RequestType>([
  'contact.lookup',
  'introducers.forProfile',
  'badges.forProfiles',
  'company.people',
  'contact.find',
  'contact.matchEmails',
  'settings.compose',
  'contact.log',
  'attempt.record',
]);
const WRITES_OVER_PORT = new Set<RequestType>(['contact.log', 'attempt.record']);

/**
 * The port is closed when nothing was asked on it for this long: an open port may keep the
 * worker from being stopped when idle (Chrome's rules for that have changed between versions), and
 * a Gmail or LinkedIn tab stays open all day. The questions of one visit (the look-ups, then the
 * clicks) share it; the first after a pause opens a new one.
 */
export const PORT_IDLE_MS = 20_000;

interface Link {
  port: Browser.runtime.Port;
  waiting: Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>;
  idle?: ReturnType<typeof setTimeout>;
}
let link: Link | null = null;
let nextId = 1;

function closeWhenIdle(opened: Link): void {
  clearTimeout(opened.idle);
  opened.idle = setTimeout(() => {
    if (opened.waiting.size > 0) return closeWhenIdle(opened);
    if (link === opened) link = null;
    try {
      opened.port.disconnect();
    } catch {
      // Already closed (the worker stopped, or the extension was reloaded).
    }
  }, PORT_IDLE_MS);
}

/** The open port, or a new one (the first question, or the worker was stopped and closed the last). */
function connect(): Link {
  if (link) return link;
  const port = browser.runtime.connect({ name: PORT_NAME });
  const opened: Link = { port, waiting: new Map() };
  port.onMessage.addListener((frame: { id?: unknown; reply?: unknown }) => {
    const waiter = typeof frame?.id === 'number' ? opened.waiting.get(frame.id) : undefined;
    if (!waiter) return;
    opened.waiting.delete(frame.id as number);
    waiter.resolve(frame.reply);
    closeWhenIdle(opened);
  });
  port.onDisconnect.addListener(() => {
    // Read, so Chrome does not log it as unchecked ("Receiving end does not exist").
    void browser.runtime.lastError;
    clearTimeout(opened.idle);
    if (link === opened) link = null;
    for (const waiter of opened.waiting.values()) waiter.reject(new Error('Receiving end closed before answering'));
    opened.waiting.clear();
  });
  link = opened;
  return opened;
}

function overPort(message: Message<RequestType>): Promise<unknown> {
  const opened = connect();
  const { port, waiting } = opened;
  closeWhenIdle(opened);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    try {
      port.postMessage({ id, message });
    } catch (error) {
      waiting.delete(id);
      if (link?.port === port) link = null;
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Extension pages ask by one-off message (their hop is short); page scripts their hot questions over a port. */
const inPageScript = () => typeof location === 'object' && location.protocol === 'https:';

async function send(message: Message<RequestType>): Promise<unknown> {
  if (!inPageScript() || !OVER_PORT.has(message.type)) return browser.runtime.sendMessage(message);
  let asked: Promise<unknown>;
  try {
    asked = overPort(message);
  } catch {
    // No port to be had (the extension was reloaded; a test's fake browser): a one-off message,
    // which says why if it fails too.
    return browser.runtime.sendMessage(message);
  }
  try {
    return await asked;
  } catch (error) {
    if (WRITES_OVER_PORT.has(message.type) || !isExtensionAlive()) throw error;
    // The port closed under a read (the worker stopped): ask once more, on a new one.
    return overPort(message);
  }
}

export async function ask<T extends RequestType>(type: T, ...args: undefined extends RequestPayload<T> ? [payload?: RequestPayload<T>] : [payload: RequestPayload<T>]): Promise<Responses[T]> {
  const message: Message<T> = { type, payload: args[0] };
  if (!isExtensionAlive()) {
    throw new ClientError(EXTENSION_RELOADED, 'Warm Intro was updated. Reload this page to keep using it.');
  }
  let reply: Reply<Responses[T]> | undefined;
  try {
    reply = (await send(message)) as Reply<Responses[T]> | undefined;
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    if (/context invalidated|Extension context|Receiving end does not exist/i.test(text) && !isExtensionAlive()) {
      throw new ClientError(EXTENSION_RELOADED, 'Warm Intro was updated. Reload this page to keep using it.');
    }
    throw new ClientError('unreachable', `Warm Intro's background did not answer: ${text}`);
  }
  if (!reply || typeof reply !== 'object') throw new ClientError('unreachable', "Warm Intro's background did not answer.");
  if (!reply.ok) throw new ClientError(reply.error.code, reply.error.message);
  return reply.data;
}
