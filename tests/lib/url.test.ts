import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, isMemberIdSlug, memberIdFromProfileUrl } from '../../lib/linkedin/url';

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

describe('member ids in profile links', () => {
  const ID = 'ACoAAB3xK9sBq2Lm7TfHcY1pWzR0vN4eU8gQj5c';

  it('reads the member id of a /in/<member id>/ link, case kept, on any LinkedIn host', () => {
    expect(memberIdFromProfileUrl(`https://www.linkedin.com/in/${ID}/`)).toBe(ID);
    expect(memberIdFromProfileUrl(`https://nl.linkedin.com/in/${ID}?trk=x`)).toBe(ID);
    expect(memberIdFromProfileUrl(`/in/${ID}/`)).toBeNull(); // relative: resolve against the page first
  });

  it('returns null for vanity URLs and anything that is not a profile', () => {
    expect(memberIdFromProfileUrl('https://www.linkedin.com/in/camille-dubois-2f4a6c8e/')).toBeNull();
    expect(memberIdFromProfileUrl(`https://www.linkedin.com/company/${ID}/`)).toBeNull();
    expect(memberIdFromProfileUrl(`https://example.com/in/${ID}/`)).toBeNull();
  });

  it('tells member ids from vanity slugs', () => {
    expect(isMemberIdSlug(ID)).toBe(true);
    expect(isMemberIdSlug('acoaab3xk9sbq2lm7tfhcy1pwzr0vn4eu8gqj5c')).toBe(false);
    expect(isMemberIdSlug('camille-dubois-2f4a6c8e')).toBe(false);
  });
});
