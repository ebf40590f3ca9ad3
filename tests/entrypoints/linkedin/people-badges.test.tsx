import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPeopleBadges } from '../../../entrypoints/linkedin.content/people-badges';
import { installFakeBackground } from '../../helpers/background';

// tests/fixtures/linkedin-search-people-2026.html: Élodie Marchand's full mutual list (Olivia Hartmann, Samira Haddad, Hannah Becker).
const LIST =
  'https://www.linkedin.com/search/results/people/?connectionOf=%5B%22ACoAAF3qHero26ElodieMarchand3a9c7e55%22%5D&network=%5B%22F%22%2C%22S%22%5D';
const ELODIE_ID = 'ACoAAF3qHero26ElodieMarchand3a9c7e55';

function showFixture(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/linkedin-search-people-2026.html'), 'utf8');
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

const ctx = () => ({ signal: new AbortController().signal }) as unknown as ContentScriptContext;
const hosts = () => Array.from(document.querySelectorAll('warm-intro-badge'));
const resultOf = (host: Element) => host.closest('[role=listitem]')!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('people-list badges', () => {
  it('badges the people you know beside their own result, once, and saves a listed person as an introducer for the list’s person', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact({
      name: 'Olivia Hartmann',
      profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
      inPipeline: 0,
      network: { source: 'linkedin-export' },
    });
    await repo.logContact({ name: 'Élodie Marchand', profileUrl: 'https://www.linkedin.com/in/elodie-marchand-3a9c7e55/', memberId: ELODIE_ID, inPipeline: 0 });
    showFixture(LIST);
    const badges = createPeopleBadges(ctx(), { cameFrom: () => null });

    // Everyone listed gets "Save as possible introducer" (the list is Élodie's, a contact); only Olivia a badge.
    await waitFor(() => expect(hosts()).toHaveLength(3));
    const labels = hosts().map((h) => h.shadowRoot!.querySelector('[data-testid=wi-list-badge]')?.textContent ?? null);
    expect(labels.filter(Boolean)).toEqual(['In your network']);
    const olivia = hosts().find((h) => h.shadowRoot!.querySelector('[data-testid=wi-list-badge]'))!;
    expect(resultOf(olivia).textContent).toContain('Olivia Hartmann');

    // A later page change never adds a second badge to the same person.
    badges.refresh();
    await new Promise((r) => setTimeout(r, 30));
    expect(hosts()).toHaveLength(3);

    const hannah = hosts().find((h) => resultOf(h).textContent!.includes('Hannah Becker'))!;
    const save = hannah.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=wi-save-introducer]')!;
    save.click();
    await waitFor(() => expect(save.textContent).toBe('Saved: could introduce you to Élodie'));
    const [found] = await repo.search('Hannah Becker');
    const view = await repo.lookup({ id: found!.id });
    expect(view!.introductions).toEqual([expect.objectContaining({ status: 'suggested', targetName: 'Élodie Marchand' })]);
  });

  it('offers no saving on a plain search, where no one is the list’s person', async () => {
    const { repo } = installFakeBackground('page');
    await repo.logContact({ name: 'Olivia Hartmann', profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/', stage: 'interviewed' });
    showFixture('https://www.linkedin.com/search/results/people/?keywords=data');
    createPeopleBadges(ctx(), { cameFrom: () => null });
    await waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0]!.shadowRoot!.querySelector('[data-testid=wi-list-badge]')!.textContent).toBe('Interviewed');
    expect(hosts()[0]!.shadowRoot!.querySelector('[data-testid=wi-save-introducer]')).toBeNull();
  });
});
