/**
 * Shown when the extension was updated or reloaded under an open page: the old content script can
 * no longer reach Warm Intro (and WXT has removed its UI), so it says so once, in a corner, and
 * offers the reload. Built with DOM calls and inline styles: the extension's CSS file is no longer
 * reachable at this point.
 */
export const STALE_HOST = 'warm-intro-stale';

export function showStaleNotice(doc: Document = document): void {
  if (doc.querySelector(STALE_HOST)) return;
  const host = doc.createElement(STALE_HOST);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; }
    div { font: 14px/1.4 system-ui, sans-serif; background: #fff; color: #1f1b16; border: 1px solid #e3dcd2;
      border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 12px; max-width: 300px; }
    @media (prefers-color-scheme: dark) { div { background: #1c1917; color: #f5f5f4; border-color: #44403c; } }
    button { font: inherit; margin: 6px 6px 0 0; border-radius: 8px; padding: 3px 10px; cursor: pointer; }
    .go { background: #c2410c; color: #fff; border: 1px solid transparent; }`;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.dataset.testid = 'wi-stale';
  const text = doc.createElement('p');
  text.style.margin = '0';
  text.textContent = 'Warm Intro was updated. Reload this page to keep using it.';
  const reload = doc.createElement('button');
  reload.className = 'go';
  reload.textContent = 'Reload page';
  reload.addEventListener('click', () => location.reload());
  const dismiss = doc.createElement('button');
  dismiss.textContent = 'Not now';
  dismiss.addEventListener('click', () => host.remove());
  box.append(text, reload, dismiss);
  root.append(style, box);
  doc.body.append(host);
}
