import { describe, expect, it } from 'vitest';
import { hrefShape, pageStructure, structureRegion } from '../../../lib/linkedin/page-structure';
import { loadFixture } from '../../helpers/dom';

/** Every text and attribute value of `root` a reader could recognise someone by (3+ characters). */
function pageData(root: Element): string[] {
  const found = new Set<string>();
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const text = (node as Text).data.trim();
      if (text.length >= 3) found.add(text);
    } else if (node.nodeType === 1) {
      for (const { name, value } of Array.from((node as Element).attributes)) {
        // Kept on purpose: roles, the page's own test ids, the classes the readers rely on, enumerations.
        if (['role', 'data-testid', 'data-view-name', 'data-component-type', 'data-sdui-component'].includes(name)) continue;
        if (name === 'class' && ['visually-hidden', 'a11y-text'].includes(value)) continue;
        if (/^(?:true|false|button|submit|dialog|menu|polite|text|hidden)$/.test(value)) continue;
        if (value.length >= 3) found.add(value);
      }
      for (const child of Array.from(node.childNodes)) walk(child);
    }
  };
  walk(root);
  return Array.from(found);
}

const CASES: Array<[string, string]> = [
  ['linkedin-profile-2026-en.html', 'https://www.linkedin.com/in/ingrid-solberg-3e9a1f52/'],
  ['linkedin-profile-2026-fr.html', 'https://www.linkedin.com/in/thibault-lemaire-8b2c4d6e/'],
  ['linkedin-profile-hashed.html', 'https://www.linkedin.com/in/daniel-okafor-7e21c9a4/'],
  ['linkedin-profile-classic.html', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
  ['linkedin-profile-public-nl.html', 'https://nl.linkedin.com/in/sanne-de-vries-7c6b5a4d'],
  ['linkedin-chat-presence.html', 'https://www.linkedin.com/feed/'],
];

describe('pageStructure', () => {
  it.each(CASES)('keeps no text or attribute value of %s', (fixture, url) => {
    const doc = loadFixture(fixture, url);
    const out = pageStructure(doc.body);
    // Tag and attribute names are code (`data-msg-overlay-…`, `<main>`); links are checked for their shape below.
    const values = out
      .replace(/href="[^"]*"/g, 'href=""')
      .replace(/<\/?[a-z0-9-]+/g, '<')
      .replace(/ [a-z][a-z0-9_:.-]*(?==|(?=[ >]))/gi, ' ');
    const leaked = pageData(doc.body).filter((value) => values.includes(value));
    expect(leaked).toEqual([]);
    const hrefs = Array.from(out.matchAll(/href="([^"]*)"/g), (m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(/^(?:#|<external>|(?:https:\/\/<sub>\.linkedin\.com)?\/(?:[a-z-]+\/|<slug>\/|<id>\/|<x>\/)*(?:\?[A-Za-z_]+=<[a-z]+>(?:&amp;[A-Za-z_]+=<[a-z]+>)*)?)$/);
    }
    // The person's names, ids and slugs in particular.
    expect(out).not.toMatch(/Ingrid|Solberg|Thibault|Okafor|Olivia|Sanne|Nadia|ACoAA|3e9a1f52|7e21c9a4/);
  });

  it('keeps what makes it a fixture: tags, roles, aria keys, componentkey and link shapes', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', 'https://www.linkedin.com/in/ingrid-solberg-3e9a1f52/');
    const hero = doc.querySelector('main section');
    if (!hero) throw new Error('fixture changed');
    const out = pageStructure(hero);
    expect(out.split('\n')[0]).toBe('<section componentkey="<uuid>">');
    expect(out).toContain('<a tabindex="[value:1]" href="/in/<slug>/" componentkey="<uuid>">');
    expect(out).toContain('aria-label="[value:14]"');
    expect(out).toContain('href="/messaging/compose/?profileUrn=<urn>&amp;recipient=<id>&amp;screenContext=<v>&amp;interop=<v>"');
    expect(out).toContain('href="/search/results/people/?facetConnectionOf=<id>&amp;facetNetwork=<v>&amp;origin=<v>"');
    expect(out).toContain('<button type="button" componentkey="<uuid>" aria-expanded="false">');
    expect(out).toContain('<div role="button" tabindex="[value:1]" componentkey="<uuid>">');
    expect(out).toContain('<svg xmlns="[value:26]" id="company-<icon>" aria-hidden="true" viewBox="[value:11]"></svg>');
    expect(out).toContain('[text:14]');
    expect(out).toContain('<img alt src="[value:6]" width="[value:2]" height="[value:2]">\n');
    expect(out).not.toContain('_384a5d29');
  });

  it('reduces links to their shape', () => {
    expect(hrefShape('https://www.linkedin.com/in/ravi-shah-0a9b8c7d/overlay/contact-info/')).toBe('/in/<slug>/overlay/contact-info/');
    expect(hrefShape('/in/ACoAAB3xK9sBq2Lm7TfHcY1pWzR0vN4eU8gQj5c/')).toBe('/in/<id>/');
    expect(hrefShape('https://nl.linkedin.com/company/fabrikam/')).toBe('https://<sub>.linkedin.com/company/<slug>/');
    expect(hrefShape('/preload/custom-invite/?vanityName=ravi-shah-0a9b8c7d')).toBe('/preload/custom-invite/?vanityName=<v>');
    expect(hrefShape('https://example.com/ravi')).toBe('<external>');
    expect(hrefShape('mailto:ravi@example.com')).toBe('mailto:<…>');
    expect(hrefShape('#')).toBe('#');
  });

  it('reports the region around the top card on a profile it could not read, else main', () => {
    const doc = loadFixture('linkedin-profile-2026-en.html', 'https://www.linkedin.com/in/ingrid-solberg-3e9a1f52/');
    expect(structureRegion(doc, 'ingrid-solberg-3e9a1f52').tagName).toBe('DIV'); // the sticky bar comes first
    expect(structureRegion(doc, 'nobody-here').tagName).toBe('MAIN');
  });
});
