// Functions installed in the measured pages with `page.addInitScript` (they run before any page
// script). Each records `performance.now()` — milliseconds since the page's navigation started — the
// moment a MutationObserver sees the thing appear, in `window.__wiBench`. They must stay
// self-contained: Playwright sends their source text to the page.

/**
 * LinkedIn profile: when the top card's h1 exists, when the sidebar shows the person's name, when it
 * shows "Log contact" or the stage, and when the background's answers are drawn (the stage, or "who
 * can introduce you" no longer looking); and whether the name moved on screen until then.
 */
export function linkedinProbe() {
  const t = (window.__wiBench = { topCard: null, sidebar: null, details: null, answered: null, nameTop: null, moved: null });
  const roots = new WeakSet();
  const check = () => {
    const now = performance.now();
    if (t.topCard === null && document.querySelector('main h1')) t.topCard = now;
    if (t.answered !== null) return;
    const host = document.querySelector('warm-intro-sidebar');
    const root = host && host.shadowRoot;
    if (!root) return;
    // Mutations inside an open shadow root are not seen by an observer on the document.
    if (!roots.has(root)) {
      roots.add(root);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
    const name = root.querySelector('[data-testid="wi-profile-name"]');
    if (!name || !name.textContent.trim()) return;
    const box = name.getBoundingClientRect();
    if (box.width === 0) return;
    if (t.sidebar === null) {
      t.sidebar = now;
      t.nameTop = box.top;
    }
    t.moved = Math.max(t.moved ?? 0, Math.abs(box.top - t.nameTop));
    if (t.details === null && root.querySelector('[data-testid="wi-stage"], [data-testid="wi-log-contact"]')) t.details = now;
    const introducers = root.querySelector('[data-testid="wi-introducers"]');
    const looking = introducers && /Looking for people you know/.test(introducers.textContent);
    if (t.details !== null && (root.querySelector('[data-testid="wi-stage"]') || (introducers && !looking))) {
      t.answered = now;
      observer.disconnect();
      clearInterval(poll);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // In case the name becomes visible without a mutation (a stylesheet applying late).
  const poll = setInterval(check, 10);
}

/** Gmail: when Compose is clicked, the compose dialog and its editor are inserted, and the Warm Intro button appears. */
export function composeProbe() {
  const t = (window.__wiBench = { clicked: null, dialog: null, editor: null, button: null });
  const roots = new WeakSet();
  const watch = (root) => {
    if (roots.has(root)) return;
    roots.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };
  /** querySelector that also looks inside open shadow roots (and starts watching them). */
  const deep = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      watch(el.shadowRoot);
      const inner = deep(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const check = () => {
    const now = performance.now();
    if (t.dialog === null && document.querySelector('[role=dialog] input[name=composeid]')) t.dialog = now;
    if (t.editor === null && document.querySelector('[role=dialog] [g_editable]')) t.editor = now;
    if (t.dialog === null || t.button !== null) return;
    if (deep(document.body, '[data-testid="wi-compose-button"]')) {
      t.button = now;
      observer.disconnect();
      clearInterval(poll);
    }
  };
  document.addEventListener('click', (e) => {
    if (e.target && e.target.closest && e.target.closest('[gh=cm]')) t.clicked = performance.now();
  }, true);
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  const poll = setInterval(check, 10);
}

/** Popup: when its shell renders, and when the stage counts add up to the seeded total (and the floor page's script ran). */
export function popupProbe(total) {
  const t = (window.__wiBench = { shell: null, counts: null, script: null });
  const check = () => {
    const now = performance.now();
    if (t.shell === null && document.querySelector('[data-testid="wi-popup"]')) t.shell = now;
    if (t.script === null && document.querySelector('[data-testid="wi-bench-script"]')) t.script = now;
    if (t.counts !== null) return;
    const cells = document.querySelectorAll('[data-testid^="wi-stage-count-"]');
    if (!cells.length) return;
    let sum = 0;
    for (const cell of cells) sum += Number(cell.textContent.replace(/\D/g, '')) || 0;
    if (sum === total) {
      t.counts = now;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Dashboard board: when the columns exist, and when they show cards. */
export function boardProbe() {
  const t = (window.__wiBench = { columns: null, cards: null, cardCount: 0 });
  const check = () => {
    const now = performance.now();
    if (t.columns === null && document.querySelector('[data-testid^="wi-col-"]:not([data-testid^="wi-col-count-"])')) t.columns = now;
    if (t.cards !== null) return;
    const cards = document.querySelectorAll('[data-testid="wi-card"]');
    if (cards.length) {
      t.cards = now;
      t.cardCount = cards.length;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}
