/**
 * The one MutationObserver of a content script's page (Gmail, LinkedIn). Each watch says which
 * added or removed nodes concern it (a cheap test); its work runs once per burst of mutations,
 * never in a loop, and never on a timer of its own.
 *
 * LinkedIn's 2025–26 shell mounts chat bubbles and dialogs inside the open shadow root of
 * `#interop-outlet`, where an observer on the document sees nothing. With `shadowRoots`, every
 * open shadow root is observed too: those present at the start, those that arrive with added
 * nodes, those of the known hosts (a shadow root attached to an element already in the page makes
 * no mutation record, so the hosts are checked at each burst), and any that an event from inside
 * one reveals (focus and pointer events are composed: they carry their path out of the root).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { openShadowRoots } from './dom';

export interface Watch {
  /** Whether this node, added to or removed from `parent`, may change what the watch cares about. */
  relevant(node: Node, added: boolean, parent: Node): boolean;
  /** Whether a change of this text node's data concerns the watch (text is observed only if a watch asks). */
  text?(node: Node): boolean;
  run(): void;
  /**
   * While this says so, a relevant change runs the watch at once, in the observer's callback (before
   * the next frame), instead of at the end of the burst: the sidebar waiting for a top card.
   */
  urgent?(): boolean;
}

export interface PageObserver {
  /** Run `watch` at the end of the current burst. */
  schedule(watch: Watch): void;
  /** The open shadow roots observed so far that are still in the page (with `shadowRoots`). */
  shadowRoots(): ShadowRoot[];
}

const BATCH_MS = 60;
/** Observed shadow roots kept before the detached ones are let go. */
const PRUNE_MIN = 64;

export function observePage(
  ctx: ContentScriptContext,
  watches: Watch[],
  opts: {
    /** False once the extension was reloaded under this copy of the script. */
    isAlive: () => boolean;
    /** Whether to keep going for now although the extension is gone (a notice is on screen). */
    holdOn: () => boolean;
    /**
     * Our own UI's nodes: a record that only adds them is no page change (it wakes nothing, and does
     * not even check the extension is still there). Their removal still counts: the page dropped them.
     */
    ours?: (node: Node) => boolean;
    /** Observe open shadow roots as well (LinkedIn). */
    shadowRoots?: {
      /** Elements that receive a shadow root after they are in the page (`#interop-outlet`). */
      hosts: string;
      /** Roots never to observe: our own UI's. */
      ignore: (root: ShadowRoot) => boolean;
    };
  },
): PageObserver {
  const pending = new Set<Watch>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const config: MutationObserverInit = { childList: true, subtree: true, characterData: watches.some((w) => w.text) };
  const observed = new WeakSet<ShadowRoot>();
  /** The same roots, to look into without walking the page again (the dropped ones are let go). */
  let roots: ShadowRoot[] = [];
  let pruneAt = PRUNE_MIN;
  /** The known hosts are looked at once per burst of any mutations, whether or not a watch is due. */
  let hostsDue = false;

  // Not ctx.setTimeout: its isValid check would tear the UI down while a stale notice is shown.
  const flush = () => {
    timer = null;
    if (!alive()) return pending.clear();
    if (hostsDue && opts.shadowRoots) {
      hostsDue = false;
      for (const host of document.querySelectorAll(opts.shadowRoots.hosts)) if (host.shadowRoot) adoptAll(host);
    }
    const due = [...pending];
    pending.clear();
    for (const watch of due) runWatch(watch);
  };
  const runWatch = (watch: Watch) => {
    try {
      watch.run();
    } catch (error) {
      console.warn('[warm-intro] page watch failed', error);
    }
  };
  const schedule = (watch: Watch) => {
    pending.add(watch);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  const scheduleAll = () => watches.forEach(schedule);
  /** The extension is still there; if not, stop everything (unless a notice holds us). */
  const alive = () => {
    if (ctx.signal.aborted) return false;
    if (opts.isAlive()) return true;
    // Reading `isInvalid` aborts the context, which runs every onInvalidated teardown.
    if (!opts.holdOn()) void ctx.isInvalid;
    return false;
  };

  const ownAdd = (r: MutationRecord) =>
    !!opts.ours && r.type === 'childList' && r.removedNodes.length === 0 && every(r.addedNodes, opts.ours);
  const observer = new MutationObserver((all) => {
    const records = opts.ours ? all.filter((r) => !ownAdd(r)) : all;
    if (records.length === 0 || !alive()) return;
    for (const watch of watches) {
      if (pending.has(watch) && !watch.urgent) continue;
      if (!records.some((r) => concerns(watch, r))) continue;
      if (watch.urgent?.()) {
        pending.delete(watch);
        runWatch(watch);
      } else schedule(watch);
    }
    // After the urgent watches: a client render adds thousands of nodes at once, and the sidebar
    // should not wait for a walk of them all.
    if (opts.shadowRoots) {
      for (const record of records) {
        if (record.type === 'childList') for (const node of record.addedNodes) if (node.nodeType === 1) adoptAll(node as Element);
      }
      hostsDue = true;
      timer ??= setTimeout(flush, BATCH_MS);
    }
  });

  /** Observe a new open shadow root; true if it was new (its content is then news to every watch). */
  const adopt = (root: ShadowRoot): boolean => {
    if (observed.has(root) || opts.shadowRoots?.ignore(root)) return false;
    observed.add(root);
    roots.push(root);
    // Pages that create and drop shadow roots all day (Gmail's churn) must not keep the dropped ones.
    if (roots.length > pruneAt) {
      roots = roots.filter((r) => r.host.isConnected);
      pruneAt = Math.max(PRUNE_MIN, roots.length * 2);
    }
    observer.observe(root, config);
    return true;
  };
  /** `el`'s own shadow root and every open one below it. */
  const adoptAll = (el: Element) => {
    let found = false;
    const own = el.shadowRoot;
    if (own && !opts.shadowRoots?.ignore(own)) {
      found = adopt(own) || found;
      for (const root of openShadowRoots(own)) found = adopt(root) || found;
    }
    if (el.firstElementChild) for (const root of openShadowRoots(el)) found = adopt(root) || found;
    if (found) scheduleAll();
  };

  observer.observe(document.documentElement, config);
  if (opts.shadowRoots) {
    for (const root of openShadowRoots(document)) adopt(root);
    const reveal = (e: Event) => {
      let found = false;
      for (const node of e.composedPath()) {
        if ((node as Node).nodeType === 11 && (node as ShadowRoot).host) found = adopt(node as ShadowRoot) || found;
      }
      if (found && alive()) scheduleAll();
    };
    for (const type of ['focusin', 'pointerdown']) ctx.addEventListener(document, type, reveal, { capture: true, passive: true });
  }
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending.clear();
  });
  return {
    schedule,
    shadowRoots() {
      roots = roots.filter((root) => root.host.isConnected);
      return roots;
    },
  };
}

function concerns(watch: Watch, record: MutationRecord): boolean {
  if (record.type === 'characterData') return watch.text?.(record.target) ?? false;
  return some(record.addedNodes, (n) => watch.relevant(n, true, record.target)) || some(record.removedNodes, (n) => watch.relevant(n, false, record.target));
}

function some(nodes: NodeList, test: (node: Node) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) if (test(nodes[i]!)) return true;
  return false;
}

function every(nodes: NodeList, test: (node: Node) => boolean): boolean {
  for (let i = 0; i < nodes.length; i++) if (!test(nodes[i]!)) return false;
  return true;
}
