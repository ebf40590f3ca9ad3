import { StageBar } from '../StageBar';
import { useAsk } from '../use-ask';

/** The dashboard page. (Board, contact detail, templates, settings and import/export grow here.) */
export function Dashboard() {
  const summary = useAsk('pipeline.summary', undefined);
  return (
    <main class="wi-dashboard" data-testid="wi-dashboard">
      <h1>Warm Intro</h1>
      {summary.data && <StageBar counts={summary.data.counts} />}
    </main>
  );
}
