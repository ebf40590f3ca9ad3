// What each dependency costs in each content script: every byte of a built script is attributed,
// through its source map (`WI_SOURCEMAP=1 wxt build`, as `npm run bench` builds), to the source it
// came from; sources are grouped by npm package, or by our own file. Bytes no mapping covers
// (wrappers, the inlined CSS strings) are "(unmapped)".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Which package or file a source-map source belongs to. */
function groupOf(source) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^\/?(work\/[^/]+\/[^/]+\/)/, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return path.replace(/\?.*$/, '');
}

/**
 * @param {string} dir the built extension
 * @param {string} file a script in it, with `<file>.map` beside it
 * @returns {{ file: string, raw: number, gzip: number, groups: Array<{ name: string, raw: number, gzip: number }> } | null}
 */
export function breakdown(dir, file) {
  const mapPath = join(dir, `${file}.map`);
  if (!existsSync(mapPath)) return null;
  const code = readFileSync(join(dir, file), 'utf8');
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const lines = code.split('\n');
  const bytes = new Map();
  let mapped = 0;
  let src = 0;
  map.mappings.split(';').forEach((line, li) => {
    const text = lines[li] ?? '';
    let col = 0;
    /** @type {Array<[number, number]>} */
    const segs = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let v = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(v & 1 ? -(v >>> 1) : v >>> 1);
          v = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length > 1) src += vals[1];
      segs.push([col, vals.length > 1 ? src : -1]);
    }
    segs.forEach(([c, s], i) => {
      if (s < 0) return;
      const end = i + 1 < segs.length ? segs[i + 1][0] : text.length;
      const name = groupOf(map.sources[s]);
      bytes.set(name, (bytes.get(name) ?? 0) + Buffer.byteLength(text.slice(c, end)));
      mapped += Buffer.byteLength(text.slice(c, end));
    });
  });
  const raw = Buffer.byteLength(code);
  if (raw > mapped) bytes.set('(unmapped: inlined CSS strings, bundle wrapper)', raw - mapped);
  const gzip = gzipSync(code, { level: 9 }).length;
  // A share of the file's gzip in proportion to raw bytes: parts compress differently, but the
  // column then adds up to the file's real gzip size.
  const groups = [...bytes]
    .map(([name, n]) => ({ name, raw: n, gzip: Math.round((n / raw) * gzip) }))
    .sort((a, b) => b.raw - a.raw);
  return { file, raw, gzip, groups };
}
