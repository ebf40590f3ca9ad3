/** Words and ids the Preact sidebar and its plain-DOM shell (SidebarShell.ts) share, without Preact. */
import type { Introducer } from '../../lib/messages';
import { STAGE_LABELS } from '../../lib/stages';

export const INTRO_STATUS: Record<string, string> = {
  suggested: 'Saved as a possible introducer',
  asked: 'Introduction asked',
  introduced: 'Introduced you',
  declined: 'Declined',
  'no-answer': 'No answer',
};

/** "Interviewed", "In your network", or "Contact": how you know them. */
export function knownAs(p: { stage: Introducer['stage']; inNetwork: boolean }): string {
  if (p.stage) return STAGE_LABELS[p.stage];
  return p.inNetwork ? 'In your network' : 'Contact';
}

/** "No one you know is linked to …": the list is empty. */
export function noIntroducersText(name: string): string {
  return `No one you know is linked to ${name.split(' ')[0]} yet. Fill your network: import LinkedIn's Connections.csv in Warm Intro's dashboard (Import & export), and people you know will show up here.`;
}

/** The link to LinkedIn's full list of mutual connections. */
export function mutualsLinkText(m: { names: string[]; others: number | null }): string {
  return m.others !== null ? `All ${m.names.length + m.others} mutual connections on LinkedIn` : 'Mutual connections on LinkedIn';
}

/** The referrer field's suggestion list: fixed, not generated, because the shell draws the field first. */
export const REFERRER_LIST_ID = 'wi-referrer-options';
