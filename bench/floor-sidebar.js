// The least a one-frame LinkedIn sidebar costs the page, as a floor for the benchmark's "main-thread
// CPU added" rows (bench/run.mjs swaps it in for content-scripts/linkedin.js in a copy of the build):
// at document_start, watch the page until its <main> has an <h1>, then draw that name with a
// "Log contact" button in a shadow root and ask the background once who this is. No layouts, no
// fallbacks, no single-page-app moves, no introducers, no mutual line: it is not a product, only the
// smallest script doing what issue 13 item 2 asks for on screen.
(() => {
  const draw = (h1) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;top:72px;right:16px;z-index:9999';
    const root = host.attachShadow({ mode: 'open' });
    const box = document.createElement('aside');
    box.style.cssText = 'width:280px;padding:12px;background:#fff;border:1px solid #e3dcd2;border-radius:8px;font:14px system-ui,sans-serif;color:#1f1b16';
    const name = document.createElement('h2');
    name.style.cssText = 'margin:0 0 8px;font-size:16px';
    name.textContent = h1.textContent.trim();
    const button = document.createElement('button');
    button.textContent = 'Log contact';
    const stage = document.createElement('p');
    box.append(name, button, stage);
    root.append(box);
    document.documentElement.append(host);
    const profileUrl = location.origin + location.pathname;
    chrome.runtime.sendMessage({ type: 'contact.lookup', payload: { profileUrl } }).then(
      (reply) => {
        stage.textContent = reply?.ok && reply.data?.contact ? reply.data.contact.stage : 'Not in your pipeline yet';
      },
      () => {},
    );
  };
  const look = () => {
    const h1 = document.querySelector('main h1');
    if (!h1 || !h1.textContent.trim()) return;
    observer.disconnect();
    draw(h1);
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true });
})();
