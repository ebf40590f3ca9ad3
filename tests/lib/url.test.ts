import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../lib/linkedin/url';

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['https://www.linkedin.com/in/olivia-hartmann-8a61b2b4', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['http://linkedin.com/in/Olivia-Hartmann-8a61b2b4/?trk=abc#x', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['https://de.linkedin.com/in/olivia-hartmann-8a61b2b4/', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/overlay/contact-info/', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/details/experience/', 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/'],
    ['linkedin.com/in/ravi-shah', 'https://www.linkedin.com/in/ravi-shah/'],
    ['https://www.linkedin.com/in/tom%C3%A1s-alvarez/', 'https://www.linkedin.com/in/tom%C3%A1s-alvarez/'],
    // Member ids in messaging links keep their case: they are case-sensitive.
    ['https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz012345', 'https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz012345/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalProfileUrl(input)).toBe(expected);
  });

  it.each([
    'https://www.linkedin.com/company/northwind/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://evil.example/in/olivia/',
    'https://www.linkedin.com.evil.example/in/olivia/',
    'javascript:alert(1)//linkedin.com/in/x',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/in/"><img src=x>/',
    '',
  ])('rejects %s', (input) => {
    expect(canonicalProfileUrl(input)).toBeNull();
  });
});
