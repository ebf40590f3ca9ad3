/**
 * Reads LinkedIn's people lists — people search results and the full mutual-connection list, both
 * at `/search/results/people/…` — as one entry per person result, from the result's own profile
 * link (`/in/<slug>/` or `/in/<member id>/`). Layouts: 2022–25 result list items
 * (`data-chameleon-result-urn`, `entity-result`), and the 2026 rebuilt markup (hashed classes,
 * `role="listitem"`, text in `<p>`). Nav, right rail ("People also viewed"), footer and ads are
 * never results; a result's other links (a mutual connection named in its insight line, links in
 * its summary) never make a second entry.
 */
import { personUrl } from './thread';
import { visibleText } from './visible';
import * as S from './selectors';

export type PeopleListEntry = {
  /** Canonical profile URL (lib/linkedin/url.ts; member-id URLs keep their case). */
  profileUrl: string;
  name: string | null;
  /** The link the person was read from (the name link when there is one): where a badge goes. */
  anchor: Element;
  /** The whole result. */
  card: Element;
};

/** True on a people search results page (which is also where the full mutual-connection list lives). */
export function isPeopleListPage(url: string): boolean {
  try {
    const u = new URL(url);
    return /(^|\.)linkedin\.com$/i.test(u.hostname) && S.PEOPLE_LIST_PATH.test(u.pathname);
  } catch {
    return false;
  }
}

const BLOCK = 'p, div, h1, h2, h3, h4, h5, h6';

/** A link's visible name: the first visible line when it wraps several blocks (2026 cards), else its text. */
function linkText(a: Element): string | null {
  const blocks = Array.from(a.querySelectorAll(BLOCK)).filter((b) => !b.querySelector(BLOCK));
  for (const b of blocks) {
    const text = visibleText(b);
    if (text) return text;
  }
  return visibleText(a) || null;
}

/** Every person result on a people list under `root`, once each, in page order. */
export function extractPeopleList(root: ParentNode, pageUrl: string): PeopleListEntry[] {
  const scope = (root as Element).querySelector?.(S.MAIN) ?? root;
  const links = Array.from(scope.querySelectorAll(S.PERSON_LINK)).filter((a) => !a.closest(S.NOT_A_RESULT));
  // The 2022–25 results carry their urn or view name: where any does, only those are results.
  const marked = links.some((a) => a.closest(S.MARKED_RESULT));
  // Each card's person is its first profile link; other people in it (an insight line) are named, not listed.
  const cards = new Map<Element, { url: string; links: Element[] }>();
  for (const a of links) {
    const card = a.closest(marked ? S.MARKED_RESULT : S.PEOPLE_RESULT);
    if (!card) continue;
    const url = personUrl(a.getAttribute('href'), pageUrl);
    if (!url) continue;
    const entry = cards.get(card);
    if (!entry) cards.set(card, { url, links: [a] });
    else if (entry.url === url) entry.links.push(a);
  }
  const out: PeopleListEntry[] = [];
  const known = new Set<string>();
  for (const [card, { url, links: own }] of cards) {
    if (known.has(url)) continue;
    known.add(url);
    const named = own.map((a) => ({ a, name: linkText(a) })).find((l) => l.name);
    const alt = own.map((a) => a.querySelector('img[alt]')?.getAttribute('alt')?.trim()).find(Boolean) ?? null;
    out.push({ profileUrl: url, name: named?.name ?? alt, anchor: named?.a ?? own[0]!, card });
  }
  return out;
}
