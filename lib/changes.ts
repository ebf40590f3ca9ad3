/**
 * "The data changed": the background bumps one storage key after every write, and every open
 * sidebar, compose button, popup and dashboard re-reads. storage.onChanged reaches all of them,
 * content scripts included, and survives the worker being stopped between write and read.
 */
import { browser } from 'wxt/browser';

export const CHANGED_KEY = 'warm-intro:changed';

export async function announceChange(): Promise<void> {
  await browser.storage.local.set({ [CHANGED_KEY]: Date.now() });
}

/** Calls `listener` after each write anywhere in Warm Intro; returns the unsubscribe function. */
export function onDataChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CHANGED_KEY in changes) listener();
  };
  try {
    browser.storage.onChanged.addListener(handler);
  } catch {
    return () => {};
  }
  return () => {
    try {
      browser.storage.onChanged.removeListener(handler);
    } catch {
      // The extension was reloaded; nothing to remove.
    }
  };
}

/**
 * The pipeline counts as of the last write, kept in storage so the popup can paint them at once,
 * without waiting for the service worker to wake and count (it then asks for fresh ones).
 */
export const SUMMARY_KEY = 'warm-intro:summary';

export async function publishSummary(summary: unknown): Promise<void> {
  await browser.storage.local.set({ [SUMMARY_KEY]: summary });
}

export async function readCachedSummary<T>(): Promise<T | null> {
  try {
    const value = await browser.storage.local.get(SUMMARY_KEY);
    return (value[SUMMARY_KEY] as T | undefined) ?? null;
  } catch {
    return null;
  }
}
