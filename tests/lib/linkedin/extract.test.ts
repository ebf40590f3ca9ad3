import { describe, expect, it } from 'vitest';
import { extractProfile, topCardName } from '../../../lib/linkedin/extract';
import { loadFixture } from '../../helpers/dom';

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const MARCUS = 'https://www.linkedin.com/in/marcus-lindqvist-2b7a9e11/';
const PRIYA = 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/';
const DANIEL = 'https://www.linkedin.com/in/daniel-okafor-7e21c9a4/';
const JONAS = 'https://www.linkedin.com/in/jonas-becker-1f0e7d33/';
/** The hashed fixture's member id, in its top card's Message link and mutual-connections link. */
const DANIEL_ID = 'ACoAAC9Fx2kBq7Rz3LmTn0VwYcHd5sJe8uPaK1g';

const olivia = {
  name: 'Olivia Hartmann',
  headline: 'Senior Product Manager at Northwind Analytics | B2B SaaS, data platforms',
  company: 'Northwind Analytics',
  location: 'Austin, Texas, United States',
  profileUrl: OLIVIA,
  memberId: null,
};

const daniel = {
  name: 'Daniel Okafor',
  headline: 'Principal Data Engineer · Streaming pipelines and lakehouse platforms',
  company: 'Tailwind Traders',
  location: 'London, England, United Kingdom',
  profileUrl: DANIEL,
  memberId: DANIEL_ID,
};

const jonas = {
  name: 'Jonas Becker',
  headline: 'Leiter Einkauf bei Brandt Logistik AG | Lieferketten & Nachhaltigkeit',
  company: 'Brandt Logistik AG',
  location: 'Hamburg, Deutschland',
  profileUrl: JONAS,
  memberId: null,
};

/** What the SPA fixture's router does after ~300 ms: new `<main>` and rail children, new title. */
function renderSpaPerson(doc: Document, slug: string): void {
  const data = JSON.parse(doc.getElementById('fx-spa-data')?.textContent ?? '{}') as {
    people: Record<string, { title: string; fields: Record<string, string>; others: string[] }>;
  };
  const person = data.people[slug];
  if (!person) throw new Error(`no ${slug} in the SPA fixture`);
  const fill = (selector: string, values: Record<string, string>): DocumentFragment => {
    const template = doc.querySelector<HTMLTemplateElement>(selector);
    const t = doc.createElement('template');
    t.innerHTML = (template?.innerHTML ?? '').replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
      (values[k] ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
    );
    return t.content;
  };
  const others: Record<string, string> = {};
  person.others.forEach((other, i) => {
    for (const key of ['slug', 'name', 'degree', 'headline', 'location']) {
      others[`o${i}_${key}`] = data.people[other]?.fields[key] ?? '';
    }
  });
  doc.querySelector('main')?.replaceChildren(fill('template[data-fx-main]', person.fields));
  doc.querySelector('aside.scaffold-layout__aside')?.replaceChildren(fill('template[data-fx-aside]', others));
  doc.title = person.title;
}

describe('extractProfile on the shared fixtures', () => {
  it('reads the classic logged-in profile, not the nav heading, the rail or the viewer', () => {
    expect(extractProfile(loadFixture('linkedin-profile-classic.html', OLIVIA), OLIVIA)).toEqual(olivia);
  });

  it('maps overlay and details URLs of the profile to the profile URL', () => {
    const overlay = `${OLIVIA}overlay/contact-info/`;
    expect(extractProfile(loadFixture('linkedin-profile-classic.html', overlay), overlay)).toEqual(olivia);
    const query = `${OLIVIA}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB748392015#experience`;
    expect(extractProfile(loadFixture('linkedin-profile-classic.html', query), query)?.profileUrl).toBe(OLIVIA);
  });

  it('reads the SPA fixture in its initial state', () => {
    expect(extractProfile(loadFixture('linkedin-profile-spa.html', MARCUS), MARCUS)).toEqual({
      name: 'Marcus Lindqvist',
      headline: 'Staff Software Engineer at Fabrikam Cloud · Distributed systems, storage',
      company: 'Fabrikam Cloud',
      location: 'Seattle, Washington, United States',
      profileUrl: MARCUS,
      memberId: null,
    });
  });

  it('reads nothing while the previous person is still on screen under the new URL', () => {
    const doc = loadFixture('linkedin-profile-spa.html', MARCUS);
    expect(extractProfile(doc, PRIYA)).toBeNull();
    expect(topCardName(doc)).toBe('Marcus Lindqvist');
  });

  it('reads the new person once the SPA has swapped the top card', () => {
    const doc = loadFixture('linkedin-profile-spa.html', MARCUS);
    renderSpaPerson(doc, 'priya-natarajan-5c9d0e21');
    expect(topCardName(doc)).toBe('Priya Natarajan');
    expect(extractProfile(doc, PRIYA)).toEqual({
      name: 'Priya Natarajan',
      headline: 'Head of Data Science at Tailspin Toys',
      company: 'Tailspin Toys',
      location: 'Bengaluru, Karnataka, India',
      profileUrl: PRIYA,
      memberId: null,
    });
    renderSpaPerson(doc, 'tomas-alvarez-91f3c0d2');
    const tomas = 'https://www.linkedin.com/in/tomas-alvarez-91f3c0d2/';
    expect(extractProfile(doc, tomas)).toEqual({
      name: 'Tomás Alvarez',
      headline: 'Engineering Manager at Wide World Importers',
      company: 'Wide World Importers',
      location: 'Madrid, Community of Madrid, Spain',
      profileUrl: tomas,
      memberId: null,
    });
  });

  it('reads the profile behind the invitation fixture', () => {
    const url = 'https://www.linkedin.com/in/samira-haddad-6d2e9b14/';
    expect(extractProfile(loadFixture('linkedin-invite-note.html', url), url)).toEqual({
      name: 'Samira Haddad',
      headline: 'Director of Customer Success at Contoso Health | Healthcare SaaS, onboarding at scale',
      company: 'Contoso Health',
      location: 'Denver, Colorado, United States',
      profileUrl: url,
      memberId: null,
    });
  });
});

describe('extractProfile on pages that are not a readable person', () => {
  it.each([
    'https://www.linkedin.com/company/northwind-analytics/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/search/results/people/?keywords=olivia',
    'https://www.linkedin.com/jobs/view/4012345678/',
    'https://www.linkedin.com/messaging/thread/2-MzQ5ZTEyYjAtNmE4Ny00ZjVhLWI1YzItOWQ3YTFmMGUyYjQxXzEwMA==/',
  ])('returns null for %s', (url) => {
    expect(extractProfile(loadFixture('linkedin-profile-classic.html', OLIVIA), url)).toBeNull();
  });

  it('returns null on a company page', () => {
    const url = 'https://www.linkedin.com/company/northwind-analytics/';
    expect(extractProfile(loadFixture('linkedin-company.html', url), url)).toBeNull();
    // Even handed a profile URL, a company's card is not taken for a person.
    expect(extractProfile(loadFixture('linkedin-company.html', url), OLIVIA)).toBeNull();
  });

  it('returns null for a profile URL whose page shows no person', () => {
    const url = 'https://www.linkedin.com/in/ghost-profile-0a1b2c3d/';
    const doc = loadFixture('linkedin-profile-unavailable.html', url);
    expect(extractProfile(doc, url)).toBeNull();
    expect(topCardName(doc)).toBeNull();
  });

  it('returns null while the page is still an empty shell', () => {
    const doc = loadFixture('linkedin-profile-classic.html', OLIVIA);
    doc.querySelector('main')?.replaceChildren(doc.createElement('div'));
    expect(extractProfile(doc, OLIVIA)).toBeNull();
    expect(topCardName(doc)).toBeNull();
  });
});

describe('extractProfile on the logged-out public profile', () => {
  const url = 'https://de.linkedin.com/in/lena-vogt-5b3a1c22?trk=public_profile_browsemap';
  const lena = {
    name: 'Lena Vogt',
    headline: 'Head of Partnerships bei Kessler Robotik | Robotik & Automatisierung für den Mittelstand',
    company: 'Kessler Robotik GmbH',
    location: 'Berlin, Berlin, Deutschland',
    profileUrl: 'https://www.linkedin.com/in/lena-vogt-5b3a1c22/',
    memberId: null,
  };

  it('reads the country-subdomain page into the www profile URL', () => {
    expect(extractProfile(loadFixture('linkedin-profile-public.html', url), url)).toEqual(lena);
  });

  it('takes the current employer from JSON-LD: the first worksFor without an end date', () => {
    const doc = loadFixture('linkedin-profile-public.html', url);
    doc.querySelector('.top-card__links-container')?.remove();
    const script = doc.querySelector('script[type="application/ld+json"]');
    const data = JSON.parse(script?.textContent ?? '{}') as { '@graph': Array<{ worksFor?: unknown[] }> };
    data['@graph'][0]?.worksFor?.reverse(); // the ended job first now
    if (script) script.textContent = JSON.stringify(data);
    expect(extractProfile(doc, url)?.company).toBe('Kessler Robotik GmbH');
  });

  it('reads an open date range (one <time>) in Experience when JSON-LD and the top-card link are gone', () => {
    const doc = loadFixture('linkedin-profile-public.html', url);
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    doc.querySelector('.top-card__links-container')?.remove();
    expect(extractProfile(doc, url)).toEqual(lena);
  });

  it('falls back to JSON-LD alone when the page markup is unknown', () => {
    const doc = loadFixture('linkedin-profile-public.html', url);
    doc.querySelector('main')?.replaceChildren();
    expect(extractProfile(doc, url)).toEqual({
      ...lena,
      // The title after the name is the employer here, and jobTitle is not the headline: none rather than a guess.
      headline: null,
      location: 'Berlin',
    });
  });
});

describe('extractProfile on the 2025–26 layout with hashed class names', () => {
  it('reads the server-driven top card (name in an h2, lines in <p>s, rail inside main)', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    expect(extractProfile(doc, DANIEL)).toEqual(daniel);
    expect(topCardName(doc)).toBe('Daniel Okafor');
  });

  it('still reads it without componentkeys, from main’s first section, confirmed by the title', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    for (const el of Array.from(doc.querySelectorAll('[componentkey]'))) el.removeAttribute('componentkey');
    expect(extractProfile(doc, DANIEL)).toEqual(daniel);
  });

  it('finds the current company through Experience when the company icon is gone', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    for (const svg of Array.from(doc.querySelectorAll('svg[id^="company-"]'))) svg.removeAttribute('id');
    expect(extractProfile(doc, DANIEL)?.company).toBe('Tailwind Traders');
    // And from the grouped first Experience entry (Jan 2023 – Present) when the top card has none.
    for (const button of Array.from(doc.querySelectorAll('main [role="button"]:has(figure)'))) button.remove();
    expect(extractProfile(doc, DANIEL)?.company).toBe('Tailwind Traders');
  });

  it('reads nothing when the card belongs to another profile than the URL', () => {
    const doc = loadFixture('linkedin-profile-hashed.html', DANIEL);
    expect(extractProfile(doc, 'https://www.linkedin.com/in/hannah-becker-4d2e8f10/')).toBeNull();
  });
});

describe('extractProfile text handling', () => {
  it('returns names with diacritics and emoji in NFC, and percent-encodes the slug', () => {
    const url = 'https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m-%C5%82ukasiewicz-9c1d2e3f/';
    const doc = loadFixture('linkedin-profile-diacritics.html', url);
    const profile = extractProfile(doc, url);
    expect(profile).toEqual({
      name: 'Zoë Ångström-Łukasiewicz 🚀',
      headline: 'Vedoucí produktu ve Škoda Digital · Produktová strategie & UX 🇨🇿',
      company: 'Škoda Digital s.r.o.',
      location: 'Kraków, Małopolskie, Poland',
      profileUrl: url,
      memberId: null,
    });
    // The fixture's heading holds "e" + U+0308; the name is composed.
    expect(doc.querySelector('main h1')?.textContent).toContain('Zoe\u0308');
    expect(profile?.name.startsWith('Zo\u00eb')).toBe(true);
  });

  it('returns markup in a name as plain text and creates no elements from it', () => {
    const url = 'https://www.linkedin.com/in/xss-test-4f5e6d7c/';
    const doc = loadFixture('linkedin-profile-hostile.html', url);
    expect(extractProfile(doc, url)).toEqual({
      name: '"><img src=x onerror=alert(1)>',
      headline: '<script>alert("headline")</script> & <b>Bold</b> Engineer',
      company: 'Evil & Sons "Ltd" <svg onload=alert(2)>',
      location: 'Nowhere\', "quoted" <br>',
      profileUrl: url,
      memberId: null,
    });
    expect(doc.querySelector('img[src="x"], main script, main svg[onload]')).toBeNull();
  });

  it('never doubles text LinkedIn repeats for screen readers', () => {
    const doc = loadFixture('linkedin-profile-classic.html', OLIVIA);
    const h1 = doc.querySelector('main h1');
    if (h1) h1.innerHTML = '<span aria-hidden="true">Olivia Hartmann</span><span class="visually-hidden">Olivia Hartmann</span>';
    expect(extractProfile(doc, OLIVIA)?.name).toBe('Olivia Hartmann');
  });

  it('never guesses the company from "@" or "at" in the headline', () => {
    const doc = loadFixture('linkedin-profile-classic.html', OLIVIA);
    doc.querySelector('.pv-text-details__right-panel')?.remove();
    doc.querySelector('#experience')?.closest('section')?.remove();
    const headline = doc.querySelector('[data-generated-suggestion-target]');
    if (headline) headline.textContent = 'Engineer @ Contoso | ex-Fabrikam, at Litware on weekends';
    expect(extractProfile(doc, OLIVIA)).toEqual({
      ...olivia,
      headline: 'Engineer @ Contoso | ex-Fabrikam, at Litware on weekends',
      company: null,
    });
  });
});

describe('extractProfile with several roles at one company', () => {
  it('takes the group’s company when its latest role is ongoing (classic grouped entry)', () => {
    const doc = loadFixture('linkedin-profile-classic.html', OLIVIA);
    doc.querySelector('.pv-text-details__right-panel')?.remove();
    const twin = (t: string) => `<span aria-hidden="true">${t}</span><span class="visually-hidden">${t}</span>`;
    const role = (title: string, dates: string) =>
      `<li class="pvs-list__paged-list-item"><div class="pvs-entity" data-view-name="profile-component-entity">
        <a class="optional-action-target-wrapper" href="https://www.linkedin.com/company/contoso-health/">
        <div class="t-bold">${twin(title)}</div><span class="t-14 t-normal t-black--light">${twin(dates)}</span></a></div></li>`;
    const first = doc.querySelector('#experience ~ .pvs-list__outer-container [data-view-name="profile-component-entity"]');
    if (!first) throw new Error('fixture changed');
    first.innerHTML = `<div><a href="https://www.linkedin.com/company/contoso-health/" data-field="experience_company_logo">
      <img alt="Contoso Health logo" src="data:,"></a></div><div class="display-flex flex-column full-width">
      <a class="optional-action-target-wrapper" href="https://www.linkedin.com/company/contoso-health/">
      <div class="t-bold">${twin('Contoso Health')}</div><span class="t-14 t-normal">${twin('Full-time · 8 yrs 3 mos')}</span></a>
      <div class="pvs-list__outer-container"><ul class="pvs-list">
      ${role('VP Product', 'Mar 2023 - Present · 2 yrs 6 mos')}${role('Product Manager', 'Jun 2017 - Feb 2023 · 5 yrs 9 mos')}
      </ul></div></div>`;
    expect(extractProfile(doc, OLIVIA)?.company).toBe('Contoso Health');
  });
});

describe('extractProfile in another UI language', () => {
  it('reads a German page without relying on English labels', () => {
    expect(extractProfile(loadFixture('linkedin-profile-de.html', JONAS), JONAS)).toEqual(jonas);
  });

  it('takes the company from an ongoing first Experience entry ("Jan. 2019 – Heute")', () => {
    const doc = loadFixture('linkedin-profile-de.html', JONAS);
    doc.querySelector('.pv-text-details__right-panel')?.remove();
    expect(extractProfile(doc, JONAS)).toEqual(jonas);
  });

  it('returns no company rather than a past one', () => {
    const doc = loadFixture('linkedin-profile-de.html', JONAS);
    doc.querySelector('.pv-text-details__right-panel')?.remove();
    for (const el of Array.from(doc.querySelectorAll('.pvs-entity__caption-wrapper, .pvs-entity__caption-wrapper + .visually-hidden'))) {
      el.textContent = (el.textContent ?? '').replace('Heute', 'Juli 2025');
    }
    expect(extractProfile(doc, JONAS)?.company).toBeNull();
  });
});
