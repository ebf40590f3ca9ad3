/**
 * The profile sidebar: who this profile is in the pipeline, beside LinkedIn's profile page. It
 * follows LinkedIn's in-page navigation (see lib/linkedin/page.ts) and is told when the page
 * changed by the content script's one page observer.
 *
 * First paint in the task that reads the top card: the shell (components/sidebar/SidebarShell.ts,
 * plain DOM, inline styles) shows the name at once; the Preact sidebar with the stage, attempts and
 * forms (./sidebar-details.tsx) is loaded on first use and takes over the same shadow root.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showStaleNotice } from '../../components/stale-notice';
import { createSidebarShell, type SidebarShell } from '../../components/sidebar/SidebarShell';
import { extractProfile, topCardName } from '../../lib/linkedin/extract';
import { loadLazy } from '../../lib/lazy';
import { createProfileTracker, READ_GRACE_MS, sidebarSlug, type ProfilePageState } from '../../lib/linkedin/page';
import type { MutualConnections } from '../../lib/linkedin/mutuals';
import { SIDEBAR_HOST } from './hosts';
import type { ViewedProfile } from './people-badges';

type Details = typeof import('./sidebar-details');

const COLLAPSED_KEY = 'warm-intro:sidebar-collapsed';

export interface ProfileSidebar {
  /** Re-read the page and show, update or remove the sidebar. */
  refresh(): void;
  /** On a profile URL whose person is not shown yet: each page change should be read at once. */
  waitingForPerson(): boolean;
  /** The last person the sidebar showed (kept after leaving their page: their mutual list comes next). */
  viewed(): ViewedProfile | null;
}

export function createProfileSidebar(ctx: ContentScriptContext, opts: { requestRefresh: () => void }): ProfileSidebar {
  const tracker = createProfileTracker({ extract: extractProfile, topCardName });
  let shell: SidebarShell | null = null;
  let page: ProfilePageState | null = null;
  /** The top card's mutual-connection line (it may render after the name); read by the lazy part. */
  let mutuals: MutualConnections | null = null;
  let viewed: ViewedProfile | null = null;
  let collapsed = false;
  /** Set once the Preact sidebar is loaded; from then on it draws, not the shell. */
  let details: Details | null = null;
  let loadingDetails = false;

  const onToggle = () => {
    collapsed = !collapsed;
    void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => {});
    draw();
  };

  const draw = () => {
    if (!shell || !page) return;
    if (details) details.renderSidebar(shell.container, { page, collapsed, onToggle, mutuals });
    else shell.draw(page, collapsed, onToggle);
  };

  const loadDetails = () => {
    if (details || loadingDetails) return;
    loadingDetails = true;
    loadLazy<Details>('linkedin/sidebar').then(
      (module) => {
        loadingDetails = false;
        if (ctx.signal.aborted) return;
        details = module;
        readMutuals();
        draw();
      },
      (error: unknown) => {
        loadingDetails = false;
        console.warn('[warm-intro] could not load the sidebar', error);
      },
    );
  };

  // Read at start-up, long before a top card appears on a real (client-rendered) profile; on a
  // server-rendered one the sidebar waits for this one storage read, never for the background.
  let collapsedKnown = false;
  const collapsedRead = browser.storage.local
    .get(COLLAPSED_KEY)
    .then((v) => {
      collapsed = v[COLLAPSED_KEY] === true;
    })
    .catch(() => {})
    .finally(() => {
      collapsedKnown = true;
    });

  const show = () => {
    if (!page || ctx.signal.aborted) return;
    if (!shell) {
      shell = createSidebarShell(SIDEBAR_HOST);
      document.body.append(shell.host);
    }
    draw();
    loadDetails();
  };

  const unmount = () => {
    if (!shell) return;
    details?.unmountSidebar(shell.container);
    shell.remove();
    shell = null;
  };
  ctx.onInvalidated(unmount);

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  /** The mutual line and who is viewed; false when neither changed. (The reader comes with the lazy part.) */
  const readMutuals = (): boolean => {
    const next = page?.kind === 'profile' && details ? details.readMutuals(document, location.href) : null;
    if (page?.kind === 'profile') {
      const { name, profileUrl, company, headline, memberId } = page.profile;
      viewed = { name, profileUrl, company, headline, memberId: memberId ?? next?.memberId ?? null };
    }
    if (same(next, mutuals)) return false;
    mutuals = next;
    return true;
  };

  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  const refresh = () => {
    if (ctx.signal.aborted) return;
    const next = tracker.read(document, location.href, Date.now());
    if (next?.kind === 'reading') {
      // A static page sends no mutation to wake us when the grace period ends. (Through the page
      // observer, which checks the extension is still there.)
      clearTimeout(graceTimer);
      graceTimer = setTimeout(opts.requestRefresh, READ_GRACE_MS + 50);
    }
    const samePage = same(next, page);
    page = next;
    const newMutuals = readMutuals();
    if (samePage && (shell || !next)) {
      if (newMutuals) draw();
      return;
    }
    if (!page) return unmount();
    // Loaded while the page still renders, so the first answer can be drawn as soon as it comes.
    loadDetails();
    if (collapsedKnown) return show();
    if (waiting) return;
    waiting = true;
    void collapsedRead.then(() => {
      waiting = false;
      show();
    });
  };

  // The first read needs no mutation: the page is parsed when the script starts.
  queueMicrotask(refresh);

  // Updated or reloaded extension: the sidebar goes; if it was in use, say why it went.
  // (A newer copy of the script removes the notice.)
  ctx.onInvalidated(() => {
    clearTimeout(graceTimer);
    if (page && !collapsed && document.visibilityState !== 'hidden') showStaleNotice();
  });
  // LinkedIn moves between pages with pushState; the new person's DOM comes later (or, on a
  // static page, never: then the move itself is the only news).
  ctx.addEventListener(window, 'wxt:locationchange', opts.requestRefresh);
  ctx.addEventListener(window, 'popstate', opts.requestRefresh);

  return {
    refresh,
    // Not once a profile was found unreadable: reading every change at once would cost the page CPU
    // for as long as it stays so (the 60 ms batches still pick up a person who appears later).
    viewed: () => viewed,
    waitingForPerson: () => sidebarSlug(location.href) !== null && (page === null || page.kind === 'reading'),
  };
}
