/**
 * The toolbar popup as one classic script and its styles in the page. Vite builds the extension's
 * pages together, so the popup comes out as an ES module that imports a chunk it shares with the
 * dashboard, plus a stylesheet: three files to fetch, link and compile before its counts show.
 * Measured on the idle machine (paired, 21 opens each, no request routing): a blank extension page
 * loading one tiny script 70 ms, that popup 84 ms, the popup as one classic script at the end of
 * the body with its CSS inline 73 ms (README, "Performance"). So after WXT has built the pages,
 * this builds entrypoints/popup/main.tsx again with the pages' own Vite config as one IIFE,
 * `popup.js`, and rewrites popup.html to load only that, with its CSS in a <style> (extension pages'
 * CSP restricts scripts, not styles). The dashboard keeps the shared chunk. `wxt dev` keeps
 * Vite's page as it is.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { defineWxtModule } from 'wxt/modules';

const ENTRY = 'entrypoints/popup/main.tsx';
const OUT = 'popup.js';

export default defineWxtModule({
  name: 'warm-intro:popup-bundle',
  setup(wxt) {
    let pagesConfig: InlineConfig | null = null;
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'popup')) pagesConfig = config;
    });

    wxt.hooks.hook('build:manifestGenerated', async (wxt) => {
      if (wxt.config.command !== 'build') return;
      if (!pagesConfig) throw new Error('popup-bundle: no build of the extension pages to take the Vite config from');
      const outDir = wxt.config.outDir;
      const page = join(outDir, 'popup.html');
      const html = readFileSync(page, 'utf8');
      // What Vite's page loads: its entry module, the chunks it preloads, its stylesheets.
      const entry = html.match(/<script type="module"[^>]*\bsrc="\/(chunks\/[^"]+\.js)"[^>]*><\/script>/);
      const stylesheets = [...html.matchAll(/<link rel="stylesheet"[^>]*\bhref="\/([^"]+\.css)"[^>]*>/g)];
      if (!entry || stylesheets.length === 0) throw new Error('popup-bundle: popup.html does not load one entry module and its stylesheet as expected');

      const { rollupOptions: _ro, rolldownOptions: _rdo, lib: _lib, ...buildRest } = (pagesConfig.build ?? {}) as Record<string, unknown>;
      const tmp = join(outDir, '.popup-bundle');
      await build({
        ...pagesConfig,
        configFile: false,
        logLevel: 'warn',
        build: {
          ...buildRest,
          outDir: tmp,
          emptyOutDir: true,
          copyPublicDir: false,
          cssCodeSplit: false,
          rollupOptions: {
            input: resolve(wxt.config.root, ENTRY),
            output: { format: 'iife', entryFileNames: OUT, assetFileNames: 'popup[extname]', codeSplitting: false },
          },
        },
      });
      const css = readdirSync(tmp).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(tmp, f), 'utf8'));
      if (!existsSync(join(tmp, OUT)) || css.length === 0) throw new Error('popup-bundle: the one-file build gave no script or no CSS');
      writeFileSync(join(outDir, OUT), readFileSync(join(tmp, OUT)));
      rmSync(tmp, { recursive: true, force: true });

      let rewritten = html
        .replace(entry[0], '')
        .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
        .replace(/\s*<\/body>/, `\n    <script src="/${OUT}"></script>\n  </body>`);
      for (const [link] of stylesheets) rewritten = rewritten.replace(link, '');
      const style = css.join('\n').replaceAll('/*$vite$:1*/', '').trim().replaceAll('</style', '<\\/style');
      rewritten = rewritten.replace('</head>', `  <style>${style}</style>\n  </head>`).replace(/\n\s*\n/g, '\n');
      writeFileSync(page, rewritten);

      // Vite's popup files that nothing loads now (the dashboard has its own entry and stylesheet).
      const dashboard = readFileSync(join(outDir, 'dashboard.html'), 'utf8');
      for (const file of [entry[1]!, ...stylesheets.map((m) => m[1]!)]) {
        if (dashboard.includes(file)) continue;
        rmSync(join(outDir, file), { force: true });
        rmSync(join(outDir, `${file}.map`), { force: true });
      }
    });
  },
});
