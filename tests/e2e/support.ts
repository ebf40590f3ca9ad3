import type { Page } from 'playwright-core';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/**
 * Ask the background something from an extension page, through the real message protocol (as the
 * popup does); throws with the background's message when it answers with an error.
 */
export async function bg<T = any>(page: Page, type: string, payload?: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload })) as
    | { ok: true; data: T }
    | { ok: false; error: { message: string } }
    | undefined;
  if (!reply) throw new Error(`${type}: no answer from the background`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  return reply.data;
}
