/**
 * What the LinkedIn tab shows right now, for the sidebar: nothing (not a profile), "reading" (a
 * profile URL whose person is not on screen yet), "unreadable" (a profile we could not read), or the
 * person. LinkedIn is a single-page app: after `pushState` to another profile the old person stays
 * on screen for a moment under the new URL, so after a move to another person nothing is read until
 * the top card itself has changed — never the old person's data under the new URL.
 */
import { profileSlug } from './url';

export interface Profile {
  name: string;
  headline: string | null;
  company: string | null;
  location: string | null;
  profileUrl: string;
  /** LinkedIn's member id (`ACoAA…`) when the page provably shows it for this person. */
  memberId?: string | null;
}

export type ProfilePageState =
  | { kind: 'reading'; profileUrl: string }
  | { kind: 'unreadable'; profileUrl: string }
  | { kind: 'profile'; profile: Profile };

export interface TrackerDeps {
  extract: (doc: Document, url: string) => Profile | null;
  /**
   * The name in the top card now (lib/linkedin/extract.ts `topCardName`). `url` is the profile the
   * card belonged to: the 2026 hero is only known by its link to that profile.
   */
  topCardName: (doc: Document, url?: string) => string | null;
}

/** How long a profile URL may show no readable person before we say so. */
export const READ_GRACE_MS = 4000;

/** `/in/<slug>/` and its overlays (contact info, about this profile) sit on the profile itself. */
export function sidebarSlug(url: string): string | null {
  const slug = profileSlug(url);
  if (!slug) return null;
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  if (parts.length === 2 || parts[2] === 'overlay') return slug;
  return null;
}

export function createProfileTracker(deps: TrackerDeps) {
  let slug: string | null = null;
  let lastUrl: string | null = null;
  let staleUrl: string | undefined;
  let since = 0;
  /** The name that was on screen when the URL moved to another person. */
  let stale: string | null = null;

  return {
    read(doc: Document, url: string, now: number): ProfilePageState | null {
      const next = sidebarSlug(url);
      if (next !== slug) {
        staleUrl = lastUrl ?? undefined;
        stale = slug !== null ? deps.topCardName(doc, staleUrl) : null;
        slug = next;
        since = now;
      }
      lastUrl = url;
      if (next === null) return null;
      const profileUrl = `https://www.linkedin.com/in/${encodeURIComponent(next)}/`;
      const late = now - since >= READ_GRACE_MS;
      if (stale !== null) {
        if (deps.topCardName(doc, staleUrl) === stale) {
          return late ? { kind: 'unreadable', profileUrl } : { kind: 'reading', profileUrl };
        }
        stale = null;
      }
      const profile = deps.extract(doc, url);
      if (profile && profile.profileUrl === profileUrl) return { kind: 'profile', profile };
      return late ? { kind: 'unreadable', profileUrl } : { kind: 'reading', profileUrl };
    },
  };
}
