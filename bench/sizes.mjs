// Sizes of the built scripts, raw and gzipped: each content script (and each module it loads on
// first use), the service worker, and each
// extension page counted as its entry chunk plus every chunk it imports statically (what the page
// must load before it can render; dynamic `import()`s are left out).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} dir the built extension (.output/chrome-mv3) */
export function scriptSizes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const measure = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { files, raw, gzip };
  };

  const items = [];
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) items.push({ kind: 'content', name: file, ...measure([file]) });
  }
  // Modules a content script loads on first use (modules/lazy-chunks.ts): web-accessible scripts.
  for (const entry of manifest.web_accessible_resources ?? []) {
    for (const file of typeof entry === 'string' ? [entry] : entry.resources) {
      if (file.endsWith('.js')) items.push({ kind: 'lazy', name: file, ...measure([file]) });
    }
  }
  const worker = manifest.background?.service_worker;
  if (worker) items.push({ kind: 'background', name: worker, ...measure([worker]) });
  for (const html of ['popup.html', 'dashboard.html']) {
    let text;
    try {
      text = readFileSync(join(dir, html), 'utf8');
    } catch {
      continue;
    }
    const entries = [...text.matchAll(/<script[^>]*\bsrc="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    items.push({ kind: 'page', name: html, ...measure(staticClosure(dir, entries)) });
  }
  return items;
}

/** The entry chunks and everything they import statically, transitively. */
function staticClosure(dir, entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const base = file.slice(0, file.lastIndexOf('/') + 1);
    // `import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"` — not `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^'"`;()]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(normalize(base + m[1]));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

function normalize(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
