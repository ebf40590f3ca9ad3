import { useEffect, useRef, useState } from 'preact/hooks';
import { STAGE_LABELS } from '../../lib/stages';
import { useAsk } from '../use-ask';
import { Board } from './Board';
import { ContactDetail } from './ContactDetail';
import { DataView } from './DataView';
import { Insights } from './Insights';
import { NetworkView } from './NetworkView';
import { contactHref, useRoute, type View } from './route';
import { SettingsView } from './SettingsView';
import { TemplatesView } from './TemplatesView';

const NAV: Array<{ view: View; label: string }> = [
  { view: 'board', label: 'Board' },
  { view: 'network', label: 'Network' },
  { view: 'insights', label: 'Insights' },
  { view: 'templates', label: 'Templates' },
  { view: 'settings', label: 'Settings' },
  { view: 'data', label: 'Import & export' },
];

function Search() {
  const [query, setQuery] = useState('');
  const found = useAsk('contact.search', { query, limit: 8 }, [query]);
  const results = query.trim() ? (found.data ?? []) : [];
  const clear = () => setQuery('');
  return (
    <div class="wi-dash-search" role="search">
      <label class="wi-sr-only" for="wi-dash-search-input">
        Find a contact
      </label>
      <input
        id="wi-dash-search-input"
        type="search"
        placeholder="Find a contact"
        value={query}
        data-testid="wi-dash-search"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') clear();
          if (e.key === 'Enter' && results[0]) {
            location.hash = contactHref(results[0].id);
            clear();
          }
        }}
      />
      {query.trim() && (
        <ul class="wi-dash-search__results" aria-label="Search results">
          {results.map((c) => (
            <li key={c.id}>
              <a href={contactHref(c.id)} onClick={clear} data-testid="wi-dash-search-result">
                {c.name}
              </a>{' '}
              <span class="wi-quiet">
                {STAGE_LABELS[c.stage]}
                {c.company ? ` · ${c.company}` : ''}
              </span>
            </li>
          ))}
          {found.data && results.length === 0 && <li class="wi-quiet">No one by that name.</li>}
        </ul>
      )}
    </div>
  );
}

/** The dashboard page: one view per hash route, a header to move between them. */
export function Dashboard() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const label = route.view === 'contact' ? 'Contact' : NAV.find((n) => n.view === route.view)?.label;
    document.title = `${label} — Warm Intro`;
    // Move focus to the new view (as a page load would), except on first load.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [route.view, route.view === 'contact' ? route.id : '']);

  return (
    <div class="wi-dash" data-testid="wi-dashboard">
      <a class="wi-skip" href="#wi-main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header class="wi-dash__header">
        <p class="wi-dash__brand">Warm Intro</p>
        <nav aria-label="Dashboard">
          <ul>
            {NAV.map((n) => (
              <li key={n.view}>
                <a href={`#/${n.view}`} aria-current={route.view === n.view ? 'page' : undefined} data-testid={`wi-nav-${n.view}`}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Search />
      </header>
      <main id="wi-main" ref={main} tabIndex={-1} class="wi-dash__main">
        {route.view === 'board' && <Board focusStage={route.stage} />}
        {route.view === 'contact' && <ContactDetail key={route.id} id={route.id} />}
        {route.view === 'network' && <NetworkView />}
        {route.view === 'insights' && <Insights />}
        {route.view === 'templates' && <TemplatesView />}
        {route.view === 'settings' && <SettingsView />}
        {route.view === 'data' && <DataView />}
      </main>
    </div>
  );
}
