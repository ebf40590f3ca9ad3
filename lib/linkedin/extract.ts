/**
 * Reads the person shown on a LinkedIn profile page: name, headline, current company, location.
 * Works on the logged-in classic layout, the logged-out public page and the 2025–26 server-driven
 * layout with hashed class names (see selectors.ts). Returns null rather than guess.
 */
import { cleanText } from '../dom';
import { canonicalProfileUrl, profileSlug } from './url';
import * as S from './selectors';

export type LinkedInProfile = {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  profileUrl: string;
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

type TopCard = { card: Element; generic: boolean };

/**
 * The profile's top card. `generic` also accepts the section around `main`'s first `h1` (or, for
 * sdui pages without a componentkey, `main`'s first section with a heading) — only on the profile
 * page itself, where that heading is the person and not a sub-page title like "Experience".
 */
function findTopCard(main: Element, allowGeneric: boolean): TopCard | null {
  for (const selector of S.TOP_CARD) {
    const card = firstOutsideOthers(main, selector);
    if (card) return { card, generic: false };
  }
  if (!allowGeneric) return null;
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
export function topCardName(doc: Document): string | null {
  const main = findMain(doc);
  const found = main ? findTopCard(main, true) : null;
  if (!found) return null;
  const name = plausibleName(readText(findNameElement(found.card)));
  return name && (!found.generic || corroborated(doc, found.card, name)) ? name : null;
}

// ------------------------------------------------------------------------------------------ JSON-LD

// JSON-LD is checked by hand rather than with zod: this runs inside LinkedIn's page, where every
// kilobyte of the content script counts, and only a handful of string fields are read.
type Organization = { name?: string; ended: boolean };
type Person = { name: string; url?: string; headline?: string; jobTitle?: string; address?: { addressLocality?: string }; worksFor: Organization[] };

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
    jobTitle: Array.isArray(node.jobTitle) ? node.jobTitle.map(str).find(Boolean) : str(node.jobTitle),
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

/** The public page's JSON-LD `Person` for `slug` (one naming another profile is ignored). */
function findJsonLdPerson(doc: Document, slug: string): Person | null {
  for (const script of Array.from(doc.querySelectorAll(S.JSON_LD))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of jsonLdNodes(data)) {
      if (!isPersonType(node['@type'])) continue;
      const person = asPerson(node);
      if (!person) continue;
      const own = person.url ? profileSlug(person.url) : null;
      if (own !== null && own !== slug) continue;
      return person;
    }
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

function jsonLdHeadline(person: Person): string | null {
  return tidy(person.headline) || tidy(person.jobTitle) || null;
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

const DEGREE = /^[·•]/; // "· 2nd", "· 1.", "· 3rd+" in any language
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
    if (before.length > 0) return before[before.length - 1] ?? null;
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

function topCardCompany(card: Element, knownCompanies: string[]): string | null {
  for (const selector of S.TOP_CARD_COMPANY) {
    const el = firstOutsideOthers(card, selector);
    const text = el ? readText(el) : '';
    if (text) return text;
  }
  // Any UI language: a top-card organisation that Experience also lists as a company.
  for (const item of Array.from(card.querySelectorAll(S.TOP_CARD_ORG_ITEMS))) {
    const text = readText(item);
    if (text && knownCompanies.some((c) => sameText(c, text))) return text;
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
  const found = main ? findTopCard(main, onProfile) : null;
  const person = findJsonLdPerson(doc, slug);
  if (!main || !found) {
    // A public page whose markup we don't know still carries its JSON-LD for this very URL.
    const name = person ? plausibleName(tidy(person.name)) : null;
    if (!name || !person) return null;
    const location = tidy(person.address?.addressLocality) || null;
    return { name, headline: jsonLdHeadline(person), company: jsonLdCompany(person), location, profileUrl };
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

  const nameEl = findNameElement(card);
  let name = plausibleName(readText(nameEl)) ?? (person ? plausibleName(tidy(person.name)) : null);
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

  const experience = findExperienceSection(main);
  const known = experienceCompanies(experience);
  const firstEntry = experience ? experienceEntries(experience)[0] : undefined;
  const fromExperience = firstEntry ? parseEntry(firstEntry) : null;
  const company =
    (person && jsonLdCompany(person)) ||
    topCardCompany(card, known) ||
    (fromExperience?.current === true ? fromExperience.company : null);

  const orgs = Array.from(card.querySelectorAll(S.TOP_CARD_ORG_ITEMS))
    .map((el) => readText(el))
    .filter(Boolean);
  const isNoise = (line: string): boolean =>
    sameText(line, name) ||
    DEGREE.test(line) ||
    PRONOUNS.test(line) ||
    line === location ||
    line.split(' · ').every((part) => orgs.some((o) => sameText(o, part)));
  const headline =
    S.HEADLINE.map((sel) => readText(firstOutsideOthers(card, sel))).find(Boolean) ||
    (nameEl ? headlineAfterName(card, nameEl, isNoise) : null) ||
    (person ? jsonLdHeadline(person) : null) ||
    null;

  return { name, headline, company, location, profileUrl };
}
