/**
 * The profile sidebar: who this profile is in the pipeline, beside LinkedIn's profile page. It
 * follows LinkedIn's in-page navigation (see lib/linkedin/page.ts) and is told when the page
 * changed by the content script's one page observer.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { showStaleNotice } from '../../components/stale-notice';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { extractProfile, topCardName } from '../../lib/linkedin/extract';
import { extractMutualConnections, type MutualConnections } from '../../lib/linkedin/mutuals';
import { createProfileTracker, READ_GRACE_MS, type ProfilePageState } from '../../lib/linkedin/page';
import { profileSlug } from '../../lib/linkedin/url';
import { SIDEBAR_HOST } from './hosts';
import type { ViewedProfile } from './people-badges';

const COLLAPSED_KEY = 'warm-intro:sidebar-collapsed';

export interface ProfileSidebar {
  /** Re-read the page and show, update or remove the sidebar. */
  refresh(): void;
  /** The last person the sidebar showed (kept after leaving their page: their mutual list comes next). */
  viewed(): ViewedProfile | null;
}

export function createProfileSidebar(ctx: ContentScriptContext, opts: { requestRefresh: () => void }): ProfileSidebar {
  const tracker = createProfileTracker({ extract: extractProfile, topCardName });
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let page: ProfilePageState | null = null;
  /** The top card's mutual-connection line (it may render after the name). */
  let mutuals: MutualConnections | null = null;
  let viewed: ViewedProfile | null = null;
  let collapsed = false;
  let mounting: Promise<void> | null = null;

  const draw = () => {
    const container = ui?.uiContainer;
    if (!container || !page) return;
    render(
      <Sidebar
        page={page}
        collapsed={collapsed}
        pageStructure={copyStructure}
        mutuals={mutuals}
        onToggle={() => {
          collapsed = !collapsed;
          void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => {});
          draw();
        }}
      />,
      container,
    );
  };

  // Runs on first use only. A dynamic import so it can be split off: WXT bundles a content script
  // into one file today, so for now the (small) structure code still ships inside it.
  const copyStructure = async () => {
    const { pageStructure, structureRegion } = await import('../../lib/linkedin/page-structure');
    return pageStructure(structureRegion(document, profileSlug(location.href)));
  };

  // Read while the UI's stylesheet loads, so the sidebar appears collapsed or not, never both.
  const collapsedRead = browser.storage.local
    .get(COLLAPSED_KEY)
    .then((v) => {
      collapsed = v[COLLAPSED_KEY] === true;
    })
    .catch(() => {});

  const mount = async () => {
    const [created] = await Promise.all([
      createShadowRootUi(ctx, {
      name: SIDEBAR_HOST,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: () => {},
      }),
      collapsedRead,
    ]);
    created.mount();
    ui = created;
  };

  const unmount = () => {
    if (!ui) return;
    render(null, ui.uiContainer);
    ui.remove();
    ui = null;
  };

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    if (ctx.signal.aborted) return;
    const next = tracker.read(document, location.href, Date.now());
    if (next?.kind === 'reading') {
      // A static page sends no mutation to wake us when the grace period ends. (Through the page
      // observer, which checks the extension is still there.)
      clearTimeout(graceTimer);
      graceTimer = setTimeout(opts.requestRefresh, READ_GRACE_MS + 50);
    }
    const nextMutuals = next?.kind === 'profile' ? extractMutualConnections(document, location.href) : null;
    if (same(next, page) && same(nextMutuals, mutuals) && (ui || !next)) return;
    page = next;
    mutuals = nextMutuals;
    if (page?.kind === 'profile') {
      const { name, profileUrl, company, headline, memberId } = page.profile;
      viewed = { name, profileUrl, company, headline, memberId: memberId ?? mutuals?.memberId ?? null };
    }
    if (!page) return unmount();
    if (ui) return draw();
    mounting ??= mount().then(() => {
      mounting = null;
      draw();
    });
  };

  // The first read needs no mutation: the page is parsed when the script starts.
  queueMicrotask(refresh);

  // Updated or reloaded extension: WXT removes the sidebar; if it was in use, say why it went.
  // (A newer copy of the script removes the notice.)
  ctx.onInvalidated(() => {
    clearTimeout(graceTimer);
    if (page && !collapsed && document.visibilityState !== 'hidden') showStaleNotice();
  });
  // LinkedIn moves between pages with pushState; the new person's DOM comes later (or, on a
  // static page, never: then the move itself is the only news).
  ctx.addEventListener(window, 'wxt:locationchange', opts.requestRefresh);
  ctx.addEventListener(window, 'popstate', opts.requestRefresh);

  return { refresh, viewed: () => viewed };
}
