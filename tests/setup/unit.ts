// Every unit and component test gets a clean fake IndexedDB and a clean fake browser.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no ports: the background's port listener is registered and never called,
  // and page scripts' clients ask by one-off message instead (lib/client.ts), which tests drive.
  // The port itself is tested in tests/lib/client.test.ts and, for real, by every e2e test.
  fakeBrowser.runtime.onConnect.addListener = () => {};
});
