/**
 * Load a part of a content script on first use: an ES module built under `lazy/` by
 * modules/lazy-chunks.ts, imported from the extension's own files (web-accessible on its site
 * only; in Chrome through a per-session URL). The module runs in the content script's isolated
 * world, with the same extension APIs. Each module is imported once per page.
 */
import { browser } from 'wxt/browser';

const loaded = new Map<string, Promise<unknown>>();

/** `path` is `<site>/<name>`, an entry of LAZY_ENTRIES in modules/lazy-chunks.ts. */
export function loadLazy<T>(path: string): Promise<T> {
  let module = loaded.get(path);
  if (!module) {
    // Not a public path WXT knows of: these files are written after its build (modules/lazy-chunks.ts).
    const url = (browser.runtime.getURL as (path: string) => string)(`/lazy/${path}.js`);
    module = import(/* @vite-ignore */ url);
    // A failed load (extension reloaded meanwhile) may be tried again later.
    module.catch(() => loaded.delete(path));
    loaded.set(path, module);
  }
  return module as Promise<T>;
}
