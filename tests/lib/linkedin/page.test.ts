import { describe, expect, it } from 'vitest';
import { createProfileTracker, READ_GRACE_MS, sidebarSlug, type Profile } from '../../../lib/linkedin/page';

/** A stand-in page: what the top card shows, and what extraction would return. */
function fakePage() {
  const state = { name: null as string | null };
  const doc = {} as Document;
  const tracker = createProfileTracker({
    topCardName: () => state.name,
    extract: (_doc, url): Profile | null => {
      if (!state.name) return null;
      const slug = sidebarSlug(url);
      return slug ? { name: state.name, headline: null, company: null, location: null, profileUrl: `https://www.linkedin.com/in/${slug}/` } : null;
    },
  });
  return { state, read: (url: string, now: number) => tracker.read(doc, url, now) };
}

const A = 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/';
const B = 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/';

describe('createProfileTracker', () => {
  it('reads the person on a first load', () => {
    const p = fakePage();
    p.state.name = 'Marcus Lindqvist';
    expect(p.read(A, 0)).toMatchObject({ kind: 'profile', profile: { name: 'Marcus Lindqvist', profileUrl: A } });
  });

  it('after a move to another person, shows "reading" until the top card changes — never the old name under the new URL', () => {
    const p = fakePage();
    p.state.name = 'Marcus Lindqvist';
    p.read(A, 0);
    expect(p.read(B, 1000)).toEqual({ kind: 'reading', profileUrl: B });
    expect(p.read(B, 1200)).toEqual({ kind: 'reading', profileUrl: B });
    p.state.name = 'Priya Natarajan';
    expect(p.read(B, 1300)).toMatchObject({ kind: 'profile', profile: { name: 'Priya Natarajan', profileUrl: B } });
  });

  it('says it cannot read the page when the top card never changes', () => {
    const p = fakePage();
    p.state.name = 'Marcus Lindqvist';
    p.read(A, 0);
    p.read(B, 1000);
    expect(p.read(B, 1000 + READ_GRACE_MS)).toEqual({ kind: 'unreadable', profileUrl: B });
  });

  it('waits, then gives up, on a profile URL without a readable person', () => {
    const p = fakePage();
    expect(p.read(A, 0)).toEqual({ kind: 'reading', profileUrl: A });
    expect(p.read(A, READ_GRACE_MS)).toEqual({ kind: 'unreadable', profileUrl: A });
  });

  it('shows nothing off profiles, and an overlay on the same profile keeps the person', () => {
    const p = fakePage();
    p.state.name = 'Marcus Lindqvist';
    expect(p.read('https://www.linkedin.com/feed/', 0)).toBeNull();
    expect(p.read(A, 10)).toMatchObject({ kind: 'profile' });
    expect(p.read(`${A}overlay/contact-info/`, 20)).toMatchObject({ kind: 'profile', profile: { name: 'Marcus Lindqvist' } });
    expect(p.read(`${A}details/experience/`, 30)).toBeNull();
    expect(p.read('https://www.linkedin.com/company/fabrikam/', 40)).toBeNull();
  });
});
