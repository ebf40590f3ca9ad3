/**
 * Loads an offline fixture into a happy-dom document for node unit tests. Inline scripts never run
 * (the fixtures' page scripts imitate the site's behaviour, which a parser test must not trigger),
 * and nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The fixture `tests/fixtures/<name>` parsed as if served at `url`. */
export function loadFixture(name: string, url: string): Document {
  const html = readFileSync(`${FIXTURES}${name}`, 'utf8');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  // happy-dom's Document is structurally the DOM's; the cast only bridges the two type declarations.
  return window.document as unknown as Document;
}
