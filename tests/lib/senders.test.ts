import { describe, expect, it } from 'vitest';
import { classifySender, isPageScriptUrl } from '../../lib/senders';

const CHROME = { id: 'abcdefghijklmnopabcdefghijklmnop', base: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const FIREFOX = { id: 'warm-intro@warm-intro.invalid', base: 'moz-extension://0f1e2d3c-aaaa-4bbb-8ccc-123456789abc/' };

describe('who sent a message', () => {
  it('knows the extension’s own pages, on Chrome and Firefox', () => {
    expect(classifySender({ id: CHROME.id, url: `${CHROME.base}dashboard.html#/data` }, CHROME)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: CHROME.id, url: `${CHROME.base}popup.html`, tab: { id: 3 } }, CHROME)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: FIREFOX.id, url: `${FIREFOX.base}popup.html` }, FIREFOX)).toEqual({ kind: 'extension' });
  });

  it.each([
    'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/',
    'https://de.linkedin.com/in/olivia-hartmann-8a61b2b4/',
    'https://mail.google.com/mail/u/0/#inbox',
  ])('takes %s for a page script, with its tab', (url) => {
    expect(classifySender({ id: CHROME.id, url, tab: { id: 7, url } }, CHROME)).toEqual({ kind: 'page', tabId: 7 });
  });

  it('falls back to the origin, then the tab URL, when the frame URL is missing', () => {
    expect(classifySender({ id: CHROME.id, origin: 'https://www.linkedin.com' }, CHROME)).toEqual({ kind: 'page', tabId: null });
    expect(classifySender({ id: CHROME.id, tab: { id: 2, url: 'https://mail.google.com/mail/u/0/' } }, CHROME)).toEqual({ kind: 'page', tabId: 2 });
    expect(classifySender({ id: CHROME.id, tab: { id: 2, url: `${CHROME.base}dashboard.html` } }, CHROME)).toEqual({ kind: 'extension' });
  });

  it.each([
    ['another https site', { url: 'https://evil.example/' }],
    ['a look-alike host', { url: 'https://www.linkedin.com.evil.example/in/x/' }],
    ['a host ending in linkedin.com without the dot', { url: 'https://evillinkedin.com/' }],
    ['bare linkedin.com (the content script never runs there)', { url: 'https://linkedin.com/' }],
    ['plain http LinkedIn', { url: 'http://www.linkedin.com/in/x/' }],
    ['LinkedIn on another port', { url: 'https://www.linkedin.com:8443/in/x/' }],
    ['Google but not Gmail', { url: 'https://docs.google.com/' }],
    ['a URL with credentials', { url: 'https://user:pw@mail.google.com/' }],
    ['no URL at all', {}],
    ['an unparsable URL', { url: 'not a url' }],
    ['about:blank', { url: 'about:blank' }],
    ['a data: URL', { url: 'data:text/html,<p>hi</p>' }],
    ['another extension’s page', { url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html' }],
    ['a web page claiming our origin in its tab only', { url: 'https://evil.example/', tab: { url: `${CHROME.base}popup.html` } }],
  ])('refuses %s', (_, sender) => {
    expect(classifySender({ id: CHROME.id, ...sender }, CHROME).kind).toBe('stranger');
  });

  it('refuses another extension id, even with our URL or a LinkedIn one', () => {
    expect(classifySender({ id: 'someone-else', url: `${CHROME.base}popup.html` }, CHROME).kind).toBe('stranger');
    expect(classifySender({ id: 'someone-else', url: 'https://www.linkedin.com/in/x/' }, CHROME).kind).toBe('stranger');
    expect(classifySender(undefined, CHROME).kind).toBe('stranger');
  });

  it('tells a Firefox page script from a Chrome extension page', () => {
    expect(classifySender({ id: FIREFOX.id, url: `${CHROME.base}popup.html` }, FIREFOX).kind).toBe('stranger');
    expect(isPageScriptUrl('https://fr.linkedin.com/feed/')).toBe(true);
  });
});
