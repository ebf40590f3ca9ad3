import { useState } from 'preact/hooks';
import type { ReferralNode } from '../../lib/messages';
import { STAGE_LABELS } from '../../lib/stages';
import { useAsk } from '../use-ask';
import { formatDate } from './format';
import { contactHref } from './route';

const ROOTS_PAGE = 40;

function ratio(a: number, b: number, digits = 1): string {
  return b === 0 ? '—' : (a / b).toFixed(digits);
}
function percent(a: number, b: number): string {
  return b === 0 ? '—' : `${Math.round((100 * a) / b)}%`;
}

function Stat(props: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div class="wi-stat">
      <dt>{props.label}</dt>
      <dd>
        <span class="wi-stat__value" data-testid={props.testId}>
          {props.value}
        </span>
        <span class="wi-quiet wi-stat__detail">{props.detail}</span>
      </dd>
    </div>
  );
}

function Node({ node }: { node: ReferralNode }) {
  return (
    <li>
      <span class={`wi-tree__node${node.interviewed ? ' wi-tree__node--met' : ''}${node.id ? '' : ' wi-tree__node--name'}`}>
        {node.id ? <a href={contactHref(node.id)}>{node.name}</a> : <span>{node.name}</span>}
        {node.stage ? <span class="wi-quiet"> · {STAGE_LABELS[node.stage]}</span> : <span class="wi-quiet"> · not a contact</span>}
        {node.asked !== null && ' '}
        {node.asked !== null && (
          <span class={`wi-badge ${node.asked ? 'wi-badge--yes' : 'wi-badge--no'}`}>
            {node.asked ? 'asked for two referrals' : 'not asked for referrals yet'}
          </span>
        )}
        {!!node.introductionsMade && (
          <span class="wi-badge wi-badge--yes" data-testid="wi-tree-introductions">
            {node.introductionsMade} introduction{node.introductionsMade === 1 ? '' : 's'} made
          </span>
        )}
      </span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c, i) => (
            <Node key={c.id ?? `${c.name}-${i}`} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** How the search is going, from the data: rates, the referral tree and recurring themes. */
export function Insights() {
  const insights = useAsk('insights.get', undefined);
  const [roots, setRoots] = useState(ROOTS_PAGE);
  const data = insights.data;
  if (!data) {
    return insights.error ? (
      <p role="alert" class="wi-error">
        {insights.error.message}
      </p>
    ) : (
      <p class="wi-quiet">Loading…</p>
    );
  }
  const maxTheme = Math.max(1, ...data.themes.map((t) => t.count));
  return (
    <section class="wi-insights" aria-labelledby="wi-insights-title" data-testid="wi-insights">
      <h1 id="wi-insights-title">Insights</h1>
      <dl class="wi-stats">
        <Stat label="Interviews held" value={String(data.interviewed)} detail={`of ${data.contacts} contacts`} testId="wi-insight-interviews" />
        <Stat
          label="Response rate"
          value={percent(data.replied, data.requested)}
          detail={`${data.replied} replied of ${data.requested} asked`}
          testId="wi-insight-response"
        />
        <Stat
          label="Notes per reply"
          value={ratio(data.outreachAttempts, data.replied)}
          detail={`${data.outreachAttempts} requests and follow-ups sent`}
          testId="wi-insight-attempts"
        />
        <Stat
          label="Referrals per interview"
          value={ratio(data.referralsFromInterviews, data.interviewed)}
          detail={`${data.askedForReferrals} of ${data.interviewed} asked for two more names`}
          testId="wi-insight-referrals"
        />
        <Stat
          label="Introductions made"
          value={String(data.introductions?.made ?? 0)}
          detail={`of ${data.introductions?.asked ?? 0} asked`}
          testId="wi-insight-introductions"
        />
      </dl>

      <div class="wi-insights__grid">
        <section class="wi-panel" aria-labelledby="wi-tree-title">
          <h2 id="wi-tree-title">Referral tree</h2>
          <p class="wi-quiet wi-hint">Who introduced you to whom. Everyone you interviewed shows whether you asked for two more names.</p>
          {data.tree.length ? (
            <>
              <ul class="wi-tree" data-testid="wi-referral-tree">
                {data.tree.slice(0, roots).map((n, i) => (
                  <Node key={n.id ?? `${n.name}-${i}`} node={n} />
                ))}
              </ul>
              {data.tree.length > roots && (
                <button type="button" class="wi-quiet" onClick={() => setRoots(roots + ROOTS_PAGE)}>
                  Show more ({data.tree.length - roots} hidden)
                </button>
              )}
            </>
          ) : (
            <p class="wi-quiet">No referrals yet. Log who introduced you, and after each interview ask for two more people.</p>
          )}
        </section>

        <div>
          <section class="wi-panel" aria-labelledby="wi-introducers-title">
            <h2 id="wi-introducers-title">Introductions, per introducer</h2>
            {data.introductions?.byIntroducer.length ? (
              <table class="wi-table" data-testid="wi-insight-introducers">
                <thead>
                  <tr>
                    <th scope="col">Introducer</th>
                    <th scope="col">Asked</th>
                    <th scope="col">Made</th>
                  </tr>
                </thead>
                <tbody>
                  {data.introductions.byIntroducer.map((i) => (
                    <tr key={i.contactId}>
                      <th scope="row">
                        <a href={contactHref(i.contactId)}>{i.name}</a>
                      </th>
                      <td>{i.asked}</td>
                      <td>{i.made}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="wi-quiet">
                No introductions asked yet. On a LinkedIn profile, Warm Intro lists who in your network can introduce you; ask one of them from the
                sidebar or a contact's page.
              </p>
            )}
          </section>
          <section class="wi-panel" aria-labelledby="wi-themes-title">
            <h2 id="wi-themes-title">Themes among the people you met</h2>
            {data.themes.length ? (
              <ul class="wi-bars" data-testid="wi-themes">
                {data.themes.map((t) => (
                  <li key={t.tag}>
                    <span class="wi-bars__label">{t.tag}</span>
                    <span class="wi-bars__bar" style={{ width: `${(100 * t.count) / maxTheme}%` }} aria-hidden="true" />
                    <span class="wi-bars__count">{t.count}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="wi-quiet">Tag the people you interview (design, nonprofit, data…) to see themes here.</p>
            )}
            {data.reflectionWords.length > 0 && (
              <>
                <h3>Words that recur in your reflections</h3>
                <ul class="wi-tags" aria-label="Recurring words">
                  {data.reflectionWords.map((w) => (
                    <li key={w.word} class="wi-tag">
                      {w.word} <span class="wi-quiet">×{w.count}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section class="wi-panel" aria-labelledby="wi-steps-title">
            <h2 id="wi-steps-title">Next steps from your reflections</h2>
            {data.nextSteps.length ? (
              <ul class="wi-steps">
                {data.nextSteps.map((s) => (
                  <li key={`${s.contactId}-${s.at}`}>
                    <p class="wi-pre">{s.nextStep}</p>
                    <p class="wi-quiet">
                      after talking with <a href={contactHref(s.contactId)}>{s.name}</a>, {formatDate(s.at)}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="wi-quiet">After a meeting, write a reflection on the contact's page; your next steps gather here.</p>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
