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
