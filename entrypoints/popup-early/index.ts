import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintEarlyCounts } from '../../components/early-counts';
import { readCachedCounts } from '../../lib/cached-summary';

/**
 * Loaded by popup.html as a plain script, first in its head: reads the cached counts while the
 * page and its bundle load, and paints them once `#app` is parsed, if Preact has not drawn yet.
 * `readystatechange` to "interactive" comes when parsing ends, before the module bundle runs. The
 * browser's own promise API (`browser` in Firefox, `chrome` in Chrome MV3), not webextension-polyfill.
 */
interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { getURL(path: string): string };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api?.storage) return;
  const parsed =
    document.readyState === 'loading' ? new Promise((resolve) => document.addEventListener('readystatechange', resolve, { once: true })) : null;
  void Promise.all([readCachedCounts(api.storage.local), parsed]).then(([cached]) => {
    const root = document.getElementById('app');
    if (cached && root) paintEarlyCounts(root, cached, api.runtime.getURL('/dashboard.html'));
  });
});
