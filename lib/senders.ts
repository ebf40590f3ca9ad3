/**
 * Who is asking: the extension's own pages (popup, dashboard), one of the page scripts (the LinkedIn
 * and Gmail content scripts), or anything else. Decided from what the browser reports about the
 * sender (`runtime.MessageSender`), never from the message itself: a page's renderer can write any
 * message, but not the URL the browser process has on record for its frame. See issue 15.
 */

/** The parts of `runtime.MessageSender` the decision reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/** The extension itself: its id and its base URL (`runtime.getURL('/')`, chrome- or moz-extension). */
export interface Self {
  id: string;
  base: string;
}

export type Caller =
  | { kind: 'extension' }
  | { kind: 'page'; tabId: number | null }
  | { kind: 'stranger'; why: string };

export const EXTENSION_PAGE: Caller = { kind: 'extension' };

/**
 * The sites whose pages the content scripts run on. LinkedIn country subdomains (de.linkedin.com…)
 * count as LinkedIn; anything else on https, another port, or plain http does not.
 */
export function isPageScriptUrl(raw: string): boolean {
  const url = parse(raw);
  if (!url || url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return false;
  const host = url.hostname;
  return host === 'mail.google.com' || host.endsWith('.linkedin.com');
}

/** Same scheme and host as the extension's base URL (its origin; `URL.origin` is "null" for extension schemes). */
export function isExtensionUrl(raw: string, self: Self): boolean {
  const url = parse(raw);
  const base = parse(self.base);
  return !!url && !!base && url.protocol === base.protocol && url.host !== '' && url.host === base.host;
}

export function classifySender(sender: SenderInfo | null | undefined, self: Self): Caller {
  if (!sender) return { kind: 'stranger', why: 'no sender' };
  // onMessage only hears this extension; an id that is not ours is refused whatever its URL says.
  if (sender.id !== undefined && sender.id !== self.id) return { kind: 'stranger', why: 'another extension' };
  // The frame's own URL first: the tab's URL is the top page, which a frame inside it need not share.
  const url = sender.url ?? sender.origin ?? sender.tab?.url;
  if (!url) return { kind: 'stranger', why: 'no URL' };
  if (isExtensionUrl(url, self)) return EXTENSION_PAGE;
  if (isPageScriptUrl(url)) return { kind: 'page', tabId: typeof sender.tab?.id === 'number' ? sender.tab.id : null };
  return { kind: 'stranger', why: 'not a LinkedIn, Gmail or Warm Intro page' };
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
