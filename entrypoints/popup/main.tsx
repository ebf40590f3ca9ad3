import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { readCachedSummary } from '../../lib/changes';
import type { PipelineSummary } from '../../lib/messages';
import '../../components/theme.css';

const openTab = (url: string) => {
  void browser.tabs.create({ url }).then(() => window.close());
};

// The first render already has the cached counts (a few ms of storage.local): it replaces what
// popup-early painted, in the same task and the same markup, instead of a popup without counts.
void readCachedSummary<PipelineSummary>().then((cached) => {
  const root = document.getElementById('app')!;
  root.replaceChildren();
  render(<Popup openTab={openTab} dashboardUrl={browser.runtime.getURL('/dashboard.html')} cached={cached} />, root);
});
