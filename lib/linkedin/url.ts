/**
 * LinkedIn profile URLs in one canonical form, so the same person is one contact whichever way the
 * user arrived: `https://www.linkedin.com/in/<slug>/` — https, `www` host (country subdomains such as
 * `de.linkedin.com` map to it), one trailing slash, no query or fragment. Overlay and detail paths
 * (`/in/<slug>/overlay/contact-info/`, `/in/<slug>/details/experience/`) belong to the profile.
 */

// A LinkedIn public-profile slug: letters (any script, LinkedIn allows them), digits, `-`, `_`, `%`-escapes.
const SLUG = /^[\p{L}\p{N}_%-]{2,100}$/u;
// Most slugs are ASCII: this test needs none of the Unicode tables the `u` one compiles on its first use
// (~1 ms on every LinkedIn page load).
const ASCII_SLUG = /^[A-Za-z0-9_%-]{2,100}$/;
const MEMBER_ID = /^AC[A-Za-z0-9_-]{20,}$/;
// `www`, country subdomains (`de.`, `nl.`, `uk.`) and the bare domain; nothing deeper.
const HOST = /^(?:(?:www|[a-z]{2})\.)?linkedin\.com$/i;

// A URL already in (or next to) canonical form: what the repository stores and LinkedIn's export
// gives. Read without `new URL`, which costs ~30 µs a call — a second per 10,000-row import here.
// Anything else (query, fragment, `%`, country host, sub-page) takes the full path below.
const PLAIN = /^https:\/\/(?:www\.)?linkedin\.com\/in\/([A-Za-z0-9_-]{2,100})\/?$/;

/** The slug of a person's profile in `url`, or null when `url` is not a person's profile URL. */
export function profileSlug(url: string): string | null {
  const plain = PLAIN.exec(url);
  if (plain) return MEMBER_ID.test(plain[1]!) ? plain[1]! : plain[1]!.toLowerCase();
  let parsed: URL;
  try {
    // Protocol-less input ("linkedin.com/in/x") is common in CSV exports.
    parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) ? url.trim() : `https://${url.trim()}`);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!HOST.test(parsed.hostname)) return null;
  const parts = parsed.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'in' || !parts[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(parts[1]);
  } catch {
    return null;
  }
  if (!ASCII_SLUG.test(slug) && !SLUG.test(slug)) return null;
  // Vanity slugs are case-insensitive; member ids (`ACoAA…`, in messaging links) are not.
  return MEMBER_ID.test(slug) ? slug : slug.toLowerCase();
}

/** The canonical profile URL for `url`, or null when it is not a person's LinkedIn profile. */
export function canonicalProfileUrl(url: string): string | null {
  const slug = profileSlug(url);
  return slug === null ? null : `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/**
 * True when `slug` is a member id (`ACoAA…`) rather than a vanity name. LinkedIn's 2026 message
 * threads, chat bubbles and compose links name people this way; ids are case-sensitive.
 */
export function isMemberIdSlug(slug: string): boolean {
  return MEMBER_ID.test(slug);
}

/** The member id in a `/in/<member id>/` link (any LinkedIn host), or null for a vanity URL or anything else. */
export function memberIdFromProfileUrl(url: string): string | null {
  const slug = profileSlug(url);
  return slug !== null && isMemberIdSlug(slug) ? slug : null;
}

/** True when `url` is a person's profile page itself (not an overlay or a details sub-page). */
export function isProfilePage(url: string): boolean {
  if (profileSlug(url) === null) return false;
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  return parts.length === 2;
}
