import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createProfileSidebar } from '../../../entrypoints/linkedin.content/sidebar';
import { installFakeBackground } from '../../helpers/background';

// tests/fixtures/linkedin-profile-classic.html: Olivia Hartmann's profile.
const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';

function showFixture(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const html = readFileSync(join(process.cwd(), 'tests/fixtures/linkedin-profile-classic.html'), 'utf8');
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

const abort = new AbortController();
const ctx = {
  signal: abort.signal,
  onInvalidated: (cb: () => void) => abort.signal.addEventListener('abort', cb),
  addEventListener: (target: EventTarget, type: string, handler: EventListener) => target.addEventListener(type, handler, { signal: abort.signal }),
} as unknown as ContentScriptContext;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the profile sidebar and page changes (issue 13: CPU on a profile load)', () => {
  it('once the person is shown, reads the page again only for changes in or above <main> or in <head>', async () => {
    installFakeBackground('page');
    showFixture(OLIVIA);
    const sidebar = createProfileSidebar(ctx, { requestRefresh: () => {} });
    const main = document.querySelector('main')!;

    // Before anyone is shown, any change may bring the top card.
    expect(sidebar.concerns(document.body, document.body)).toBe(true);
    sidebar.refresh();
    const host = document.querySelector('warm-intro-sidebar')!;
    await waitFor(() => expect(host.shadowRoot!.querySelector('[data-testid=wi-profile-name]')?.textContent).toBe('Olivia Hartmann'));

    // A post, a toast or a chat bubble elsewhere in the page: not read again.
    const toast = document.createElement('div');
    document.body.append(toast);
    expect(sidebar.concerns(document.body, toast)).toBe(false);
    expect(sidebar.concerns(toast, document.createElement('p'))).toBe(false);
    // The top card or a section of the profile: read again.
    const line = document.createElement('p');
    main.append(line);
    expect(sidebar.concerns(main, line)).toBe(true);
    expect(sidebar.concerns(line, document.createTextNode('x'))).toBe(true);
    // The title or JSON-LD in <head>, and a new <main> rendered above the old one: read again.
    expect(sidebar.concerns(document.head, document.createElement('title'))).toBe(true);
    const frame = document.createElement('div');
    frame.append(document.createElement('main'));
    expect(sidebar.concerns(document.body, frame)).toBe(true);
    // The main the person was read from is gone: anything may bring the next one.
    main.remove();
    expect(sidebar.concerns(document.body, toast)).toBe(true);
    abort.abort();
  });
});
