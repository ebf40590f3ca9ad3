/**
 * "Copy page structure for a bug report": the DOM around a LinkedIn top card (or a composer) as an
 * HTML skeleton with nobody's data in it, so a user can paste it into an issue and it can become a
 * fixture. Kept: tag names, roles, `aria-*` keys, `componentkey` and test-id shapes, link paths
 * reduced to their shape (`/in/<slug>/`, `/messaging/compose/?profileUrn=<urn>`). Replaced: every
 * text node (`[text:12]`) and every other attribute value (`[value:8]`). Pure: takes the element.
 */
import * as S from './selectors';

/** Attribute values that are enumerations, not data: kept as they are. */
const ENUM_VALUE = /^(?:true|false|mixed|dialog|menu|listbox|tree|grid|page|step|location|date|time|polite|assertive|off|on|button|submit|reset|text|email|search|checkbox|radio|hidden)$/;
/** Attributes whose value is LinkedIn's own code-given identifier (letters, dots, dashes; no digits). */
const STABLE_ATTRS = new Set(['data-testid', 'data-view-name', 'data-component-type', 'data-sdui-component', 'data-test-modal-id']);
const STABLE_VALUE = /^[A-Za-z][A-Za-z._-]{0,79}$/;
/** Class names that carry meaning the readers use; every other class (hashed ones) is dropped. */
const KEPT_CLASSES = new Set(['visually-hidden', 'a11y-text']);
/** Path words that are LinkedIn's routes, never a person. */
const ROUTES = new Set([
  'in', 'company', 'school', 'messaging', 'compose', 'thread', 'search', 'results', 'people', 'preload', 'custom-invite',
  'overlay', 'contact-info', 'details', 'experience', 'feed', 'mynetwork', 'notifications', 'jobs', 'view', 'posts',
  'recent-activity', 'all', 'about-this-profile', 'showcase', 'groups', 'events', 'pulse', 'newsletters',
]);
/** Elements whose content is never text a reader sees (and may hold data): shown empty. */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IMG', 'PATH']);

const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link', 'source', 'wbr']);

const MEMBER_ID = /AC[A-Za-z0-9_-]{20,}/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `com.linkedin.sdui.profile.card.ref<id>HQTopcard`, `<uuid>`, `urn:li:activity:<n>`: ids, slugs and numbers out. */
function componentKeyShape(value: string): string {
  return value
    .replace(MEMBER_ID, '<id>')
    .replace(UUID, '<uuid>')
    .replace(/[a-z0-9]+(?:-[a-z0-9]+)+/gi, '<slug>')
    .replace(/\d+/g, '<n>');
}

/** A link's shape: LinkedIn routes kept, everything naming someone or something replaced. */
export function hrefShape(href: string): string {
  if (href === '#' || href === '') return href;
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return '<href>';
  }
  if (!/(^|\.)linkedin\.com$/.test(url.hostname)) return url.protocol === 'https:' || url.protocol === 'http:' ? '<external>' : `${url.protocol}<…>`;
  const parts = url.pathname.split('/').filter(Boolean);
  const path = parts.map((part, i) => {
    const prev = parts[i - 1];
    if (prev === 'in') return /^AC[A-Za-z0-9_-]{20,}$/.test(part) ? '<id>' : '<slug>';
    if (prev === 'company' || prev === 'school' || prev === 'showcase') return '<slug>';
    return ROUTES.has(part) ? part : '<x>';
  });
  const query = Array.from(url.searchParams.keys())
    .filter((key) => /^[A-Za-z_]{1,40}$/.test(key))
    .map((key) => `${key}=${key === 'profileUrn' ? '<urn>' : key === 'recipient' || /connectionOf$/i.test(key) ? '<id>' : '<v>'}`);
  const host = url.hostname === 'www.linkedin.com' || href.startsWith('/') ? '' : 'https://<sub>.linkedin.com';
  return `${host}/${path.join('/')}${path.length ? '/' : ''}${query.length ? `?${query.join('&')}` : ''}`;
}

function attributeShape(el: Element, name: string, value: string): string | null {
  if (name === 'class') {
    const kept = value.split(/\s+/).filter((c) => KEPT_CLASSES.has(c));
    return kept.length ? kept.join(' ') : null;
  }
  if (name === 'style' || name.startsWith('on')) return null;
  if (name === 'href' && el.tagName === 'A') return hrefShape(value);
  if (name === 'componentkey') return componentKeyShape(value);
  if (name === 'role' && /^[a-z]+(?: [a-z]+)*$/.test(value)) return value;
  if (STABLE_ATTRS.has(name) && STABLE_VALUE.test(value)) return value;
  if (name === 'id' && /^(company|school|person)-/.test(value)) return `${value.split('-')[0]}-<icon>`;
  if (value === '' || ENUM_VALUE.test(value)) return value;
  return `[value:${value.length}]`;
}

function openTag(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const attrs: string[] = [];
  for (const { name, value } of Array.from(el.attributes)) {
    // Attribute names are code, not data; anything odd is dropped rather than echoed.
    if (!/^[a-z][a-z0-9_:.-]*$/i.test(name)) continue;
    const shaped = attributeShape(el, name.toLowerCase(), value);
    if (shaped !== null) attrs.push(shaped === '' ? name : `${name}="${shaped.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  }
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`;
}

/**
 * The anonymised skeleton of `root` and everything under it (open shadow roots included), one
 * element or text per line, indented. Stops after `maxNodes` nodes and says so.
 */
export function pageStructure(root: Element, maxNodes = 3000): string {
  const lines: string[] = [];
  let count = 0;
  const visit = (node: Node, depth: number): void => {
    if (count >= maxNodes) return;
    count++;
    const pad = '  '.repeat(depth);
    if (node.nodeType === 3) {
      const length = (node as Text).data.trim().length;
      if (length > 0) lines.push(`${pad}[text:${length}]`);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (VOID.has(tag)) {
      lines.push(`${pad}${openTag(el)}`);
      return;
    }
    if (OPAQUE.has(el.tagName.toUpperCase())) {
      lines.push(`${pad}${openTag(el)}</${tag}>`);
      return;
    }
    lines.push(`${pad}${openTag(el)}`);
    if (el.shadowRoot) {
      lines.push(`${pad}  #shadow-root (open)`);
      for (const child of Array.from(el.shadowRoot.childNodes)) visit(child, depth + 2);
    }
    for (const child of Array.from(el.childNodes)) visit(child, depth + 1);
    lines.push(`${pad}</${tag}>`);
  };
  visit(root, 0);
  if (count >= maxNodes) lines.push(`[cut after ${maxNodes} nodes]`);
  return lines.join('\n');
}

/**
 * The region to report on a profile page that could not be read: the box around the first link to
 * the profile being viewed in `main` that also holds a button or link besides it (the top card, if
 * the page has one we failed to recognise), else `main`, else `body`.
 */
export function structureRegion(doc: Document, slug: string | null): Element {
  const main = doc.querySelector(S.MAIN) ?? doc.body;
  if (!slug) return main;
  for (const link of Array.from(main.querySelectorAll(S.PERSON_LINK))) {
    let href = link.getAttribute('href') ?? '';
    try {
      href = decodeURIComponent(href);
    } catch {
      continue;
    }
    if (!href.toLowerCase().includes(`/in/${slug.toLowerCase()}/`) && !href.toLowerCase().endsWith(`/in/${slug.toLowerCase()}`)) continue;
    for (let box = link.parentElement; box && box !== main; box = box.parentElement) {
      if (Array.from(box.querySelectorAll('a, button')).some((a) => a !== link && !link.contains(a))) {
        return box.closest('section') ?? box;
      }
    }
  }
  return main;
}
