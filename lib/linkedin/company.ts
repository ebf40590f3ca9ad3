/**
 * Reads which company a LinkedIn company page (`/company/<slug>/…`, any sub-page) shows: its name and
 * canonical URL. Name sources in order: the top card's `h1`, JSON-LD `Organization` for this slug,
 * `og:title`, the document title. Null when none gives a name, or when the page still shows another
 * company (LinkedIn is an SPA: after a move the old page stays a moment under the new URL).
 */
import { cleanText } from '../dom';
import { pageJsonLdNodes } from './extract';
import { visibleText } from './visible';
import * as S from './selectors';

export type CompanyPage = { name: string; slug: string; url: string };

/** The company slug in a LinkedIn URL's path, lower-cased, or null. */
export function companySlug(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(u.hostname)) return null;
  const m = S.COMPANY_PATH.exec(u.pathname);
  if (!m?.[1]) return null;
  try {
    const slug = decodeURIComponent(m[1]).toLowerCase();
    return /^[\p{L}\p{N}_.&'-]{1,150}$/u.test(slug) ? slug : null;
  } catch {
    return null;
  }
}

const usable = (name: string | null | undefined): string | null => {
  const text = cleanText(name).normalize('NFC');
  return text && text.length <= 200 ? text : null;
};

/** "Acme | LinkedIn", "(3) Acme: Overview | LinkedIn" → "Acme"; null without LinkedIn's suffix. */
function fromTitle(title: string, section: boolean): string | null {
  const m = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/.exec(cleanText(title));
  if (!m?.[1]) return null;
  // "<Company>: <page section>" in any language: the section is the last ": " part.
  const name = section ? m[1].replace(/:\s+[^:]+$/, '') : m[1];
  return usable(name);
}

function fromJsonLd(doc: Document, slug: string): string | null {
  for (const node of pageJsonLdNodes(doc)) {
    if (node['@type'] !== 'Organization') continue;
    const url = typeof node.url === 'string' ? node.url : '';
    if (companySlug(url) === slug && typeof node.name === 'string') return usable(node.name);
  }
  return null;
}

function fromTopCard(doc: Document): string | null {
  const main = doc.querySelector(S.MAIN);
  if (!main) return null;
  for (const selector of S.COMPANY_NAME) {
    const h1 = Array.from(main.querySelectorAll(selector)).find((h) => !h.closest(S.NOT_THE_PROFILE) && visibleText(h));
    if (h1) return usable(visibleText(h1));
  }
  return null;
}

/** Whether `main` links to companies but not to this one (the previous company still on screen). */
function showsAnotherCompany(doc: Document, slug: string): boolean {
  const main = doc.querySelector(S.MAIN);
  if (!main) return false;
  const slugs = Array.from(main.querySelectorAll('a[href*="/company/"]'))
    // The page's own tabs (a `nav` inside main) count; "Similar pages" and other rails do not.
    .filter((a) => !a.closest('aside, [componentkey*="Aside"]'))
    .map((a) => companySlug(new URL(a.getAttribute('href') ?? '', doc.URL || 'https://www.linkedin.com/').href));
  return slugs.length > 0 && !slugs.includes(slug);
}

/** The company shown on a `/company/<slug>/…` page, or null when unsure. */
export function extractCompanyPage(doc: Document, url: string): CompanyPage | null {
  const slug = companySlug(url);
  if (!slug) return null;
  if (showsAnotherCompany(doc, slug)) return null;
  const og = doc.querySelector(S.OG_TITLE)?.getAttribute('content');
  const name = fromTopCard(doc) ?? fromJsonLd(doc, slug) ?? (og ? fromTitle(og, false) ?? usable(og) : null) ?? fromTitle(doc.title, true);
  if (!name) return null;
  return { name, slug, url: `https://www.linkedin.com/company/${encodeURIComponent(slug)}/` };
}
