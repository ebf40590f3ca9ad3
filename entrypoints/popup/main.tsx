import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';

const openTab = (url: string) => {
  void browser.tabs.create({ url }).then(() => window.close());
};

render(<Popup openTab={openTab} dashboardUrl={browser.runtime.getURL('/dashboard.html')} />, document.getElementById('app')!);
