/**
 * Ask the background something, typed by the protocol in lib/messages.ts. Only types are imported
 * from there, so this file adds no zod to content scripts.
 */
import { browser } from 'wxt/browser';
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

export async function ask<T extends RequestType>(type: T, ...args: undefined extends RequestPayload<T> ? [payload?: RequestPayload<T>] : [payload: RequestPayload<T>]): Promise<Responses[T]> {
  const message: Message<T> = { type, payload: args[0] };
  if (!isExtensionAlive()) {
    throw new ClientError(EXTENSION_RELOADED, 'Warm Intro was updated. Reload this page to keep using it.');
  }
  let reply: Reply<Responses[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<Responses[T]> | undefined;
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
