import { defineBackground } from 'wxt/utils/define-background';
import { setupMessages } from './messages';
import { setupReminders } from './reminders';

// Listeners are registered synchronously, before any await, so the event that woke a stopped
// service worker is never missed. Nothing is kept only in memory: the database holds it all.
export default defineBackground(() => {
  setupMessages();
  setupReminders();
});
