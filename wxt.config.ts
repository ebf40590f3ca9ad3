import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});
