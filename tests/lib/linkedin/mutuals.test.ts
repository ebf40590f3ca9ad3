import { describe, expect, it } from 'vitest';
import { extractMutualConnections, mutualMemberId } from '../../../lib/linkedin/mutuals';
import { loadFixture } from '../../helpers/dom';

const at = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

describe('extractMutualConnections', () => {
  it('reads two names and the other count from the classic top card, not the right rail’s line', () => {
    const url = at('sofia-lindgren-4b2c9d17');
    expect(extractMutualConnections(loadFixture('linkedin-mutuals-classic.html', url), url)).toEqual({
      names: ['Priya Natarajan', 'Mateo García'],
      others: 12,
      listUrl:
        'https://www.linkedin.com/search/results/people/?facetNetwork=%5B%22F%22%5D&facetConnectionOf=%22ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG%22&origin=MEMBER_PROFILE_CANNED_SEARCH&RESULT_TYPE=PEOPLE',
      memberId: 'ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG',
    });
  });

  it('reads one mutual connection with no count, from a relative connectionOf link', () => {
    const url = at('noah-fischer-2e8b5c31');
    expect(extractMutualConnections(loadFixture('linkedin-mutuals-one.html', url), url)).toEqual({
      names: ['Hannah Becker'],
      others: null,
      listUrl:
        'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAB7nOne5NoahFischer2e8b5c31Qw%22%5D&network=%5B%22F%22%2C%22S%22%5D&origin=MEMBER_PROFILE_CANNED_SEARCH',
      memberId: 'ACoAAB7nOne5NoahFischer2e8b5c31Qw',
    });
  });

  it('is null when the top card shows no mutual line, even though "People also viewed" does', () => {
    const url = at('ines-duarte-9f0a3b62');
    expect(extractMutualConnections(loadFixture('linkedin-mutuals-none.html', url), url)).toBeNull();
  });

  it('reads the German line (names with diacritics, "und 3 weitere"), the list on www', () => {
    const url = 'https://de.linkedin.com/in/lukas-weber-5d7e1f08/';
    const read = extractMutualConnections(loadFixture('linkedin-mutuals-de.html', url), url);
    expect(read).toEqual({
      names: ['Jürgen Müller', 'Zoë Ångström'],
      others: 3,
      listUrl: 'https://www.linkedin.com/search/results/people/?facetConnectionOf=%5B%22ACoAAE2pDe4LukasWeber5d7e1f08Mn%22%5D&facetNetwork=%5B%22F%22%5D',
      memberId: 'ACoAAE2pDe4LukasWeber5d7e1f08Mn',
    });
  });

  it('reads the 2026 hero card (hashed classes, <p> text, hashed visually-hidden copy), not the sticky bar, posts or other profiles', () => {
    const url = at('elodie-marchand-3a9c7e55');
    const read = extractMutualConnections(loadFixture('linkedin-mutuals-2026.html', url), url);
    expect(read).toMatchObject({ names: ['Olivia Hartmann', 'Marcus Lindqvist'], others: 27, memberId: 'ACoAAF3qHero26ElodieMarchand3a9c7e55' });
    expect(read?.listUrl).toMatch(/^https:\/\/www\.linkedin\.com\/search\/results\/people\/\?connectionOf=%5B%22ACoAAF3q/);
  });

  it('finds the hero by meaning when its card has no known key: the block that links to the viewed profile only', () => {
    const url = at('elodie-marchand-3a9c7e55');
    const doc = loadFixture('linkedin-mutuals-2026.html', url);
    doc.querySelector('[componentkey$="_Topcard"]')?.removeAttribute('componentkey');
    expect(extractMutualConnections(doc, url)).toMatchObject({ names: ['Olivia Hartmann', 'Marcus Lindqvist'], others: 27 });
    // Without the hero's own line, the other profile's card (it links to Jonas Berg first) is not read.
    doc.querySelector('main section a[href*="connectionOf"]')?.remove();
    expect(extractMutualConnections(doc, url)).toBeNull();
  });

  it('reads the French line with a thousands separator ("et 1 234 autres")', () => {
    const url = at('camille-dubois-6e2f8a41');
    const read = extractMutualConnections(loadFixture('linkedin-mutuals-fr.html', url), url);
    expect(read).toMatchObject({ names: ['Jules Martin', 'Chloé Lefèvre'], others: 1234, memberId: 'ACoAAB3xK9sBq2Lm7TfHcY1pWzR0vN4eU8gQj5c' });
  });

  it('reads older lines without name elements as a count only (never splits the sentence)', () => {
    const url = at('olivia-hartmann-8a61b2b4');
    const read = extractMutualConnections(loadFixture('linkedin-profile-classic.html', url), url);
    // The 2023 fixture has plain text and a numeric member id: no names, no ACoAA id.
    expect(read).toEqual({
      names: [],
      others: 14,
      listUrl: 'https://www.linkedin.com/search/results/people/?facetNetwork=%5B%22F%22%5D&facetConnectionOf=%5B%22748392015%22%5D',
      memberId: null,
    });
  });

  it('is null on a page that is not the profile the line belongs to', () => {
    const url = at('someone-else-1a2b3c4d');
    expect(extractMutualConnections(loadFixture('linkedin-mutuals-2026.html', url), url)).toBeNull();
  });
});

describe('mutualMemberId', () => {
  it('takes the id from a quoted value or a JSON list, and refuses other forms', () => {
    expect(mutualMemberId('/search/results/people/?facetConnectionOf=%22ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG%22')).toBe('ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG');
    expect(mutualMemberId('/search/results/people/?connectionOf=%5B%22ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG%22%5D')).toBe('ACoAAD4kLm9QxR2sT7uV1wY3zA5bC8dE0fG');
    expect(mutualMemberId('/search/results/people/?facetConnectionOf=%5B%22748392015%22%5D')).toBeNull();
    expect(mutualMemberId('/search/results/people/?keywords=x')).toBeNull();
  });
});
