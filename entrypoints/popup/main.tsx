import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { readCachedSummary } from '../../lib/changes';
import type { PipelineSummary } from '../../lib/messages';
import '../../components/popup.css';

const openTab = (url: string) => {
  void browser.tabs.create({ url }).then(() => window.close());
};

// The first render already has the counts saved at the last write (a few ms of storage.local),
// instead of a render without counts and a second one after the same read.
void readCachedSummary<PipelineSummary>().then((cached) => {
  const root = document.getElementById('app')!;
  render(<Popup openTab={openTab} dashboardUrl={browser.runtime.getURL('/dashboard.html')} cached={cached} />, root);
});
