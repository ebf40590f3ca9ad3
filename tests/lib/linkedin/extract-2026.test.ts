import { describe, expect, it } from 'vitest';
import { extractProfile, topCardName } from '../../../lib/linkedin/extract';
import { createProfileTracker } from '../../../lib/linkedin/page';
import { loadFixture } from '../../helpers/dom';

const INGRID = 'https://www.linkedin.com/in/ingrid-solberg-3e9a1f52/';
const THIBAULT = 'https://www.linkedin.com/in/thibault-lemaire-8b2c4d6e/';
const MIRA = 'https://www.linkedin.com/in/mira-kowalczyk-5a7c9e1b/';

const ingrid = {
  name: 'Ingrid Solberg',
  headline: 'VP Engineering at Contoso Freight | Platform teams, hiring',
  company: 'Contoso Freight',
  location: 'Oslo, Oslo, Norway',
  profileUrl: INGRID,
  memberId: 'ACoAADk7Qm2Xr9Ts4Lp1Vb8Nw3Jc6Hy0Fe5Zg2',
};

/** Mounts the sticky fixture's hero into its lazy column, as the page does once the card streams in. */
function heroArrives(doc: Document): void {
  const template = doc.querySelector<HTMLTemplateElement>('template[data-fx="hero"]');
  const column = doc.querySelector('[data-testid="lazy-column"]');
  if (!template || !column) throw new Error('fixture changed');
  const t = doc.createElement('template');
  t.innerHTML = template.innerHTML;
  column.append(t.content);
}

describe('extractProfile on the 2026 rebuilt profile', () => {
  it('reads the hero, not the sticky bar before it, her posts or the people also viewed', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    expect(extractProfile(doc, INGRID)).toEqual(ingrid);
    expect(topCardName(doc, INGRID)).toBe('Ingrid Solberg');
  });

  it('never takes a card of someone else, even when it has a Message link and a degree', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    expect(extractProfile(doc, 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/')).toBeNull();
    // Without her hero and sticky bar, her posts alone are not a top card.
    for (const box of Array.from(doc.querySelectorAll('main > [componentkey] > section:first-child, main > div:first-child'))) box.remove();
    expect(extractProfile(doc, INGRID)).toBeNull();
  });

  it('does not depend on the English button labels', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    for (const span of Array.from(doc.querySelectorAll('main a span, main button span'))) span.textContent = '…';
    expect(extractProfile(doc, INGRID)).toEqual(ingrid);
  });

  it('reads a French page whose name is only in the profile link’s inner aria-label', () => {
    const doc = loadFixture('linkedin-profile-2026-fr.html', THIBAULT);
    expect(extractProfile(doc, THIBAULT)).toEqual({
      name: 'Thibault Lemaire',
      headline: 'Directeur produit chez Fabrikam Santé · IA appliquée au diagnostic',
      company: 'Fabrikam Santé',
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
      profileUrl: THIBAULT,
      // No Message link (not connected): the id comes from the mutual-connections link.
      memberId: 'ACoAACx4Rt7Yu1Io3Pa5Sd8Fg0Hj2Kl4Zx6Cv9B',
    });
  });

  it('reads the sticky bar while it is all there is, and the hero once it arrives', () => {
    const doc = loadFixture('linkedin-profile-2026-sticky.html', MIRA);
    const early = {
      name: 'Mira Kowalczyk',
      headline: 'Leiterin Datenplattform bei Litware AG',
      company: null,
      location: null,
      profileUrl: MIRA,
      memberId: 'ACoAAE2Wd4Rf6Tg8Yh0Uj2Ik4Ol6Pz8Xc0Vb2Nm',
    };
    expect(extractProfile(doc, MIRA)).toEqual(early);
    const tracker = createProfileTracker({ extract: extractProfile, topCardName });
    expect(tracker.read(doc, MIRA, 0)).toEqual({ kind: 'profile', profile: early });
    heroArrives(doc);
    const full = { ...early, company: 'Litware AG', location: 'Wrocław, Dolnośląskie, Polen' };
    expect(extractProfile(doc, MIRA)).toEqual(full);
    expect(tracker.read(doc, MIRA, 100)).toEqual({ kind: 'profile', profile: full });
  });

  it('keeps the member id null when the card’s links disagree about it', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    const facet = doc.querySelector('main section a[href*="facetConnectionOf"]');
    facet?.setAttribute('href', '/search/results/people/?facetConnectionOf=%22ACoAAB7Zq1Wx2Ec3Rv4Tb5Yn6Um7Ik8Ol9Pa0Sd%22');
    expect(extractProfile(doc, INGRID)?.memberId).toBeNull();
  });

  it('follows a client-side move away from a 2026 profile: nothing until the hero changes', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    const tracker = createProfileTracker({ extract: extractProfile, topCardName });
    expect(tracker.read(doc, INGRID, 0)).toMatchObject({ kind: 'profile', profile: { name: 'Ingrid Solberg' } });
    const other = 'https://www.linkedin.com/in/hannah-becker-4d2e8f10/';
    expect(tracker.read(doc, other, 10)).toEqual({ kind: 'reading', profileUrl: other });
  });
});

describe('known misreads, each with its own fixture', () => {
  it('a degree badge ("3rd+ degree connection") is not the headline', () => {
    const url = 'https://www.linkedin.com/in/kenji-watanabe-6f1e2d3c/';
    expect(extractProfile(loadFixture('linkedin-profile-2026-degree.html', url), url)).toEqual({
      name: 'Kenji Watanabe',
      headline: 'Supply Chain Analyst at Wide World Importers',
      company: null,
      location: 'Osaka, Osaka, Japan',
      profileUrl: url,
      memberId: null,
    });
  });

  it('a company the layout repeats for screen readers is read once ("Acme AB", not "Acme ABAcme AB")', () => {
    const url = 'https://www.linkedin.com/in/elin-sjoberg-9d8c7b6a/';
    expect(extractProfile(loadFixture('linkedin-profile-2026-company.html', url), url)).toEqual({
      name: 'Elin Sjöberg',
      headline: 'Hållbarhetschef på Acme AB',
      company: 'Acme AB',
      location: 'Göteborg, Västra Götaland, Sverige',
      profileUrl: url,
      memberId: 'ACoAAF8Jk2Lm4Nb6Vc8Xz0Qw2Er4Ty6Ui8Op0As',
    });
  });

  it('the headline is not read as the location when the page shows no location', () => {
    const url = 'https://www.linkedin.com/in/ravi-shah-0a9b8c7d/';
    expect(extractProfile(loadFixture('linkedin-profile-2026-nolocation.html', url), url)).toEqual({
      name: 'Ravi Shah',
      headline: 'Counsel, Privacy & Data Protection at Contoso Legal',
      company: null,
      location: null,
      profileUrl: url,
      memberId: 'ACoAAG1Hn3Jm5Kl7Po9Iu1Yt3Re5Wq7Sa9Df1Gh',
    });
  });

  it('a public page’s headline is its own (title), not the first JSON-LD jobTitle', () => {
    const url = 'https://nl.linkedin.com/in/sanne-de-vries-7c6b5a4d?trk=public_profile_browsemap';
    expect(extractProfile(loadFixture('linkedin-profile-public-nl.html', url), url)).toEqual({
      name: 'Sanne de Vries',
      headline: 'Product Designer bij Fabrikam | Toegankelijkheid & design systems',
      company: 'Fabrikam',
      location: 'Amsterdam',
      profileUrl: 'https://www.linkedin.com/in/sanne-de-vries-7c6b5a4d/',
      memberId: null,
    });
  });
});

describe('the 2026 name in an aria-label', () => {
  it('never takes an icon’s label ("Verified") or a photo’s for the name', () => {
    const doc = loadFixture('linkedin-profile-2026-fr.html', THIBAULT);
    const box = doc.querySelector('main section a[href$="/in/thibault-lemaire-8b2c4d6e/"] [aria-label]');
    if (!box) throw new Error('fixture changed');
    box.insertAdjacentHTML('afterbegin', '<svg role="img" aria-label="Verified"><title>Verified</title></svg>');
    expect(extractProfile(doc, THIBAULT)?.name).toBe('Thibault Lemaire');
    box.removeAttribute('aria-label');
    box.insertAdjacentHTML('afterbegin', '<div aria-label="Photo de profil"><img alt="" src="data:,"></div>');
    // Hero without a name: the sticky bar, which has one, is read instead.
    expect(extractProfile(doc, THIBAULT)?.name).toBe('Thibault Lemaire');
    expect(extractProfile(doc, THIBAULT)?.location).toBeNull();
  });
});

describe('the 2026 headline inside the profile link', () => {
  it('reads a headline the name link holds, not the location after it', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', INGRID);
    const hero = doc.querySelector('main section');
    const link = hero?.querySelector('a[href$="/in/ingrid-solberg-3e9a1f52/"]');
    const headline = hero?.querySelector(':scope > div > p');
    if (!link || !headline) throw new Error('fixture changed');
    link.append(headline); // the headline moves into the link, under the name
    expect(extractProfile(doc, INGRID)).toEqual(ingrid);
  });
});

describe('a 2026 profile opened by member id', () => {
  it('reads the hero that carries that member id, under the member-id URL', () => {
    const byId = `https://www.linkedin.com/in/${ingrid.memberId}/`;
    const doc = loadFixture('linkedin-profile-2026-en.html', byId);
    expect(extractProfile(doc, byId)).toEqual({ ...ingrid, profileUrl: byId });
    // Another member id: nobody on this page.
    expect(extractProfile(doc, 'https://www.linkedin.com/in/ACoAAB7Zq1Wx2Ec3Rv4Tb5Yn6Um7Ik8Ol9Pa0Sd/')).toBeNull();
  });
});
