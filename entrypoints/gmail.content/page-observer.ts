/**
 * The one MutationObserver for the Gmail page. Each watch says which added or removed nodes
 * concern it (a cheap test); its work runs once per burst of mutations, never in a loop.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Watch {
  /** Whether this added (or removed) node may change what the watch cares about. */
  relevant(node: Node, added: boolean): boolean;
  run(): void;
}

const BATCH_MS = 60;

export function observePage(
  ctx: ContentScriptContext,
  watches: Watch[],
  opts: {
    /** False once the extension was reloaded under this copy of the script. */
    isAlive: () => boolean;
    /** Whether to keep going for now although the extension is gone (a notice is on screen). */
    holdOn: () => boolean;
  },
): { schedule(watch: Watch): void } {
  const pending = new Set<Watch>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  // Not ctx.setTimeout: its isValid check would tear the UI down while a stale notice is shown.
  const flush = () => {
    timer = null;
    const due = [...pending];
    pending.clear();
    if (!alive()) return;
    for (const watch of due) {
      try {
        watch.run();
      } catch (error) {
        console.warn('[warm-intro] page watch failed', error);
      }
    }
  };
  const schedule = (watch: Watch) => {
    pending.add(watch);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  /** The extension is still there; if not, stop everything (unless a notice holds us). */
  const alive = () => {
    if (ctx.signal.aborted) return false;
    if (opts.isAlive()) return true;
    // Reading `isInvalid` aborts the context, which runs every onInvalidated teardown.
    if (!opts.holdOn()) void ctx.isInvalid;
    return false;
  };

  const observer = new MutationObserver((records) => {
    if (!alive()) return;
    for (const watch of watches) {
      if (pending.has(watch)) continue;
      if (records.some((r) => some(r.addedNodes, (n) => watch.relevant(n, true)) || some(r.removedNodes, (n) => watch.relevant(n, false)))) {
        schedule(watch);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending.clear();
  });
  return { schedule };
}

function some(nodes: NodeList, test: (node: Node) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) if (test(nodes[i]!)) return true;
  return false;
}
