import { describe, expect, it } from 'vitest';
import { companySlug, extractCompanyPage } from '../../../lib/linkedin/company';
import { loadFixture } from '../../helpers/dom';

const NORTHWIND = 'https://www.linkedin.com/company/northwind-analytics/';
const LUCERNE = 'https://www.linkedin.com/company/lucerne-labs/about/';

describe('extractCompanyPage', () => {
  it('reads the classic company page from its top card’s h1 (not the nav’s hidden h1)', () => {
    expect(extractCompanyPage(loadFixture('linkedin-company.html', NORTHWIND), NORTHWIND)).toEqual({
      name: 'Northwind Analytics',
      slug: 'northwind-analytics',
      url: 'https://www.linkedin.com/company/northwind-analytics/',
    });
  });

  it('reads a 2026 page without an h1 from JSON-LD for this slug, then og:title, then the title (any language)', () => {
    const doc = loadFixture('linkedin-company-2026.html', LUCERNE);
    const expected = { name: 'Lucerne Labs AG', slug: 'lucerne-labs', url: 'https://www.linkedin.com/company/lucerne-labs/' };
    expect(extractCompanyPage(doc, LUCERNE)).toEqual(expected);
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    expect(extractCompanyPage(doc, LUCERNE)).toEqual(expected);
    doc.querySelector('meta[property="og:title"]')?.remove();
    // "(2) Lucerne Labs AG: Übersicht | LinkedIn"
    expect(extractCompanyPage(doc, LUCERNE)).toEqual(expected);
    doc.title = 'LinkedIn';
    expect(extractCompanyPage(doc, LUCERNE)).toBeNull();
  });

  it('is null while the page still shows another company (SPA move), and off company pages', () => {
    const other = 'https://www.linkedin.com/company/contoso-health/';
    expect(extractCompanyPage(loadFixture('linkedin-company.html', other), other)).toBeNull();
    const profile = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
    expect(extractCompanyPage(loadFixture('linkedin-profile-classic.html', profile), profile)).toBeNull();
  });
});

describe('companySlug', () => {
  it('takes the slug from any company sub-page and subdomain, lower-cased', () => {
    expect(companySlug('https://www.linkedin.com/company/Northwind-Analytics/people/?facetGeoRegion=1')).toBe('northwind-analytics');
    expect(companySlug('https://ch.linkedin.com/company/lucerne-labs')).toBe('lucerne-labs');
    expect(companySlug('https://www.linkedin.com/company/')).toBeNull();
    expect(companySlug('https://example.com/company/acme/')).toBeNull();
  });
});
