/**
 * Content-script code loaded on first use. Content scripts are classic scripts, which WXT bundles
 * one file each (IIFE, no code splitting); the parts a page needs only once the user reaches for
 * them (the compose menus, the contact picker, templates, the sidebar's forms) are built here a
 * second time as ES modules under `lazy/`, and the content script `import()`s them by
 * `browser.runtime.getURL` (lib/lazy.ts). Each module file is web-accessible only on the site that
 * uses it, through Chrome's per-session dynamic URL (README, "Privacy").
 *
 * Built per site with that site's content-script Vite config (same plugins, aliases and defines:
 * `createShadowRootUi` there loads the site's stylesheet, as in the content script), after WXT
 * has built the entrypoints and before it writes the manifest, so the manifest can list exactly
 * the files each site may load.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** Site → lazy entry name → source file. The name is the file `lazy/<site>/<name>.js`. */
export const LAZY_ENTRIES = {
  linkedin: {
    sidebar: 'entrypoints/linkedin.content/sidebar-details.tsx',
    composers: 'entrypoints/linkedin.content/composers.tsx',
    messages: 'entrypoints/linkedin.content/messages.ts',
    company: 'entrypoints/linkedin.content/company-panel.tsx',
    badges: 'entrypoints/linkedin.content/people-badges.tsx',
  },
  gmail: {
    composes: 'entrypoints/gmail.content/composes.tsx',
  },
} as const;

/** The pages each site's content script runs on (its `matches`; LinkedIn's country subdomains too). */
const SITE_MATCHES: Record<keyof typeof LAZY_ENTRIES, string> = {
  linkedin: 'https://*.linkedin.com/*',
  gmail: 'https://mail.google.com/*',
};

export default defineWxtModule({
  name: 'warm-intro:lazy-chunks',
  setup(wxt) {
    /** Each site's content-script build config, by entrypoint name (= site). */
    const configs = new Map<string, InlineConfig>();
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'content-script') configs.set(entrypoints[0]!.name, config);
    });

    wxt.hooks.hook('build:manifestGenerated', async (wxt, manifest) => {
      if (wxt.config.command !== 'build') return;
      manifest.web_accessible_resources ??= [];
      for (const [site, entries] of Object.entries(LAZY_ENTRIES) as Array<[keyof typeof LAZY_ENTRIES, Record<string, string>]>) {
        const contentConfig = configs.get(site);
        if (!contentConfig) throw new Error(`lazy-chunks: no content-script build for ${site} to take the Vite config from`);
        const { lib: _lib, rollupOptions: _ro, rolldownOptions: _rdo, ...buildRest } = (contentConfig.build ?? {}) as Record<string, unknown>;
        const files: string[] = [];
        // One self-contained file per entry, no shared chunks: Chrome resolves a module's own
        // imports against its static chrome-extension:// URL, which `use_dynamic_url` refuses to
        // pages, so a chunk imported by a lazy module would not load. (Only first-use code is
        // duplicated between them, never the page-load script.)
        for (const [name, file] of Object.entries(entries)) {
          await build({
            ...contentConfig,
            configFile: false,
            logLevel: 'warn',
            build: {
              ...buildRest,
              outDir: wxt.config.outDir,
              emptyOutDir: false,
              copyPublicDir: false,
              rollupOptions: {
                input: { [`${site}/${name}`]: resolve(wxt.config.root, file) },
                preserveEntrySignatures: 'exports-only',
                output: { format: 'es', entryFileNames: 'lazy/[name].js', codeSplitting: false },
              },
            },
          });
          files.push(`lazy/${site}/${name}.js`);
        }
        (manifest.web_accessible_resources as unknown[]).push({
          resources: files,
          matches: [SITE_MATCHES[site]],
          ...(wxt.config.browser === 'firefox' ? {} : { use_dynamic_url: true }),
        });
      }
    });
  },
});
