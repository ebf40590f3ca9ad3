/**
 * Reads the mutual-connections line of a profile's top card ("A, B and 12 other mutual connections",
 * "A is a mutual connection", in any UI language). On every layout seen (2022–26) the whole line is
 * ONE link to the people search filtered on the person, and each name sits in its own element (a
 * `<strong>`) with no link of its own. Names come from those elements, never from splitting the
 * sentence; the count of the others is the number left in the link's text outside them.
 */
import { profileSlug } from './url';
import { isVisuallyHidden, visibleText } from './visible';
import * as S from './selectors';

export type MutualConnections = {
  /** The names the line shows, in order, once each (may be empty: "12 mutual connections"). */
  names: string[];
  /** The "12 other" count, or null when the line shows no number. */
  others: number | null;
  /** The full list: an absolute https://www.linkedin.com search URL. */
  listUrl: string | null;
  /** The viewed person's member id (`ACoAA…`) from the link, when it has that form. */
  memberId: string | null;
};

const MEMBER_ID = /^ACo[A-Za-z0-9_-]{20,}$/;

/** The member id a mutual-connections link filters on (`"ACoAA…"`, `["ACoAA…"]`), when it has that form. */
export function mutualMemberId(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  for (const name of S.MUTUAL_PARAMS) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    const id = raw.replace(/^[\s["]+|[\s\]"]+$/g, '');
    return MEMBER_ID.test(id) ? id : null;
  }
  return null;
}

/** The list URL on www.linkedin.com (whatever subdomain the page is on), or null when not a LinkedIn search URL. */
function listUrlOf(href: string, pageUrl: string): string | null {
  try {
    const url = new URL(href, pageUrl);
    if (!/(^|\.)linkedin\.com$/i.test(url.hostname) || !S.PEOPLE_LIST_PATH.test(url.pathname)) return null;
    return `https://www.linkedin.com${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** Person links (`/in/…`) that resolve to someone, as canonical slugs. */
function peopleIn(el: Element, pageUrl: string): Set<string> {
  const out = new Set<string>();
  for (const a of Array.from(el.querySelectorAll(S.PERSON_LINK))) {
    try {
      const slug = profileSlug(new URL(a.getAttribute('href') ?? '', pageUrl).href);
      if (slug) out.add(slug);
    } catch {
      /* not a URL */
    }
  }
  return out;
}

/**
 * Whether `link` belongs to the viewed profile's own top card: inside a known top card, or — on a
 * layout without one — the first enclosing block that links to any person links to the viewed one
 * only (a "people also viewed" card links to its own person first). Never in the right rail or nav.
 */
function inTopCard(link: Element, pageUrl: string, slug: string): boolean {
  if (link.closest(S.NOT_THE_PROFILE)) return false;
  // A known top card counts when it is this person's (SPA: the previous person stays on screen a moment).
  for (const sel of S.TOP_CARD) {
    const card = link.closest(sel);
    if (card) {
      const people = peopleIn(card, pageUrl);
      return people.size === 0 || people.has(slug);
    }
  }
  for (let up = link.parentElement; up && !up.matches(S.MAIN); up = up.parentElement) {
    const people = peopleIn(up, pageUrl);
    if (people.size === 0) continue;
    return people.size === 1 && people.has(slug);
  }
  return false;
}

/** The one number in `text`, with its thousands separators ("1,234", "1.234", "1 234"); null for none or several. */
function onlyNumber(text: string): number | null {
  const found = text.match(/\d(?:[\d.,\u00a0\u202f ]*\d)?/g) ?? [];
  const numbers = found.map((n) => n.replace(/[^\d]/g, '')).filter(Boolean);
  if (numbers.length !== 1 || !numbers[0]) return null;
  const n = Number.parseInt(numbers[0], 10);
  return Number.isSafeInteger(n) ? n : null;
}

function readLine(link: Element, pageUrl: string): MutualConnections {
  const names: string[] = [];
  for (const el of Array.from(link.querySelectorAll(S.MUTUAL_NAME))) {
    // A name inside another name element, or inside a screen-reader copy of the line, is read once.
    if (el.parentElement?.closest(S.MUTUAL_NAME) && link.contains(el.parentElement.closest(S.MUTUAL_NAME))) continue;
    let hidden = false;
    for (let up: Element | null = el; up && up !== link; up = up.parentElement) if (isVisuallyHidden(up)) hidden = true;
    if (hidden) continue;
    const name = visibleText(el);
    if (name && !names.includes(name)) names.push(name);
  }
  const rest = visibleText(link, (el) => el.matches(S.MUTUAL_NAME));
  const href = link.getAttribute('href') ?? '';
  return { names, others: onlyNumber(rest), listUrl: listUrlOf(href, pageUrl), memberId: mutualMemberId(href) };
}

/**
 * The mutual-connections line of the profile at `pageUrl`, or null when its top card shows none
 * (or when two different lines could be the top card's).
 */
export function extractMutualConnections(root: ParentNode, pageUrl: string): MutualConnections | null {
  const slug = profileSlug(pageUrl);
  if (!slug) return null;
  const lines = Array.from(root.querySelectorAll(S.MUTUAL_LINK))
    .filter((a) => inTopCard(a, pageUrl, slug))
    .map((a) => readLine(a, pageUrl))
    .filter((l) => l.names.length > 0 || l.others !== null);
  const first = lines[0];
  if (!first) return null;
  // The sticky bar and the hero may both show it: the same filter is the same line; two filters are a doubt.
  if (lines.some((l) => l.listUrl !== first.listUrl && l.memberId !== first.memberId)) return null;
  return lines.reduce((best, l) => (l.names.length > best.names.length ? l : best), first);
}

/**
 * The "who can introduce you" question for a profile and its top card's mutual line, as the
 * sidebar's shell and its Preact part both ask it (the same payload, so an answer serves both).
 */
export function introducersQuery(
  profile: { profileUrl: string; memberId?: string | null; name: string; company: string | null },
  mutuals: MutualConnections | null,
) {
  return {
    profileUrl: profile.profileUrl,
    memberId: profile.memberId ?? mutuals?.memberId ?? null,
    name: profile.name,
    company: profile.company,
    mutualNames: (mutuals?.names ?? []).slice(0, 50),
    limit: 5,
  };
}
