/**
 * Token buckets, one per key (a tab): `capacity` requests at once, then one more every
 * `refillMs`. Kept in memory on purpose: a limiter only has to slow a page down, and a worker that
 * is stopped (after ~30 s without events) would have refilled every bucket by then anyway; a page
 * that keeps asking keeps the worker, and its bucket, alive. Storing it would cost a write per keystroke.
 */
export interface Bucket {
  capacity: number;
  refillMs: number;
}

export function createLimiter({ capacity, refillMs }: Bucket, maxKeys = 500) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Take one token for `key`; false when its bucket is empty. */
    take(key: string, now: number): boolean {
      const b = buckets.get(key) ?? { tokens: capacity, at: now };
      const refilled = Math.min(capacity, b.tokens + Math.max(0, now - b.at) / refillMs);
      const ok = refilled >= 1;
      buckets.delete(key);
      // Oldest keys go first, so closed tabs do not pile up.
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, { tokens: ok ? refilled - 1 : refilled, at: now });
      return ok;
    },
  };
}
