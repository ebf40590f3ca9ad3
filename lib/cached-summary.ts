/**
 * Where the popup's cached counts live in `storage.local` (counts only, no names: lib/changes.ts
 * publishes them after each write), and reading them through whichever storage API the caller has.
 * No `wxt/browser` import: the popup's early paint (entrypoints/popup-early) runs before any bundle
 * and must stay a few hundred bytes.
 */
export const SUMMARY_KEY = 'warm-intro:summary';

/** The part of the cached summary the early paint draws. */
export interface CachedCounts {
  counts: Record<string, number>;
  total: number;
}

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

/** The cached summary, or null when there is none or it does not look like one. */
export async function readCachedCounts(area: StorageArea): Promise<CachedCounts | null> {
  try {
    const value = (await area.get(SUMMARY_KEY))[SUMMARY_KEY] as Partial<CachedCounts> | undefined;
    if (!value || typeof value.total !== 'number' || !value.counts || typeof value.counts !== 'object') return null;
    return value as CachedCounts;
  } catch {
    return null;
  }
}
