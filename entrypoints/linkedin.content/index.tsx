import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { extractProfile, topCardName } from '../../lib/linkedin/extract';
import { createProfileTracker, READ_GRACE_MS, type ProfilePageState } from '../../lib/linkedin/page';
import { showStaleNotice, STALE_HOST } from '../../components/stale-notice';
import '../../components/theme.css';
import '../../components/sidebar/sidebar.css';

const COLLAPSED_KEY = 'warm-intro:sidebar-collapsed';
const HOST = 'warm-intro-sidebar';

// One script for every LinkedIn page: LinkedIn moves between feed, profiles and messaging without
// loading a page, so a script matched to /in/* only would never run after such a move.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // A previous copy of this script (before an extension update) may have left its sidebar.
    document.querySelectorAll(`${HOST}, ${STALE_HOST}`).forEach((old) => old.remove());
    watchProfiles(ctx);
  },
});

function watchProfiles(ctx: ContentScriptContext): void {
  const tracker = createProfileTracker({ extract: extractProfile, topCardName });
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let page: ProfilePageState | null = null;
  let collapsed = false;
  let mounting: Promise<void> | null = null;

  const draw = () => {
    const container = ui?.uiContainer;
    if (!container || !page) return;
    render(
      <Sidebar
        page={page}
        collapsed={collapsed}
        onToggle={() => {
          collapsed = !collapsed;
          void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => {});
          draw();
        }}
      />,
      container,
    );
  };

  const mount = async () => {
    const created = await createShadowRootUi(ctx, {
      name: HOST,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: () => {},
    });
    created.mount();
    ui = created;
  };

  const unmount = () => {
    if (!ui) return;
    render(null, ui.uiContainer);
    ui.remove();
    ui = null;
  };

  const same = (a: ProfilePageState | null, b: ProfilePageState | null) =>
    JSON.stringify(a) === JSON.stringify(b);

  let scheduled = false;
  let graceTimer: number | undefined;
  const refresh = () => {
    scheduled = false;
    if (!ctx.isValid) return;
    const next = tracker.read(document, location.href, Date.now());
    if (next?.kind === 'reading') {
      // A static page sends no mutation to wake us when the grace period ends.
      clearTimeout(graceTimer);
      graceTimer = ctx.setTimeout(schedule, READ_GRACE_MS + 50);
    }
    if (same(next, page) && (ui || !next)) return;
    page = next;
    if (!page) return unmount();
    if (ui) return draw();
    mounting ??= mount().then(() => {
      mounting = null;
      draw();
    });
  };
  // Batched: LinkedIn mutates the DOM constantly; one cheap read per burst at most. (Not
  // requestAnimationFrame: it never fires in a background tab.)
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(refresh, 40);
  };

  void browser.storage.local
    .get(COLLAPSED_KEY)
    .then((v) => {
      collapsed = v[COLLAPSED_KEY] === true;
    })
    .catch(() => {})
    .finally(schedule);

  const observer = new MutationObserver((records) => {
    // Our own sidebar re-rendering is not a page change.
    if (records.every((r) => (r.target as Element).closest?.(HOST))) return;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  // Updated or reloaded extension: WXT removes the sidebar; this copy stops watching and, if the
  // sidebar was in use, says why it went. (A newer copy of the script removes the notice.)
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (page && !collapsed && document.visibilityState !== 'hidden') showStaleNotice();
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
}
