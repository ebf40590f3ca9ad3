/**
 * Badges on LinkedIn's people lists (`/search/results/people/…`: search results and the full
 * mutual-connection list): each listed person you know gets "In your network" or their stage, read
 * from the result's own profile link (lib/linkedin/people-list.ts). On the mutual-connection list of
 * someone you just viewed, each listed person also gets "Save as possible introducer" for them.
 *
 * Plain DOM, one tiny shadow-root host per result: a list shows 10–50 people, and none of this
 * needs the sidebar's Preact tree. One bounded `badges.forProfiles` per batch of new results.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '../../lib/client';
import type { Badge } from '../../lib/messages';
import { mutualMemberId } from '../../lib/linkedin/mutuals';
import { extractPeopleList, isPeopleListPage, type PeopleListEntry } from '../../lib/linkedin/people-list';
import { BADGE_HOST } from './hosts';

/** The person whose mutual-connection list this may be (the profile the sidebar last showed). */
export interface ViewedProfile {
  name: string;
  profileUrl: string;
  memberId: string | null;
  company: string | null;
  headline: string | null;
}

export interface PeopleBadges {
  /** Re-read the list and badge the people not badged yet. */
  refresh(): void;
}

/** At most this many profile URLs per request (the protocol's bound). */
const BATCH = 100;

const STYLE = `
  :host { all: initial; display: inline-flex !important; gap: 6px; align-items: center; margin: 2px 0 2px 6px; vertical-align: middle; }
  span, button { font: 600 11.5px/16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; border-radius: 999px; padding: 0 7px; }
  span { color: #c2410c; border: 1px solid currentColor; white-space: nowrap; }
  button { color: #1f1b16; background: #f6f3ef; border: 1px solid #e3dcd2; cursor: pointer; }
  button:disabled { cursor: default; opacity: .8; }
  @media (prefers-color-scheme: dark) { span { color: #fb923c; } button { color: #f5f5f4; background: #292524; border-color: #44403c; } }`;

export function createPeopleBadges(ctx: ContentScriptContext, opts: { cameFrom: () => ViewedProfile | null }): PeopleBadges {
  /** Answers for this page URL: profile URL → badge, or null (not someone you know). */
  let known = new Map<string, Badge | null>();
  let forUrl = '';
  let asking = false;

  /** Our badge beside each result's link (beside, not inside: a card may be one big link). */
  const hosts = new WeakMap<Element, Element>();
  const hostOf = (entry: PeopleListEntry) => {
    const host = hosts.get(entry.anchor);
    return host?.isConnected ? host : null;
  };

  /** This list's person, when it is someone's mutual list: looked up once per list URL. */
  let listPerson: { url: string; person: Promise<ViewedProfile | null> } | null = null;

  /**
   * The person whose mutual-connection list this is: the profile the sidebar just showed (LinkedIn
   * moves there without loading a page), else a contact with the list's member id (after a reload).
   */
  const target = (): Promise<ViewedProfile | null> => {
    const id = mutualMemberId(location.href);
    if (!id) return Promise.resolve(null);
    const from = opts.cameFrom();
    if (from && from.memberId === id) return Promise.resolve(from);
    if (listPerson?.url !== location.href) {
      const person = ask('contact.lookup', { memberId: id }).then(
        (view): ViewedProfile | null =>
          view?.contact.profileUrl
            ? { name: view.contact.name, profileUrl: view.contact.profileUrl, memberId: id, company: view.contact.company, headline: view.contact.headline }
            : null,
        () => null,
      );
      listPerson = { url: location.href, person };
    }
    return listPerson.person;
  };

  const decorate = (entry: PeopleListEntry, badge: Badge | null, from: ViewedProfile | null) => {
    if (hostOf(entry) || (!badge && !from)) return;
    if (from && entry.profileUrl === from.profileUrl) return;
    const host = document.createElement(BADGE_HOST);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    if (badge) {
      const label = document.createElement('span');
      label.dataset.testid = 'wi-list-badge';
      label.title = 'Warm Intro';
      label.textContent = badge.label;
      root.append(label);
    }
    if (from && entry.name) {
      const save = document.createElement('button');
      save.type = 'button';
      save.dataset.testid = 'wi-save-introducer';
      save.textContent = 'Save as possible introducer';
      save.title = `Warm Intro: ${entry.name} could introduce you to ${from.name}`;
      save.addEventListener('click', (e) => {
        e.preventDefault();
        e.stopPropagation();
        save.disabled = true;
        ask('introducer.save', {
          target: { name: from.name, profileUrl: from.profileUrl, memberId: from.memberId, company: from.company, headline: from.headline },
          introducer: { name: entry.name!, profileUrl: entry.profileUrl },
        }).then(
          () => (save.textContent = `Saved: could introduce you to ${from.name.split(' ')[0]}`),
          (error: Error) => {
            save.disabled = false;
            save.textContent = `Not saved: ${error.message}`;
          },
        );
      });
      root.append(save);
    }
    // After the name link, never inside it: a click on the badge must not open the profile.
    entry.anchor.after(host);
    hosts.set(entry.anchor, host);
  };

  const refresh = () => {
    if (ctx.signal.aborted || !isPeopleListPage(location.href)) return;
    if (location.href !== forUrl) {
      forUrl = location.href;
      known = new Map();
    }
    const entries = extractPeopleList(document, location.href).filter((e) => !hostOf(e));
    if (entries.length === 0) return;
    const fresh = [...new Set(entries.map((e) => e.profileUrl).filter((u) => !known.has(u)))].slice(0, BATCH);
    const place = (from: ViewedProfile | null) => entries.forEach((e) => known.has(e.profileUrl) && decorate(e, known.get(e.profileUrl) ?? null, from));
    const url = forUrl;
    if (fresh.length === 0 || asking) {
      void target().then((from) => url === forUrl && place(from));
      return;
    }
    asking = true;
    Promise.all([ask('badges.forProfiles', { profileUrls: fresh }), target()])
      .then(([found, from]) => {
        if (url !== forUrl) return;
        for (const u of fresh) known.set(u, found[u] ?? null);
        place(from);
      })
      .catch((error: unknown) => console.warn('[warm-intro] badges', error))
      .finally(() => {
        asking = false;
        // Results that arrived while we asked.
        queueMicrotask(refresh);
      });
  };

  queueMicrotask(refresh);
  return { refresh };
}
