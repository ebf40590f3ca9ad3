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

/** What the Gmail compose and LinkedIn composer managers offer their content script. */
export interface LazyManager {
  sync(): void;
  readonly holdingNotice: boolean;
}

/**
 * A manager whose module loads the first time `needed()` says the page shows what it handles;
 * until then each `sync` costs only that check. `what` names it in the console if the load fails.
 */
export function lazyManager<M>(
  signal: AbortSignal,
  path: string,
  what: string,
  needed: () => boolean,
  create: (module: M) => LazyManager,
): LazyManager {
  let manager: LazyManager | null = null;
  let loading = false;
  return {
    sync() {
      if (manager) return manager.sync();
      if (loading || signal.aborted || !needed()) return;
      loading = true;
      loadLazy<M>(path).then(
        (module) => {
          if (signal.aborted) return;
          manager = create(module);
          manager.sync();
        },
        (error: unknown) => {
          loading = false;
          console.warn(`[warm-intro] could not load ${what}`, error);
        },
      );
    },
    get holdingNotice() {
      return manager?.holdingNotice ?? false;
    },
  };
}
