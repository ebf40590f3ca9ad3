/**
 * On a LinkedIn company page: "You know N people at <Company>" — your network, contacts and
 * pipeline people there (issue 16), each with how you know them and when you last talked.
 */
import { useState } from 'preact/hooks';
import type { KnownPerson } from '../../lib/messages';
import { errorText, ErrorLine } from '../feedback';
import { useAsk } from '../use-ask';
import { knownAs } from './sidebar-text';

export type Props = {
  company: string;
  /** Close the panel (for this company, until the page changes). */
  onClose: () => void;
  now?: () => number;
};

/** Listed at most; the title counts everyone. */
export const COMPANY_PANEL_LIMIT = 12;

let dateFmt: Intl.DateTimeFormat | null = null;
/** "talked 3 days ago" style, but as a date: the user knows what day it is. */
export function lastTalked(at: number | null): string {
  if (at === null) return 'never talked';
  dateFmt ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return `last talked ${dateFmt.format(at)}`;
}

function Person({ person }: { person: KnownPerson }) {
  return (
    <li class="wi-company-person" data-testid="wi-company-person">
      <span class="wi-introducer__head">
        {person.profileUrl ? (
          <a href={person.profileUrl} class="wi-introducer__name" data-testid="wi-company-person-name">
            {person.name}
          </a>
        ) : (
          <span class="wi-introducer__name" data-testid="wi-company-person-name">
            {person.name}
          </span>
        )}
        <span class="wi-known-as" data-testid="wi-company-person-known">
          {knownAs(person)}
        </span>
      </span>
      {person.headline && <span class="wi-quiet wi-company-person__headline">{person.headline}</span>}
      <span class="wi-quiet wi-company-person__talked">{lastTalked(person.lastTalkedAt)}</span>
    </li>
  );
}

export function CompanyPanel({ company, onClose }: Props) {
  const [open, setOpen] = useState(true);
  const found = useAsk('company.people', { company, limit: COMPANY_PANEL_LIMIT }, [company]);
  const total = found.data?.total ?? 0;
  const title =
    found.data === undefined ? `People you know at ${company}` : `You know ${total} ${total === 1 ? 'person' : 'people'} at ${company}`;
  return (
    <aside class="wi-sidebar wi-company" aria-label="Warm Intro: people you know here" data-testid="wi-company-panel">
      <header class="wi-sidebar__header">
        <span class="wi-brand">Warm Intro</span>
        <span class="wi-row">
          <button type="button" class="wi-quiet" aria-expanded={open} aria-label={open ? 'Fold' : 'Unfold'} onClick={() => setOpen((o) => !o)}>
            {open ? '–' : '+'}
          </button>
          <button type="button" class="wi-quiet" aria-label="Close" data-testid="wi-company-close" onClick={onClose}>
            ×
          </button>
        </span>
      </header>
      <h2 class="wi-company__title" data-testid="wi-company-title">
        {title}
      </h2>
      {open &&
        (found.error && found.data === undefined ? (
          <ErrorLine error={errorText(found.error)} />
        ) : found.data === undefined ? (
          <p class="wi-quiet">Looking…</p>
        ) : total === 0 ? (
          <p class="wi-quiet" data-testid="wi-company-empty">
            No one in your network or pipeline works here, as far as Warm Intro knows. Import LinkedIn's Connections.csv in the dashboard to
            fill your network.
          </p>
        ) : (
          <>
            <ul class="wi-introducers__list">
              {found.data.people.map((p) => (
                <Person key={p.contactId} person={p} />
              ))}
            </ul>
            {total > found.data.people.length && (
              <p class="wi-quiet">and {total - found.data.people.length} more (see the dashboard's Network view)</p>
            )}
          </>
        ))}
    </aside>
  );
}
