import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

/**
 * Content scripts and the extension's pages (popup, dashboard) get the browser's own
 * `browser`/`chrome` object, not webextension-polyfill: everything they call (runtime.sendMessage,
 * runtime.getURL, storage, tabs.create) returns promises natively in Chrome MV3 and Firefox, so the
 * polyfill's 10 kB would buy nothing on every LinkedIn and Gmail page, and would be parsed before
 * the popup's counts. The background keeps it (see README, "Dependencies, and why").
 */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');

// Host access is the two sites Warm Intro works in, nothing else (see README, "Privacy"). LinkedIn
// includes its country subdomains (nl., fr., uk. …): search engines send logged-out visitors to
// public profiles there, and the sidebar logs them under the www URL.
export const HOSTS = ['https://*.linkedin.com/*', 'https://mail.google.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // lib/ and components/ are imported explicitly, so a reader can follow every dependency.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Warm Intro',
    description:
      'Informational interviews, done well: log LinkedIn contacts with their referrer, send warm requests from Gmail and LinkedIn, follow the 3/6 rule, never forget a thank-you. Your data stays on your machine.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: HOSTS,
    action: { default_title: 'Warm Intro' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'warm-intro@warm-intro.invalid',
              // data_collection_permissions (required on AMO) is read from Firefox 140 on the desktop
              // (the current ESR) and 142 on Android; older versions reject or ignore it.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `WI_SOURCEMAP=1 wxt build` (npm run bench) adds source maps, unreferenced by the scripts, for the per-dependency breakdown.
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) return;
      const alias = { find: /^wxt\/browser$/, replacement: NATIVE_BROWSER };
      config.resolve ??= {};
      const current = config.resolve.alias ?? [];
      config.resolve.alias = Array.isArray(current)
        ? [alias, ...current]
        : [alias, ...Object.entries(current).map(([find, replacement]) => ({ find, replacement }))];
    },
  },
  vite: () => ({ plugins: [preact()], build: { sourcemap: process.env.WI_SOURCEMAP ? 'hidden' : false } }),
  // `wxt zip -b firefox` also writes the sources zip AMO asks for: only what the build reads, so a
  // reviewer can rebuild the submitted add-on with `npm ci && npm run build:firefox` (README, "Store").
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'README.md',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'modules/**',
      'public/**',
    ],
  },
});
