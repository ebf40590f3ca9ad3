/**
 * Reads the person shown on a LinkedIn profile page: name, headline, current company, location and
 * member id. Works on the logged-in classic layout, the logged-out public page, the 2025–26
 * server-driven layout with hashed class names and the 2026 rebuilt profile, whose hero card has no
 * marker and is found by meaning (see `heroCards`). Returns null rather than guess.
 */
import { cleanText } from '../dom';
import { canonicalProfileUrl, isMemberIdSlug, profileSlug } from './url';
import * as S from './selectors';

export type LinkedInProfile = {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  profileUrl: string;
  /** LinkedIn's member id (`ACoAA…`, case kept), only when the card being read provably carries it. */
  memberId: string | null;
};

// ------------------------------------------------------------------------------------ reading text

/** Person-readable text: trimmed, collapsed, NFC (so a decomposed "ë" matches a composed one). */
function tidy(text: string | null | undefined): string {
  return cleanText(text).normalize('NFC');
}

// Inline elements whose text belongs to the line of their parent.
const PHRASING = new Set(
  ['B', 'STRONG', 'EM', 'I', 'U', 'TIME', 'BDI', 'BDO', 'ABBR', 'SMALL', 'MARK', 'SUB', 'SUP', 'CODE', 'Q', 'S'],
);

function isSkipped(el: Element, skip?: string): boolean {
  return el.matches(S.NOT_VISIBLE_TEXT) || (skip !== undefined && el.matches(skip));
}

function collectText(node: Node, skip: string | undefined, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push((child as Text).data);
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'BR') out.push(' ');
      else if (!isSkipped(el, skip)) collectText(el, skip, out);
    }
  }
}

/**
 * The text a sighted reader sees in `el`. LinkedIn repeats most text in a `span[aria-hidden]` and a
 * `.visually-hidden` twin, so `textContent` doubles it; the screen-reader copies are skipped here,
 * and only when nothing else is left is the first of them used.
 */
export function readText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  collectText(el, undefined, parts);
  const text = tidy(parts.join(''));
  if (text) return text;
  return tidy(el.querySelector('.visually-hidden, .a11y-text')?.textContent);
}

/**
 * The visible lines of `root` in document order: one per element that holds text of its own
 * (with its inline children). Classic cards put each line in its own span, sdui in its own `<p>`.
 */
export function readLines(root: Element, skip?: string): string[] {
  const lines: string[] = [];
  const visit = (el: Element): void => {
    const own: string[] = [];
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) own.push((child as Text).data);
      else if (child.nodeType === 1) {
        const c = child as Element;
        if (c.tagName === 'BR') own.push(' ');
        else if (PHRASING.has(c.tagName) && !isSkipped(c, skip)) collectText(c, skip, own);
      }
    }
    const line = tidy(own.join(''));
    if (line) lines.push(line);
    for (const child of Array.from(el.children)) {
      if (!PHRASING.has(child.tagName) && child.tagName !== 'BR' && !isSkipped(child, skip)) visit(child);
    }
  };
  if (!isSkipped(root, skip)) visit(root);
  return lines;
}

/** `href` resolved against the page URL, or null when either is not a URL. */
export function resolveHref(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function sameText(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

// ---------------------------------------------------------------------------------- page structure

/** True when `el` sits in a region of `within` that shows other people (right rail, sdui aside). */
function inOtherPeople(el: Element, within: Element): boolean {
  for (let node: Element | null = el; node && node !== within; node = node.parentElement) {
    if (node.matches(S.NOT_THE_PROFILE)) return true;
  }
  return false;
}

function firstOutsideOthers(root: Element, selector: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) if (!inOtherPeople(el, root)) return el;
  return null;
}

function findMain(doc: Document): Element | null {
  return doc.querySelector(S.MAIN);
}

/** How the top card was found: a known marker, the 2026 hero by meaning, or a generic heading. */
type TopCard = { card: Element; generic: boolean; hero?: boolean };

/** The slug of `href` when it is a person's profile itself (`/in/<slug>/`, no overlay or details path). */
function profileLinkSlug(href: string | null, base: string): string | null {
  const resolved = resolveHref(href, base);
  if (resolved === null) return null;
  if (new URL(resolved).pathname.split('/').filter(Boolean).length !== 2) return null;
  return profileSlug(resolved);
}

/** Links in `root` to the profile `slug` itself (any slug when null). */
function selfLinks(root: Element, slug: string | null, base: string): Element[] {
  return Array.from(root.querySelectorAll(S.PERSON_LINK)).filter((a) => {
    const s = profileLinkSlug(a.getAttribute('href'), base);
    return s !== null && (slug === null || s === slug);
  });
}

/** A post (it links to the profile and has a control menu too): an article, or a list item with a time. */
function inPost(el: Element): boolean {
  const item = el.closest(S.POST);
  return item !== null && (item.matches(S.ARTICLE) || item.querySelector(S.POST_TIME) !== null);
}

/** A line like "· 1st", "• 2nd", "· 2e", "· 1.", or "3rd+ degree connection": a connection degree, not a headline. */
function isDegree(line: string): boolean {
  if (DEGREE.test(line)) return true;
  // Screen-reader degree text starts with the ordinal; keep it short so "1st Lieutenant, US Army" stays rare.
  return line.length <= 40 && /^\d{1,2}(?:st|nd|rd|th|er|re|e|ème|a|:a|\.|º|°)?\+?(?:\s|$)/iu.test(line) && line.split(/\s+/).length <= 3;
}

/**
 * True when `card` is one of a list of person cards ("People also viewed", "More profiles for
 * you"): a sibling box is about exactly one other person. The hero's siblings are whole sections
 * (posts, Experience, a list of several people), never a card about one other person.
 */
function inPeopleList(card: Element, main: Element, base: string): boolean {
  let box = card;
  // Each card may sit alone in its own wrapper (`data-display-contents`): compare the wrappers.
  while (box.parentElement && box.parentElement !== main && box.parentElement.children.length === 1) box = box.parentElement;
  const own = new Set(selfLinks(card, null, base).map((a) => profileLinkSlug(a.getAttribute('href'), base)));
  for (const sib of Array.from(box.parentElement?.children ?? [])) {
    if (sib === box) continue;
    const links = selfLinks(sib, null, base);
    const people = new Set(links.map((a) => profileLinkSlug(a.getAttribute('href'), base)));
    if (people.size !== 1 || Array.from(people).some((p) => own.has(p)) || !links[0]) continue;
    // A card, not a section that holds one: the box around its link with an action is the sibling itself.
    const its = actionBox(links[0], sib);
    if (its !== null && sib.contains(its) && (its === sib || sib.children.length === 1)) return true;
  }
  return false;
}

/** The nearest box around `link` (up to, not including, `stop`) that holds an action besides the link. */
function actionBox(link: Element, stop: Element): Element | null {
  const hasAction = (el: Element) => Array.from(el.querySelectorAll(S.PROFILE_ACTION)).some((a) => !link.contains(a));
  let box = link.parentElement;
  while (box && box !== stop && !hasAction(box)) box = box.parentElement;
  return box === stop ? (hasAction(stop) ? stop : null) : box;
}

/**
 * 2026 rebuilt profile: the hero is, by meaning, the nearest box around a link to the profile being
 * viewed (`slug`) that also holds an action (Message link, Connect link, More). Boxes of the
 * person's posts are left out (see `inPost`), and so are regions showing other people.
 */
function heroCards(main: Element, slug: string | null, base: string): Element[] {
  const byId = slug !== null && isMemberIdSlug(slug);
  const cards = new Set<Element>();
  for (const link of selfLinks(main, byId ? null : slug, base)) {
    if (inOtherPeople(link, main) || inPost(link)) continue;
    const card = actionBox(link, main);
    if (!card || card === main || inPost(card) || card.querySelector(S.POST_TIME) || inPeopleList(card, main, base)) continue;
    // Opened as /in/<member id>/: the card must carry that id.
    if (byId && memberIdIn(card, base) !== slug) continue;
    cards.add(card);
  }
  return Array.from(cards);
}

/**
 * Which hero candidate is the hero. The sticky bar comes first in the document and repeats name,
 * headline and actions, so document order is wrong; its position (fixed/sticky) can't be read
 * without layout. What can: the hero shows the connection degree ("· 1st") and the sticky bar
 * does not; among equals (your own profile shows no degree) the card with the most lines wins —
 * the hero also has location, company and connections. A hero whose name can't be read yet gives
 * way to the next card (the sticky bar) rather than leaving the page unread.
 */
function rankHeroes(cards: Element[]): Element[] {
  const score = (card: Element) => {
    const lines = readLines(card);
    return (lines.some(isDegree) ? 10_000 : 0) + lines.length;
  };
  return cards
    .map((card) => ({ card, score: score(card) }))
    .sort((a, b) => b.score - a.score)
    .map((c) => c.card);
}

/** The member id named by the card's Message link or mutual-connections link; null when none or they disagree. */
function memberIdIn(card: Element, base: string): string | null {
  const ids = new Set<string>();
  const add = (v: string | null | undefined) => {
    if (v && isMemberIdSlug(v)) ids.add(v);
  };
  const urlOf = (a: Element): URL | null => {
    const href = resolveHref(a.getAttribute('href'), base);
    return href === null ? null : new URL(href);
  };
  for (const a of Array.from(card.querySelectorAll(S.COMPOSE_LINK))) {
    const u = urlOf(a);
    if (!u) continue;
    add(u.searchParams.get('recipient'));
    add(/^urn:li:fsd?_profile:(.+)$/.exec(u.searchParams.get('profileUrn') ?? '')?.[1]);
  }
  for (const a of Array.from(card.querySelectorAll(S.CONNECTION_OF_LINK))) {
    const u = urlOf(a);
    const facet = u ? (u.searchParams.get('facetConnectionOf') ?? u.searchParams.get('connectionOf') ?? '') : '';
    for (const m of facet.matchAll(/AC[A-Za-z0-9_-]{20,}/g)) add(m[0]);
  }
  return ids.size === 1 ? (ids.values().next().value ?? null) : null;
}

/**
 * The profile's top card. `generic` also accepts the section around `main`'s first `h1` (or, for
 * sdui pages without a componentkey, `main`'s first section with a heading) — only on the profile
 * page itself, where that heading is the person and not a sub-page title like "Experience".
 */
function findTopCard(main: Element, allowGeneric: boolean, slug: string | null, base: string): TopCard | null {
  for (const selector of S.TOP_CARD) {
    const card = firstOutsideOthers(main, selector);
    if (card) return { card, generic: false };
  }
  if (!allowGeneric) return null;
  const hero = rankHeroes(heroCards(main, slug, base)).find((card) => heroName(card, slug, base) !== null);
  if (hero) return { card: hero, generic: false, hero: true };
  const { heading, section, sectionHeading } = S.GENERIC_TOP_CARD;
  const h1 = firstOutsideOthers(main, heading);
  const around = h1 ? (h1.closest(section) ?? h1.parentElement) : null;
  if (around) return { card: around, generic: true };
  for (const candidate of Array.from(main.querySelectorAll(section))) {
    if (!inOtherPeople(candidate, main) && candidate.querySelector(sectionHeading)) return { card: candidate, generic: true };
  }
  return null;
}

/** The element holding the person's name inside `card`. */
function findNameElement(card: Element): Element | null {
  // classic, public: the card's h1.
  const h1 = firstOutsideOthers(card, S.NAME_H1);
  if (h1) return h1;
  // sdui: the h2 inside the link to the profile itself, else the card's first h2.
  for (const link of Array.from(card.querySelectorAll(S.PERSON_LINK))) {
    const h2 = link.querySelector(S.NAME_H2);
    if (h2 && !inOtherPeople(link, card)) return h2;
  }
  return firstOutsideOthers(card, S.NAME_H2);
}

/**
 * The name in a 2026 hero: its `h1` if any, else the profile link's heading or first line, else the
 * `aria-label` of a box inside that link (the name may only be there) — never a photo's label.
 */
function heroName(card: Element, slug: string | null, base: string): { name: string; el: Element } | null {
  const h1 = firstOutsideOthers(card, S.NAME_H1);
  const fromH1 = h1 ? plausibleName(readText(h1)) : null;
  if (h1 && fromH1) return { name: fromH1, el: h1 };
  const links = selfLinks(card, slug !== null && isMemberIdSlug(slug) ? null : slug, base);
  for (const link of links) {
    const heading = link.querySelector(S.NAME_IN_LINK);
    const name = plausibleName(heading ? readText(heading) : (readLines(link)[0] ?? ''));
    if (name) return { name, el: link };
  }
  for (const link of links) {
    for (const box of Array.from(link.querySelectorAll(S.LABELLED))) {
      if (box.matches(S.ICON) || box.closest('svg') || box.querySelector(S.PHOTO)) continue;
      const name = plausibleName(tidy(box.getAttribute('aria-label')));
      if (name) return { name, el: link };
    }
  }
  return null;
}

/** A plausible display name, or null (empty, absurdly long, or the site's own name). */
function plausibleName(text: string): string | null {
  if (!text || text.length > 200 || sameText(text, 'LinkedIn')) return null;
  return text;
}

/**
 * The name in the profile's top card, or null when there is no top card. The content script
 * compares it before and after a client-side navigation: LinkedIn changes the URL first and swaps
 * the card about 300 ms later, so a changed name means the new person is on screen.
 */
export function topCardName(doc: Document, url?: string): string | null {
  const main = findMain(doc);
  const base = url ?? doc.URL;
  const found = main ? findTopCard(main, true, url === undefined ? null : profileSlug(url), base) : null;
  if (!found) return null;
  if (found.hero) return heroName(found.card, url === undefined ? null : profileSlug(url), base)?.name ?? null;
  const name = plausibleName(readText(findNameElement(found.card)));
  return name && (!found.generic || corroborated(doc, found.card, name)) ? name : null;
}

/**
 * Whether the page at `url` shows a top card that the HTML parser has finished: it, or one of its
 * ancestors, already has a following sibling. A card still being parsed (a streamed page read at
 * `document_start`) may lack its headline or company, so it is not read yet.
 */
export function topCardParsed(doc: Document, url: string): boolean {
  const main = findMain(doc);
  const found = main ? findTopCard(main, true, profileSlug(url), url) : null;
  for (let node: Node | null = found?.card ?? null; node && node !== doc.documentElement; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------ JSON-LD

// JSON-LD is checked by hand rather than with zod: this runs inside LinkedIn's page, where every
// kilobyte of the content script counts, and only a handful of string fields are read.
type Organization = { name?: string; ended: boolean };
type Person = { name: string; url?: string; headline?: string; address?: { addressLocality?: string }; worksFor: Organization[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The fields we read from a JSON-LD `Person`, each only when it has the expected type. */
function asPerson(node: Record<string, unknown>): Person | null {
  const name = str(node.name);
  if (!name) return null;
  const orgs = Array.isArray(node.worksFor) ? node.worksFor : node.worksFor === undefined ? [] : [node.worksFor];
  return {
    name,
    url: str(node.url),
    headline: str(node.headline),
    address: isObject(node.address) ? { addressLocality: str(node.address.addressLocality) } : undefined,
    worksFor: orgs.filter(isObject).map((o) => ({
      name: str(o.name),
      ended: o.endDate !== undefined || (isObject(o.member) && o.member.endDate !== undefined),
    })),
  };
}

function isPersonType(type: unknown): boolean {
  return type === 'Person' || (Array.isArray(type) && type.includes('Person'));
}

/** Every object in a JSON-LD document that could be the `Person`: top level, `@graph`, `mainEntity`. */
function* jsonLdNodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdNodes(item);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    yield obj;
    if (obj['@graph']) yield* jsonLdNodes(obj['@graph']);
    if (obj.mainEntity) yield* jsonLdNodes(obj.mainEntity);
  }
}

/** Every JSON-LD object of the page's scripts (a script that doesn't parse is skipped). */
export function* pageJsonLdNodes(doc: Document): Generator<Record<string, unknown>> {
  for (const script of Array.from(doc.querySelectorAll(S.JSON_LD))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    yield* jsonLdNodes(data);
  }
}

/** The public page's JSON-LD `Person` for `slug` (one naming another profile is ignored). */
function findJsonLdPerson(doc: Document, slug: string): Person | null {
  for (const node of pageJsonLdNodes(doc)) {
    if (!isPersonType(node['@type'])) continue;
    const person = asPerson(node);
    if (!person) continue;
    const own = person.url ? profileSlug(person.url) : null;
    if (own !== null && own !== slug) continue;
    return person;
  }
  return null;
}

/** Current employer: the first `worksFor` without an end date (LinkedIn lists current first). */
function jsonLdCompany(person: Person): string | null {
  for (const org of person.worksFor) {
    if (org.ended) continue;
    const name = tidy(org.name);
    if (name) return name;
  }
  return null;
}

/**
 * The public page's own headline: JSON-LD `headline` if given, else what the title (or og:title)
 * says after the name (`Name - Headline | LinkedIn`) unless that is the employer. Not `jobTitle`:
 * it lists job titles, past ones too, in no promised order.
 */
function publicHeadline(doc: Document, person: Person): string | null {
  const own = tidy(person.headline);
  if (own) return own;
  for (const title of [doc.title, doc.querySelector(S.OG_TITLE)?.getAttribute('content') ?? '']) {
    const text = tidy(title).replace(/^\(\d+\+?\)\s*/, '').replace(/\s*[|–-]\s*LinkedIn\s*$/i, '');
    const m = /^(.+?)\s[–—-]\s(.+)$/u.exec(text);
    if (!m || !sameText(tidy(m[1]), tidy(person.name))) continue;
    const rest = tidy(m[2]);
    if (rest && !person.worksFor.some((o) => sameText(tidy(o.name), rest))) return rest;
  }
  return null;
}

// --------------------------------------------------------------------------------------- name

/** `(3) Olivia Hartmann | LinkedIn` → `Olivia Hartmann`; public `Name - Headline | LinkedIn` → `Name`. */
function nameFromTitle(title: string): string | null {
  const text = tidy(title)
    .replace(/^\(\d+\+?\)\s*/, '')
    .replace(/\s*[|–-]\s*LinkedIn\s*$/i, '');
  const name = tidy(text.split(/\s[|–—-]\s/)[0]);
  return plausibleName(name);
}

/** True when `card` has a photo labelled `name` (a company's logo says "… logo"; its h1 title doesn't count). */
function photoNames(card: Element, name: string): boolean {
  return Array.from(card.querySelectorAll('img')).some((img) =>
    ['alt', 'title'].some((attr) => sameText(tidy(img.getAttribute(attr)), name)),
  );
}

/** True when `card` shows `name` as a line of its own or on a photo. */
function shownIn(card: Element, name: string): boolean {
  return readLines(card).some((line) => sameText(line, name)) || photoNames(card, name);
}

/**
 * A heading found without a known top-card marker must be confirmed as a person's name — by the
 * page title or a photo labelled with it — so "This page doesn't exist" is never a contact.
 */
function corroborated(doc: Document, card: Element, name: string): boolean {
  const fromTitle = nameFromTitle(doc.title);
  return (fromTitle !== null && sameText(fromTitle, name)) || photoNames(card, name);
}

// ----------------------------------------------------------------------------------- headline

const DEGREE = /^[·•]/; // "· 2nd", "· 1.", "· 3rd+" in any language (see isDegree)
const PRONOUNS = /^\(?(?:he|she|they|ze|xe|him|her|them|his|hers|theirs)(?:\s*\/\s*\p{L}+)+\)?$/iu;

/**
 * The first real line after the name block (sdui has no headline marker): walks the siblings
 * that follow the name outward, skipping buttons and links (photo, company, Contact info).
 */
function headlineAfterName(card: Element, nameEl: Element, exclude: (line: string) => boolean): string | null {
  const skip = S.NOT_HEADLINE;
  for (let block: Element | null = nameEl; block && block !== card; block = block.parentElement) {
    for (let sib = block.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(skip)) continue;
      const line = readLines(sib, skip).find((l) => !exclude(l));
      if (line) return line;
    }
  }
  return null;
}

// ----------------------------------------------------------------------------------- location

/** The line before Contact info in the top card (classic, sdui: `Place · Contact info`). */
function locationBeforeContactInfo(card: Element): string | null {
  const link = card.querySelector(S.CONTACT_INFO_LINK);
  if (!link) return null;
  const linkText = readText(link);
  let row: Element | null = link.parentElement;
  for (let depth = 0; row && depth < 4; depth++, row = row === card ? null : row.parentElement) {
    const lines = readLines(row);
    const at = lines.indexOf(linkText);
    const before = (at < 0 ? lines : lines.slice(0, at)).filter((l) => l !== '·' && l !== linkText);
    // The first box around the link that holds anything else is its row: one line there is the
    // place; more means the row is the whole card (no location shown) and the line would be the
    // headline or the company.
    if (before.length > 0) return before.length === 1 ? (before[0] ?? null) : null;
  }
  return null;
}

// ------------------------------------------------------------------------------------ company

type Entry = { company: string | null; current: boolean | null };

/** `Mar 2021 - Present · 4 yrs` → true; `Jun 2017 - Feb 2021 · …` → false; not a date range → null. */
function rangeIsCurrent(line: string): boolean | null {
  const range = line.split(' · ')[0] ?? '';
  const parts = range.split(/\s[-–—]\s/);
  const [start, end] = parts;
  if (parts.length !== 2 || start === undefined || end === undefined || !/\d{4}/.test(start)) return null;
  // A closed range ends in a date; an open one in a word ("Present", "Heute", "obecnie", "現在").
  if (/\d{4}/.test(end)) return false;
  return /\d/.test(end) ? null : true;
}

function findExperienceSection(main: Element): Element | null {
  for (const selector of S.EXPERIENCE_SECTION) {
    const section = firstOutsideOthers(main, selector);
    if (section) return section;
  }
  const anchor = main.querySelector(S.EXPERIENCE_ANCHOR);
  return anchor ? (anchor.closest('section') ?? anchor.parentElement) : null;
}

function experienceEntries(section: Element): Element[] {
  for (const selector of S.EXPERIENCE_ENTRY) {
    const entries = Array.from(section.querySelectorAll(selector)).filter((el) => {
      // Nested positions of a grouped entry are part of their group, not entries of their own.
      const outer = el.parentElement?.closest(selector);
      return !outer || !section.contains(outer);
    });
    if (entries.length > 0) return entries;
  }
  return [];
}

/** Company and whether the job is ongoing, from one Experience entry; nulls when unsure. */
function parseEntry(entry: Element): Entry {
  // public: one <time> in the date range means it has no end.
  const publicRange = entry.querySelector(S.PUBLIC_DATE_RANGE);
  if (publicRange && publicRange.querySelector('time')) {
    const company = tidy(entry.querySelector(S.PUBLIC_ENTRY_COMPANY)?.textContent) || null;
    return { company, current: publicRange.querySelectorAll('time').length === 1 };
  }
  const elements: Element[] = [];
  const lines: string[] = [];
  // Keep each line's element, to know whether the date sits in a nested position list.
  const walker = entry.ownerDocument.createTreeWalker(entry, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = entry as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.closest(S.NOT_VISIBLE_TEXT)) continue;
    const own = tidy(
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => (n as Text).data)
        .join(''),
    );
    if (own) {
      elements.push(el);
      lines.push(own);
    }
  }
  const at = lines.findIndex((l) => rangeIsCurrent(l) !== null);
  if (at < 0) return { company: null, current: null };
  const current = rangeIsCurrent(lines[at] ?? '');
  const li = elements[at]?.closest('li');
  const grouped = li !== null && li !== undefined && li !== entry && entry.contains(li);
  // Grouped (several roles at one company): the group's first line is the company.
  if (grouped) return { company: lines[0] ?? null, current };
  // Single role: title, then "Company · Employment type", then the dates.
  const second = at >= 2 ? lines[1] : undefined;
  const company = second ? tidy(second.split(' · ')[0]) || null : null;
  return { company, current };
}

/** The companies Experience lists (to recognise a top-card item as a company in any language). */
function experienceCompanies(section: Element | null): string[] {
  if (!section) return [];
  return experienceEntries(section)
    .map((e) => parseEntry(e).company)
    .filter((c): c is string => c !== null);
}

/**
 * An organisation button's name: its first line. Some layouts repeat the name for screen readers in
 * an element with a hashed class, which `readText` would join ("Acme ABAcme AB").
 */
function orgName(el: Element): string {
  const first = readLines(el)[0] ?? '';
  const half = first.length / 2;
  return Number.isInteger(half) && half > 0 && first.slice(0, half) === first.slice(half) ? first.slice(0, half) : first;
}

/** `knownCompanies` is read only if the card has organisation items to check against it. */
function topCardCompany(card: Element, knownCompanies: () => string[]): string | null {
  for (const selector of S.TOP_CARD_COMPANY) {
    const el = firstOutsideOthers(card, selector);
    const text = el ? orgName(el) : '';
    if (text) return text;
  }
  // Any UI language: a top-card organisation that Experience also lists as a company.
  for (const item of Array.from(card.querySelectorAll(S.TOP_CARD_ORG_ITEMS))) {
    const text = orgName(item);
    if (text && knownCompanies().some((c) => sameText(c, text))) return text;
  }
  return null;
}

// -------------------------------------------------------------------------------------- entry

/**
 * The person on the profile page at `url`, or null when `url` is not a person's profile (company,
 * feed, search, jobs, messaging) or the page shows no readable person — including the moment after
 * a client-side navigation when the previous person's card is still on screen.
 */
export function extractProfile(doc: Document, url: string): LinkedInProfile | null {
  const slug = profileSlug(url);
  const profileUrl = canonicalProfileUrl(url);
  if (slug === null || profileUrl === null) return null;
  // The profile itself or an overlay over it (contact info, about-this-profile); not /details/ pages.
  const sub = new URL(resolveHref(url, 'https://www.linkedin.com/') ?? profileUrl).pathname.split('/').filter(Boolean)[2];
  const onProfile = sub === undefined || sub === 'overlay';

  const main = findMain(doc);
  const found = main ? findTopCard(main, onProfile, slug, url) : null;
  const person = findJsonLdPerson(doc, slug);
  if (!main || !found) {
    // A public page whose markup we don't know still carries its JSON-LD for this very URL.
    const name = person ? plausibleName(tidy(person.name)) : null;
    if (!name || !person) return null;
    const location = tidy(person.address?.addressLocality) || null;
    return { name, headline: publicHeadline(doc, person), company: jsonLdCompany(person), location, profileUrl, memberId: null };
  }
  const { card } = found;

  // A card whose own links all name another profile is the previous person (SPA navigation).
  const cardSlugs = Array.from(card.querySelectorAll(S.PERSON_LINK))
    .map((a) => resolveHref(a.getAttribute('href'), url))
    .map((href) => (href === null ? null : profileSlug(href)))
    .filter((s): s is string => s !== null);
  const memberId = /^acoa[a-z0-9_-]{20,}$/i; // `/in/ACoAA…` URN links can't be compared with a vanity slug
  if (cardSlugs.length > 0 && !cardSlugs.includes(slug) && !memberId.test(slug) && !cardSlugs.some((s) => memberId.test(s))) {
    return null;
  }

  const fromHero = found.hero ? heroName(card, slug, url) : null;
  const nameEl = fromHero ? fromHero.el : findNameElement(card);
  let name = (fromHero ? fromHero.name : plausibleName(readText(nameEl))) ?? (person ? plausibleName(tidy(person.name)) : null);
  if (name && found.generic && !corroborated(doc, card, name) && !(person && sameText(tidy(person.name), name))) name = null;
  if (!name && onProfile) {
    const fromTitle = nameFromTitle(doc.title) ?? nameFromTitle(doc.querySelector(S.OG_TITLE)?.getAttribute('content') ?? '');
    // The title can lag behind or run ahead of the card; only trust it when the card shows the name too.
    if (fromTitle && shownIn(card, fromTitle)) name = fromTitle;
  }
  if (!name) return null;

  const location =
    S.LOCATION.map((sel) => readText(firstOutsideOthers(card, sel))).find(Boolean) ||
    locationBeforeContactInfo(card) ||
    tidy(person?.address?.addressLocality) ||
    null;

  // Experience and the card's organisation items are read only when an earlier source gave nothing
  // (this runs in the task that puts the sidebar on screen).
  let experience: Element | null | undefined;
  const experienceSection = () => (experience === undefined ? (experience = findExperienceSection(main)) : experience);
  let known: string[] | null = null;
  const currentFromExperience = () => {
    const section = experienceSection();
    const firstEntry = section ? experienceEntries(section)[0] : undefined;
    const fromExperience = firstEntry ? parseEntry(firstEntry) : null;
    return fromExperience?.current === true ? fromExperience.company : null;
  };
  const company =
    (person && jsonLdCompany(person)) ||
    topCardCompany(card, () => (known ??= experienceCompanies(experienceSection()))) ||
    currentFromExperience();

  let orgs: string[] | null = null;
  const orgNames = () =>
    (orgs ??= Array.from(card.querySelectorAll(S.TOP_CARD_ORG_ITEMS))
      .map((el) => orgName(el))
      .filter(Boolean));
  const isNoise = (line: string): boolean =>
    sameText(line, name) ||
    isDegree(line) ||
    PRONOUNS.test(line) ||
    line === location ||
    line.split(' · ').every((part) => orgNames().some((o) => sameText(o, part)));
  // 2026: the profile link may hold the headline under the name (as message threads' links do).
  const inNameLink = fromHero ? readLines(fromHero.el).slice(1).find((l) => !isNoise(l)) : undefined;
  const headline =
    S.HEADLINE.map((sel) => readText(firstOutsideOthers(card, sel))).find(Boolean) ||
    inNameLink ||
    (nameEl ? headlineAfterName(card, nameEl, isNoise) : null) ||
    (person ? publicHeadline(doc, person) : null) ||
    null;

  return { name, headline, company, location, profileUrl, memberId: memberIdIn(card, url) };
}
