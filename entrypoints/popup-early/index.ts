import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintEarlyCounts } from '../../components/early-counts';
import { readCachedCounts } from '../../lib/cached-summary';

/**
 * Loaded by popup.html as a plain script after `#app`, before the popup's module bundle: reads the
 * cached counts while the bundle loads, and paints them if Preact has not drawn yet. The browser's
 * own promise API (`browser` in Firefox, `chrome` in Chrome MV3), not webextension-polyfill.
 */
interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { getURL(path: string): string };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  const root = document.getElementById('app');
  if (!api?.storage || !root) return;
  void readCachedCounts(api.storage.local).then((cached) => {
    if (cached) paintEarlyCounts(root, cached, api.runtime.getURL('/dashboard.html'));
  });
});
