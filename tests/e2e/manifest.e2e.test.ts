import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/browser.mjs';

const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
// LinkedIn with its country subdomains (public profiles on nl., fr., uk. …), and Gmail.
const HOSTS = ['https://*.linkedin.com/*', 'https://mail.google.com/*'];

describe('the built manifests ask for nothing beyond what Warm Intro uses', () => {
  it('Chrome (MV3): storage, alarms, notifications; LinkedIn and Gmail only', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('Warm Intro');
    expect(m.permissions.sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions.sort()).toEqual([...HOSTS].sort());
    expect(m.optional_permissions ?? []).toEqual([]);
    // Only each content script's own stylesheet (for its shadow-root UI) and the modules it loads on
    // first use (modules/lazy-chunks.ts), to its own site, and under a per-session URL
    // (use_dynamic_url) so pages cannot use them to detect Warm Intro.
    expect(m.web_accessible_resources).toEqual([
      { resources: ['content-scripts/gmail.css'], use_dynamic_url: true, matches: ['https://mail.google.com/*'] },
      { resources: ['content-scripts/linkedin.css'], use_dynamic_url: true, matches: ['https://*.linkedin.com/*'] },
      { resources: ['lazy/linkedin/sidebar.js', 'lazy/linkedin/composers.js', 'lazy/linkedin/messages.js', 'lazy/linkedin/company.js', 'lazy/linkedin/badges.js'], matches: ['https://*.linkedin.com/*'], use_dynamic_url: true },
      { resources: ['lazy/gmail/composes.js'], matches: ['https://mail.google.com/*'], use_dynamic_url: true },
    ]);
    expect(m.externally_connectable).toBeUndefined();
    const matches = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort();
    expect(matches).toEqual([...HOSTS].sort());
    expect(Object.keys(m.icons).sort()).toEqual(['128', '16', '32', '48']);
    // No remote code: the CSP is the MV3 default (no extra sources).
    expect(m.content_security_policy).toBeUndefined();
  });

  it('Firefox (built by `wxt build -b firefox`): the same permissions, with its add-on id', () => {
    const m = manifest('firefox-mv2');
    expect(m.permissions.sort()).toEqual(['alarms', 'notifications', 'storage', ...HOSTS].sort());
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // The Firefox background is an MV2 background page (scripts), not a service worker.
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.web_accessible_resources.sort()).toEqual(
      ['content-scripts/gmail.css', 'content-scripts/linkedin.css', 'lazy/gmail/composes.js', 'lazy/linkedin/badges.js', 'lazy/linkedin/company.js', 'lazy/linkedin/composers.js', 'lazy/linkedin/messages.js', 'lazy/linkedin/sidebar.js'].sort(),
    );
  });

  it('Firefox: the minimum versions are those that read every key the manifest uses', () => {
    const { gecko, gecko_android: android } = manifest('firefox-mv2').browser_specific_settings;
    const major = (v: string) => Number(/^(\d+)\./.exec(v)?.[1]);
    // data_collection_permissions (required by AMO since November 2025) is read from Firefox 140 on
    // the desktop and 142 on Android; an older minimum lets a Firefox install it that rejects it.
    expect(gecko.data_collection_permissions).toBeDefined();
    expect(gecko.strict_min_version).toMatch(/^\d+\.\d+$/);
    expect(major(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(major(android.strict_min_version)).toBeGreaterThanOrEqual(142);
    // And no higher than needed: Firefox ESR 140 (and the ESR the tests run) install it.
    expect(major(gecko.strict_min_version)).toBe(140);
  });
});
