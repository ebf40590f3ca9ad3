import { describe, expect, it } from 'vitest';
import { extractProfile, topCardName } from '../../../lib/linkedin/extract';
import { loadFixture } from '../../helpers/dom';

describe('extractProfile on the shared fixtures', () => {
  it('reads the classic logged-in profile', () => {
    const url = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
    expect(extractProfile(loadFixture('linkedin-profile-classic.html', url), url)).toEqual({
      name: 'Olivia Hartmann',
      headline: 'Senior Product Manager at Northwind Analytics | B2B SaaS, data platforms',
      company: 'Northwind Analytics',
      location: 'Austin, Texas, United States',
      profileUrl: url,
    });
  });
});
