/**
 * The bounds on what a LinkedIn or Gmail page script may ask (issue 15). No zod here: the content
 * scripts import this, and zod stays out of their bundles.
 */
import type { RequestType } from './messages';
import type { Bucket } from './rate-limit';

/** A search from a page: a few letters of a name, a handful of people back, never the whole list. */
export const PAGE_SEARCH = { minChars: 2, maxResults: 8 } as const;

/**
 * How fast one tab's page script may ask for what could be used to walk the address book or to
 * bother the user: a burst, then a steady trickle (typing a name stays well inside it).
 */
export const PAGE_LIMITS: Partial<Record<RequestType, Bucket>> = {
  'contact.find': { capacity: 10, refillMs: 1000 },
  // A profile, thread or compose window asks once, and again after each write anywhere in Warm
  // Intro: a few a second at most while browsing. 30 at once, then 4 a second, keeps a page from
  // guessing its way through addresses and profile URLs (14,400 guesses an hour, not millions).
  'contact.lookup': { capacity: 30, refillMs: 250 },
  'settings.open': { capacity: 2, refillMs: 10_000 },
};
