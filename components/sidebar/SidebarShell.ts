/**
 * The sidebar's first paint, in plain DOM calls: the frame, the person's name, headline and
 * company, and a reserved place for what the background knows about them. It is drawn in the same
 * task that reads the top card, with its styles inline in the shadow root (no stylesheet to fetch,
 * no answer to wait for), in exactly the markup `Sidebar` (Preact, loaded on first use) renders, so
 * nothing moves when that takes over and fills in the stage, the attempts and the forms.
 */
import type { PageState } from './Sidebar';
import themeCss from '../theme.css?inline';
import sidebarCss from './sidebar.css?inline';

/** WXT's shadow-root reset (createShadowRootUi), then the theme and the sidebar's own rules. */
const CSS = `:host{all:initial !important;}\n${themeCss.replaceAll(':root', ':host')}\n${sidebarCss}`;

export interface SidebarShell {
  /** The open shadow root's container: the shell draws into it, and so does `Sidebar` later. */
  readonly container: HTMLElement;
  readonly host: HTMLElement;
  /** Draw the first paint of `page` (until `Sidebar` renders into `container`). */
  draw(page: PageState, collapsed: boolean, onToggle: () => void): void;
  remove(): void;
}

type Child = Node | string | null | false | undefined;

function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function createSidebarShell(name: string): SidebarShell {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const body = document.createElement('div');
  shadow.append(style, body);
  return {
    container: body,
    host,
    draw(page, collapsed, onToggle) {
      body.replaceChildren(collapsed ? tab(onToggle) : aside(page, onToggle));
    },
    remove() {
      host.remove();
    },
  };
}

function tab(onToggle: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'wi-tab', 'data-testid': 'wi-sidebar-tab', 'aria-label': 'Open Warm Intro', 'aria-expanded': 'false' }, 'Warm Intro');
  button.addEventListener('click', onToggle);
  return button;
}

function aside(page: PageState, onToggle: () => void): HTMLElement {
  const collapse = el('button', { type: 'button', class: 'wi-quiet', 'aria-label': 'Collapse Warm Intro', 'aria-expanded': 'true', 'data-testid': 'wi-collapse' }, '›');
  collapse.addEventListener('click', onToggle);
  const header = el('header', { class: 'wi-sidebar__header' }, el('span', { class: 'wi-brand' }, 'Warm Intro'), collapse);
  const body: Child[] = [];
  if (page.kind === 'reading') body.push(el('p', { class: 'wi-quiet' }, 'Reading this profile…'));
  if (page.kind === 'unreadable') {
    body.push(el('div', { 'data-testid': 'wi-unreadable' }, el('p', { class: 'wi-quiet' }, "Couldn't read this profile. You can still log the person by hand.")));
  }
  if (page.kind === 'profile') {
    const { profile } = page;
    body.push(
      el('h2', { 'data-testid': 'wi-profile-name' }, profile.name),
      profile.headline && el('p', { class: 'wi-quiet wi-headline' }, profile.headline),
      el('p', { class: 'wi-quiet wi-meta' }, [profile.company, profile.location].filter(Boolean).join(' · ')),
      el('p', { class: 'wi-quiet' }, 'Looking them up…'),
    );
  }
  return el('aside', { class: 'wi-sidebar', 'data-testid': 'wi-sidebar', 'aria-label': 'Warm Intro' }, header, ...body);
}
