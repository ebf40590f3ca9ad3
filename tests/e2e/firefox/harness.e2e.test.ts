import { describe, expect, it } from 'vitest';
import { findFirefox } from '../../harness/firefox.mjs';

describe('the Firefox launcher', () => {
  it('fails with the install hint when there is no Firefox (the Firefox tests never skip)', () => {
    expect(() => findFirefox(['/nonexistent/firefox'])).toThrow(/apt-get install -y firefox-esr.*never skip/);
  });
});
