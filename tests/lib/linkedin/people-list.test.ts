import { describe, expect, it } from 'vitest';
import { extractPeopleList, isPeopleListPage } from '../../../lib/linkedin/people-list';
import { loadFixture } from '../../helpers/dom';

const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=data%20platform&origin=SWITCH_SEARCH_VERTICAL';
const MUTUALS = 'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAF3qHero26ElodieMarchand3a9c7e55%22%5D&network=%5B%22F%22%2C%22S%22%5D';

const plain = (list: ReturnType<typeof extractPeopleList>) => list.map(({ profileUrl, name }) => ({ profileUrl, name }));

describe('extractPeopleList', () => {
  it('lists each 2024-style search result once, from its own profile link (not the insight’s or summary’s people, not LinkedIn Member, ads, the rail or the nav)', () => {
    const doc = loadFixture('linkedin-search-people.html', SEARCH);
    const list = extractPeopleList(doc, SEARCH);
    expect(plain(list)).toEqual([
      { profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/', name: 'Priya Natarajan' },
      { profileUrl: 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/', name: 'Marcus Lindqvist' },
      { profileUrl: 'https://www.linkedin.com/in/tom%C3%A1s-alvarez-91f3c0d2/', name: 'Tomás Alvarez' },
    ]);
    // The badge goes by the name link, inside the result's card.
    for (const entry of list) {
      expect(entry.anchor.textContent).toContain(entry.name);
      expect(entry.card.contains(entry.anchor)).toBe(true);
      expect(entry.card.getAttribute('data-chameleon-result-urn')).toMatch(/^urn:li:member:\d+$/);
    }
  });

  it('lists the 2026 rebuilt mutual-connection list: relative, member-id and whole-card links', () => {
    const doc = loadFixture('linkedin-search-people-2026.html', MUTUALS);
    const list = extractPeopleList(doc, MUTUALS);
    expect(plain(list)).toEqual([
      { profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/', name: 'Olivia Hartmann' },
      { profileUrl: 'https://www.linkedin.com/in/ACoAAB9sSamira6d2e9b14Haddad1mNo/', name: 'Samira Haddad' },
      { profileUrl: 'https://www.linkedin.com/in/hannah-becker-4d2e8f10/', name: 'Hannah Becker' },
    ]);
    expect(list.map((e) => e.card.getAttribute('role'))).toEqual(['listitem', 'listitem', 'listitem']);
  });

  it('finds nobody on a page without results', () => {
    expect(extractPeopleList(loadFixture('linkedin-feed.html', 'https://www.linkedin.com/feed/'), 'https://www.linkedin.com/feed/')).toEqual([]);
  });
});

describe('isPeopleListPage', () => {
  it('is the people search (and the mutual list, which is one), nothing else', () => {
    expect(isPeopleListPage(SEARCH)).toBe(true);
    expect(isPeopleListPage(MUTUALS)).toBe(true);
    expect(isPeopleListPage('https://www.linkedin.com/search/results/people/')).toBe(true);
    expect(isPeopleListPage('https://www.linkedin.com/search/results/companies/?keywords=x')).toBe(false);
    expect(isPeopleListPage('https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/')).toBe(false);
    expect(isPeopleListPage('https://evil.example/search/results/people/')).toBe(false);
    expect(isPeopleListPage('not a url')).toBe(false);
  });
});
