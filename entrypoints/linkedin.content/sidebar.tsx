/**
 * The profile sidebar: who this profile is in the pipeline, beside LinkedIn's profile page. It
 * follows LinkedIn's in-page navigation (see lib/linkedin/page.ts) and is told when the page
 * changed by the content script's one page observer.
 *
 * First paint in the task that reads the top card: the shell (components/sidebar/SidebarShell.ts,
 * plain DOM, inline styles) shows the name and the "Log contact" form at once, asks the background
 * who this is and who can introduce you, and draws the answers in place. The Preact sidebar
 * (./sidebar-details.tsx) is loaded only when it is needed — the user reaches into the sidebar, the
 * person is known (their record has actions), the page can't be read — and hydrates the shell's
 * nodes. A profile looked at and left costs no Preact at all.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showStaleNotice } from '../../components/stale-notice';
import type { ShellAnswers } from '../../components/sidebar/Sidebar';
import { createSidebarShell, type SidebarShell } from '../../components/sidebar/SidebarShell';
import { onDataChanged } from '../../lib/changes';
import { ask, ClientError } from '../../lib/client';
import { extractProfile, topCardName, topCardParsed } from '../../lib/linkedin/extract';
import { loadLazy } from '../../lib/lazy';
import { createProfileTracker, READ_GRACE_MS, sidebarSlug, type Profile, type ProfilePageState } from '../../lib/linkedin/page';
import { extractMutualConnections, introducersQuery, type MutualConnections } from '../../lib/linkedin/mutuals';
import * as S from '../../lib/linkedin/selectors';
import { SIDEBAR_HOST } from './hosts';
import type { ViewedProfile } from './people-badges';

type Details = typeof import('./sidebar-details');

const COLLAPSED_KEY = 'warm-intro:sidebar-collapsed';

export interface ProfileSidebar {
  /** Re-read the page and show, update or remove the sidebar. */
  refresh(): void;
  /**
   * Whether `node`, changed under `parent`, may change what the page reader reads. Until a person
   * is shown, anything may; then only what is in or above the page's <main> (the top card, the
   * Experience section, a newly rendered main) or in <head> (title, JSON-LD). A move to another
   * person comes with a URL change, which refreshes on its own.
   */
  concerns(parent: Node, node: Node): boolean;
  /** On a profile URL whose person is not shown yet: each page change should be read at once. */
  waitingForPerson(): boolean;
  /** The last person the sidebar showed (kept after leaving their page: their mutual list comes next). */
  viewed(): ViewedProfile | null;
  /**
   * While the HTML is still parsed: show the person if their top card is complete. True once there
   * is nothing more to wait for (the person is shown, or this is not a profile).
   */
  readWhileParsing(): boolean;
}

export function createProfileSidebar(ctx: ContentScriptContext, opts: { requestRefresh: () => void }): ProfileSidebar {
  const tracker = createProfileTracker({ extract: extractProfile, topCardName });
  let shell: SidebarShell | null = null;
  let page: ProfilePageState | null = null;
  /** The top card's mutual-connection line (it may render after the name); read by the lazy part. */
  let mutuals: MutualConnections | null = null;
  let viewed: ViewedProfile | null = null;
  let collapsed = false;
  /** Set once the Preact sidebar is loaded; from then on it draws and asks, not the shell. */
  let details: Details | null = null;
  let loadingDetails = false;
  /** What the shell asked about the person on screen; handed to the Preact sidebar as it takes over. */
  let answers: ShellAnswers | null = null;
  /** The introducer request the shell's list answers (it changes with the mutual line). */
  let introducersAsked: string | null = null;
  /** Actions the user took in the shell, run by the Preact sidebar once it is in. */
  const replays: Array<() => void> = [];

  const onToggle = () => {
    collapsed = !collapsed;
    void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => {});
    draw();
  };

  const draw = () => {
    if (!shell || !page) return;
    if (details) return details.renderSidebar(shell.container, { page, collapsed, onToggle, mutuals, initial: answers });
    if (!collapsed && page.kind === 'profile') askAbout(page.profile);
    shell.draw({ page, collapsed, answers, mutuals });
  };

  const asError = (error: unknown) => (error instanceof ClientError ? error : new ClientError('internal', String(error)));
  /** Keep an answer if it is still about the person the shell shows. */
  const answer = (profileUrl: string, part: 'lookup' | 'introducers', value: NonNullable<ShellAnswers['lookup' | 'introducers']>) => {
    if (details || answers?.profileUrl !== profileUrl) return;
    // A failed re-ask keeps the answer shown, as useAsk does.
    answers = { ...answers, [part]: value.error ? { data: answers[part]?.data, error: value.error } : value };
    draw();
    // A known person's record comes with actions (record a message, change the stage, notes).
    if (part === 'lookup' && value.data) loadDetails();
  };
  /** True when a new question went out (its answer will be drawn). */
  const askIntroducers = (profile: Profile): boolean => {
    if (mutualsFor !== profile.profileUrl) return false; // asked once the mutual line is read
    const payload = introducersQuery(profile, mutuals);
    const key = JSON.stringify(payload);
    if (key === introducersAsked) return false;
    introducersAsked = key;
    ask('introducers.forProfile', payload).then(
      (data) => key === introducersAsked && answer(profile.profileUrl, 'introducers', { data }),
      (error: unknown) => key === introducersAsked && answer(profile.profileUrl, 'introducers', { error: asError(error) }),
    );
    return true;
  };
  /** Ask about `profile` once (again after `fresh`: the data changed). Both requests at once, never one after the other. */
  const askAbout = (profile: Profile, fresh = false) => {
    const { profileUrl } = profile;
    if (!fresh && answers?.profileUrl === profileUrl) return void askIntroducers(profile);
    if (answers?.profileUrl !== profileUrl) answers = { profileUrl };
    introducersAsked = null;
    watchChanges();
    ask('contact.lookup', { profileUrl }).then(
      (data) => answer(profileUrl, 'lookup', { data }),
      (error: unknown) => answer(profileUrl, 'lookup', { error: asError(error) }),
    );
    askIntroducers(profile);
  };
  // Written elsewhere (popup, another tab): the shell asks again, as the Preact sidebar's useAsk does.
  // Listened to from the first question on: a LinkedIn page without a profile never needs it.
  let watchingChanges = false;
  const watchChanges = () => {
    if (watchingChanges) return;
    watchingChanges = true;
    ctx.onInvalidated(
      onDataChanged(() => {
        if (!details && !collapsed && page?.kind === 'profile' && answers) askAbout(page.profile, true);
      }),
    );
  };

  const loadDetails = () => {
    if (details || loadingDetails) return;
    loadingDetails = true;
    loadLazy<Details>('linkedin/sidebar').then(
      (module) => {
        loadingDetails = false;
        if (ctx.signal.aborted) return;
        details = module;
        shell?.handOver();
        draw();
        // After Preact's re-render for the fields hydration announced: the form's handlers see what was typed.
        setTimeout(() => {
          for (const replay of replays.splice(0)) replay();
        });
      },
      (error: unknown) => {
        loadingDetails = false;
        replays.length = 0;
        console.warn('[warm-intro] could not load the sidebar', error);
      },
    );
  };
  const onWanted = (replay: (() => void) | null) => {
    if (replay) replays.push(replay);
    loadDetails();
  };

  // Read at start-up (document_start) on a profile, long before LinkedIn's top card is parsed or
  // rendered; elsewhere when the first profile appears (LinkedIn moves between pages without loading
  // one). The sidebar never waits for it: should a top card be read first (a small page parsed
  // within the storage round trip), it is drawn open and folds away when the answer says so —
  // before that frame is painted, unless the machine is slow to answer.
  let collapsedRead: Promise<void> | null = null;
  const readCollapsed = () =>
    (collapsedRead ??= browser.storage.local
      .get(COLLAPSED_KEY)
      .then((v) => {
        collapsed = v[COLLAPSED_KEY] === true;
        if (collapsed && shell) draw();
      })
      .catch(() => {}));
  if (sidebarSlug(location.href) !== null) void readCollapsed();

  const show = () => {
    if (!page || ctx.signal.aborted || !document.body) return;
    if (!shell) {
      shell = createSidebarShell(SIDEBAR_HOST, { onToggle, onWanted });
      if (details) shell.handOver();
      document.body.append(shell.host);
    }
    draw();
    // Its manual form and the report button are the Preact sidebar's.
    if (page.kind === 'unreadable') loadDetails();
  };

  const unmount = () => {
    if (!shell) return;
    details?.unmountSidebar(shell.container);
    shell.remove();
    shell = null;
    answers = null;
    introducersAsked = null;
    mutualsFor = null;
  };
  ctx.onInvalidated(unmount);

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  /**
   * The mutual line is read again (its reader looks at computed styles: a style recalculation on a
   * busy page) only when a candidate link or its text changed; the page observer calls for a refresh
   * after every burst of mutations anywhere.
   */
  let mutualsSeen: string | null = null;
  const mutualLine = (): MutualConnections | null => {
    let seen = location.href;
    for (const link of document.querySelectorAll(S.MUTUAL_LINK)) seen += `\n${link.getAttribute('href')}\n${link.textContent}`;
    if (seen === mutualsSeen) return mutuals;
    mutualsSeen = seen;
    return extractMutualConnections(document, location.href);
  };
  /**
   * Read after the frame that shows the sidebar, never in the task that reads the top card: on a
   * page just parsed, the first computed style would be the whole page's style calculation, forced
   * early. (Who can introduce you is asked once the line is read: one request, with the names.)
   */
  let mutualsFor: string | null = null;
  let mutualsDue = false;
  const readMutualsSoon = () => {
    if (mutualsDue) return;
    mutualsDue = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        mutualsDue = false;
        if (ctx.signal.aborted) return;
        const changed = readMutuals();
        const first = page?.kind === 'profile' && mutualsFor !== page.profile.profileUrl;
        mutualsFor = page?.kind === 'profile' ? page.profile.profileUrl : null;
        if (!changed && !first) return;
        // The mutual-line link and the introducer list share a section: when the line sends a new
        // question, the section is drawn once, with its answer (one redraw of the sidebar fewer).
        const profile = page?.kind === 'profile' ? page.profile : null;
        if (profile && shell && !details && !collapsed && answers?.profileUrl === profile.profileUrl && askIntroducers(profile)) return;
        draw();
      }),
    );
  };
  /** The mutual line and who is viewed; false when neither changed. */
  const readMutuals = (): boolean => {
    if (page?.kind !== 'profile') mutualsSeen = null;
    const next = page?.kind === 'profile' ? mutualLine() : null;
    if (page?.kind === 'profile') {
      const { name, profileUrl, company, headline, memberId } = page.profile;
      viewed = { name, profileUrl, company, headline, memberId: memberId ?? next?.memberId ?? null };
    }
    if (same(next, mutuals)) return false;
    mutuals = next;
    return true;
  };

  /** The page's <main> when the person shown was read from it. */
  let shownMain: Element | null = null;
  const ABOVE_MAIN = `${S.MAIN}, ${S.JSON_LD}`;
  const concerns = (parent: Node, node: Node): boolean => {
    if (page?.kind !== 'profile' || !shownMain?.isConnected) return true;
    if (shownMain.contains(parent) || document.head?.contains(parent)) return true;
    // Above <main> (the app re-rendering its frame): a new main or JSON-LD block may come with it.
    if (!parent.contains(shownMain) || node.nodeType !== 1) return false;
    const el = node as Element;
    return el.matches(ABOVE_MAIN) || el.querySelector(ABOVE_MAIN) !== null;
  };

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
    const samePage = same(next, page);
    page = next;
    shownMain = page?.kind === 'profile' ? document.querySelector(S.MAIN) : null;
    if (page?.kind === 'profile') {
      const { name, profileUrl, company, headline, memberId } = page.profile;
      viewed = { name, profileUrl, company, headline, memberId: memberId ?? mutuals?.memberId ?? null };
    }
    if (page?.kind === 'profile' || mutuals !== null) readMutualsSoon();
    if (samePage && (shell || !next)) return;
    if (!page) return unmount();
    // (A profile reached by an in-page move: the read starts now, and folds the sidebar if it says so.)
    void readCollapsed();
    show();
  };

  // (The first read is the content script's: as the parser passes the top card, or once it is done.)

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
    concerns,
    // Not once a profile was found unreadable: reading every change at once would cost the page CPU
    // for as long as it stays so (the 60 ms batches still pick up a person who appears later).
    viewed: () => viewed,
    readWhileParsing() {
      if (page?.kind === 'profile' || sidebarSlug(location.href) === null) return true;
      if (!document.body || !topCardParsed(document, location.href)) return false;
      refresh();
      return (page as ProfilePageState | null)?.kind === 'profile';
    },
    waitingForPerson: () => sidebarSlug(location.href) !== null && (page === null || page.kind === 'reading'),
  };
}
