/**
 * The sidebar in plain DOM calls, for as long as the user only looks: the frame, the person's name,
 * headline and company, the log form with its "Log contact" button, and — as the background
 * answers — the stage and attempts of a known person and "Who can introduce you". It is drawn in
 * the task that reads the top card, with its styles inline in the shadow root (no stylesheet to
 * fetch, no answer to wait for), in exactly the markup `Sidebar` renders: the Preact sidebar is
 * loaded only when it is needed (the user reaches into the sidebar, or a known person's record
 * with its actions is shown) and hydrates these very nodes, so nothing moves and nothing typed is
 * lost. Each answer changes only its own part: the form stays the same node while it is wanted.
 */
import type { ContactView, Introducer } from '../../lib/messages';
import type { MutualConnections } from '../../lib/linkedin/mutuals';
import { STAGE_LABELS } from '../../lib/stages';
import { errorText } from '../error-text';
import { INTRO_STATUS, knownAs, mutualsLinkText, noIntroducersText, REFERRER_LIST_ID } from './sidebar-text';
import type { PageState, ShellAnswers } from './Sidebar';
import themeCss from '../theme.css?inline';
import sidebarCss from './sidebar.css?inline';

/** WXT's shadow-root reset (createShadowRootUi), then the theme and the sidebar's own rules. */
const CSS = `:host{all:initial !important;}\n${themeCss.replaceAll(':root', ':host')}\n${sidebarCss}`;

export interface ShellView {
  page: PageState;
  collapsed: boolean;
  answers: ShellAnswers | null;
  mutuals: MutualConnections | null;
}

export interface SidebarShell {
  /** The open shadow root's container: the shell draws into it, and `Sidebar` later hydrates it. */
  readonly container: HTMLElement;
  readonly host: HTMLElement;
  /** Draw `view` (until `handOver`). */
  draw(view: ShellView): void;
  /** Preact has taken the container: stop drawing and handling events. */
  handOver(): void;
  remove(): void;
}

export interface ShellEvents {
  onToggle(): void;
  /**
   * The user reached into the sidebar (pointer, focus, key): the interactive part is wanted. With
   * `replay`, an action they took (a click, a submit) that the hydrated sidebar should run.
   */
  onWanted(replay: (() => void) | null): void;
}

type Child = Node | string | null | false | undefined;

function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

const errorLine = (error: unknown) => el('p', { role: 'alert', class: 'wi-error', 'data-testid': 'wi-error' }, errorText(error));

/** Made on first use, as in Sidebar.tsx: the first Intl object of a page costs tens of milliseconds. */
let dateFmt: Intl.DateTimeFormat | null = null;
const formatDate = (t: number) => (dateFmt ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })).format(t);

/** Make `parent`'s children exactly `wanted`, moving none that stay (a focused field keeps its focus). */
function syncChildren(parent: Element, wanted: Node[]): void {
  const keep = new Set(wanted);
  for (const child of Array.from(parent.childNodes)) if (!keep.has(child)) child.remove();
  let next: ChildNode | null = parent.firstChild;
  for (const node of wanted) {
    if (node === next) next = next.nextSibling;
    else parent.insertBefore(node, next);
  }
}

export function createSidebarShell(name: string, events: ShellEvents): SidebarShell {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const body = document.createElement('div');
  shadow.append(style, body);
  let live = true;

  /** The parts kept between draws, with what they were drawn from. */
  let frame: { key: string; root: HTMLElement; fixed: Node[] } | null = null;
  let form: { profileUrl: string; node: HTMLElement } | null = null;
  let known: { view: ContactView; node: HTMLElement } | null = null;
  let intro: { key: string; node: HTMLElement } | null = null;

  // Delegated, so that nothing of the shell's stays on the nodes Preact takes over.
  body.addEventListener('click', (e) => {
    if (!live) return;
    const target = e.target as Element;
    if (target.closest('[data-testid="wi-collapse"], [data-testid="wi-sidebar-tab"]')) return events.onToggle();
    const button = target.closest('button');
    if (!button) return; // links work as links
    // The action is the hydrated sidebar's: run it there, on the same node, once it is in.
    e.preventDefault();
    e.stopImmediatePropagation();
    events.onWanted(() => button.click());
  });
  body.addEventListener('submit', (e) => {
    if (!live) return;
    e.preventDefault(); // never let a form in LinkedIn's page navigate it
    const form = e.target as HTMLFormElement;
    events.onWanted(() => form.requestSubmit());
  });
  for (const type of ['pointerdown', 'focusin', 'keydown']) {
    body.addEventListener(type, (e) => {
      if (!live || (e.target as Element).closest?.('[data-testid="wi-collapse"], [data-testid="wi-sidebar-tab"]')) return;
      events.onWanted(null);
    });
  }

  const draw = (view: ShellView) => {
    if (!live) return;
    const { page, collapsed } = view;
    const key = collapsed ? 'tab' : `${page.kind}:${page.kind === 'profile' ? JSON.stringify(page.profile) : page.profileUrl}`;
    if (frame?.key !== key) {
      form = known = intro = null;
      frame = collapsed ? { key, root: tab(), fixed: [] } : { key, ...aside(page) };
      syncChildren(body, [frame.root]);
    }
    if (collapsed || page.kind !== 'profile') return;
    const { profile } = page;
    const answers = view.answers?.profileUrl === profile.profileUrl ? view.answers : null;
    const lookup = answers?.lookup;
    const parts: Node[] = [...frame.fixed];
    // As ProfileBody (Sidebar.tsx): an error alone, or (an error line and) the record or the form.
    if (lookup?.error && lookup.data === undefined) parts.push(errorLine(lookup.error));
    else {
      if (lookup?.error) parts.push(errorLine(lookup.error));
      if (lookup?.data) {
        if (known?.view !== lookup.data) known = { view: lookup.data, node: knownRecord(lookup.data) };
        parts.push(known.node);
      } else {
        if (form?.profileUrl !== profile.profileUrl) form = { profileUrl: profile.profileUrl, node: logForm() };
        parts.push(form.node);
      }
    }
    // As Introducers (Introducers.tsx).
    const list = answers?.introducers;
    const hidden = !!lookup?.data?.contact.referrer || (!!list?.error && list.data === undefined && lookup?.data === undefined);
    if (!hidden) {
      const introKey = JSON.stringify([list?.data, list?.error ? errorText(list.error) : null, view.mutuals?.listUrl, view.mutuals?.names.length, view.mutuals?.others]);
      if (intro?.key !== introKey) intro = { key: introKey, node: introducers(profile.name, list, view.mutuals) };
      parts.push(intro.node);
    }
    syncChildren(frame.root, parts);
  };

  return {
    container: body,
    host,
    draw,
    handOver() {
      live = false;
      frame = form = known = intro = null;
    },
    remove() {
      live = false;
      host.remove();
    },
  };
}

function tab(): HTMLElement {
  return el('button', { type: 'button', class: 'wi-tab', 'data-testid': 'wi-sidebar-tab', 'aria-label': 'Open Warm Intro', 'aria-expanded': 'false' }, 'Warm Intro');
}

/** The frame and what never changes for this page state (the person's facts). */
function aside(page: PageState): { root: HTMLElement; fixed: Node[] } {
  const collapse = el('button', { type: 'button', class: 'wi-quiet', 'aria-label': 'Collapse Warm Intro', 'aria-expanded': 'true', 'data-testid': 'wi-collapse' }, '›');
  const header = el('header', { class: 'wi-sidebar__header' }, el('span', { class: 'wi-brand' }, 'Warm Intro'), collapse);
  const fixed: Node[] = [header];
  if (page.kind === 'reading') fixed.push(el('p', { class: 'wi-quiet' }, 'Reading this profile…'));
  // Its manual form and report button are the Preact sidebar's, loaded at once for this page.
  if (page.kind === 'unreadable') {
    fixed.push(el('div', { 'data-testid': 'wi-unreadable' }, el('p', { class: 'wi-quiet' }, "Couldn't read this profile. You can still log the person by hand.")));
  }
  if (page.kind === 'profile') {
    const { profile } = page;
    fixed.push(el('h2', { 'data-testid': 'wi-profile-name' }, profile.name));
    if (profile.headline) fixed.push(el('p', { class: 'wi-quiet wi-headline' }, profile.headline));
    fixed.push(el('p', { class: 'wi-quiet wi-meta' }, [profile.company, profile.location].filter(Boolean).join(' · ')));
  }
  const root = el('aside', { class: 'wi-sidebar', 'data-testid': 'wi-sidebar', 'aria-label': 'Warm Intro' });
  root.append(...fixed);
  return { root, fixed };
}

/** LogForm (Sidebar.tsx) for a profile that was read, empty. */
function logForm(): HTMLElement {
  return el(
    'form',
    { class: 'wi-log' },
    el(
      'div',
      { class: 'wi-picker' },
      el(
        'label',
        { class: 'wi-field' },
        el('span', {}, 'Referred by'),
        el('input', {
          type: 'text',
          role: 'combobox',
          'aria-expanded': 'false',
          'aria-controls': REFERRER_LIST_ID,
          'aria-autocomplete': 'list',
          placeholder: 'Who introduced you? (optional)',
          'data-testid': 'wi-referrer',
        }),
      ),
    ),
    el('label', { class: 'wi-field' }, el('span', {}, 'Note'), el('textarea', { rows: '2', 'data-testid': 'wi-note' })),
    el('button', { type: 'submit', 'data-testid': 'wi-log-contact' }, 'Log contact'),
  );
}

/** The top of Known (Sidebar.tsx): stage, attempts, referrer; the rest comes with the Preact sidebar, below them. */
function knownRecord(view: ContactView): HTMLElement {
  const { contact, status } = view;
  const facts = el(
    'dl',
    { class: 'wi-facts' },
    el('dt', {}, 'Stage'),
    el('dd', { 'data-testid': 'wi-stage' }, STAGE_LABELS[contact.stage]),
    el('dt', {}, 'Attempts'),
    el(
      'dd',
      { 'data-testid': 'wi-attempts' },
      `${status.attemptsUsed} of ${status.attemptsAllowed}`,
      status.nextFollowUpAt !== null && contact.stage !== 'moved-on' && el('span', { class: 'wi-quiet' }, ` · next follow-up ${formatDate(status.nextFollowUpAt)}`),
    ),
  );
  if (view.referrerName) facts.append(el('dt', {}, 'Referred by'), el('dd', { 'data-testid': 'wi-referrer-name' }, view.referrerName));
  return el('div', { class: 'wi-known' }, facts);
}

/** Introducers (Introducers.tsx), read-only: its buttons come alive with the Preact sidebar. */
function introducers(name: string, list: { data?: Introducer[]; error?: unknown } | undefined, mutuals: MutualConnections | null): HTMLElement {
  let content: HTMLElement;
  if (list?.error && list.data === undefined) content = errorLine(list.error);
  else if (list?.data === undefined) content = el('p', { class: 'wi-quiet' }, 'Looking for people you know…');
  else if (list.data.length === 0) content = el('p', { class: 'wi-quiet', 'data-testid': 'wi-introducers-empty' }, noIntroducersText(name));
  else content = el('ul', { class: 'wi-introducers__list' }, ...list.data.map(introducer));
  return el(
    'section',
    { class: 'wi-introducers', 'aria-labelledby': 'wi-introducers-title', 'data-testid': 'wi-introducers' },
    el('h3', { id: 'wi-introducers-title' }, 'Who can introduce you'),
    content,
    mutuals?.listUrl && el('a', { class: 'wi-quiet wi-introducers__all', href: mutuals.listUrl, 'data-testid': 'wi-mutuals-link' }, mutualsLinkText(mutuals)),
  );
}

function introducer(i: Introducer): HTMLElement {
  const status = i.introduction?.status ?? null;
  return el(
    'li',
    { class: 'wi-introducer', 'data-testid': 'wi-introducer' },
    el(
      'div',
      { class: 'wi-introducer__head' },
      el('span', { class: 'wi-introducer__name', 'data-testid': 'wi-introducer-name' }, i.name),
      el('span', { class: 'wi-known-as', 'data-testid': 'wi-introducer-known' }, knownAs(i)),
    ),
    el('ul', { class: 'wi-introducer__reasons' }, ...i.reasons.map((r) => el('li', { 'data-testid': 'wi-introducer-reason' }, r.text))),
    status && status !== 'suggested'
      ? el('p', { class: 'wi-quiet', 'data-testid': 'wi-introducer-status' }, INTRO_STATUS[status])
      : el('button', { type: 'button', class: 'wi-quiet', 'data-testid': 'wi-intro-ask' }, 'Ask for an introduction'),
  );
}
