import { describe, expect, it } from 'vitest';
import { companyKey, fold, nameKey, namesMatch, normalizeName, searchWords } from '../../lib/names';

describe('normalizeName', () => {
  it('ignores case, accents and letters NFKD does not split', () => {
    expect(normalizeName('José Núñez')).toBe('jose nunez');
    expect(normalizeName('JÜRGEN Strauß')).toBe('jurgen strauss');
    expect(normalizeName('Søren Kierkegård')).toBe('soren kierkegard');
    expect(normalizeName('Łukasz Wałęsa')).toBe('lukasz walesa');
    expect(normalizeName('Ægir Þórsson')).toBe('aegir thorsson');
  });

  it('drops emoji, symbols and extra spaces', () => {
    expect(normalizeName('  Ana 🚀  Souza ✨ ')).toBe('ana souza');
    expect(normalizeName('Ana Souza 🇧🇷')).toBe('ana souza');
    expect(normalizeName("Conan O'Brien")).toBe('conan obrien');
  });

  it('drops titles, credentials, generational suffixes and bracketed text', () => {
    expect(normalizeName('Dr. Ana Souza')).toBe('ana souza');
    expect(normalizeName('Prof. Dr. Ana Souza')).toBe('ana souza');
    expect(normalizeName('Mrs Ana Souza')).toBe('ana souza');
    expect(normalizeName('Ana Souza, PhD')).toBe('ana souza');
    expect(normalizeName('Ana Souza, MBA, CFA')).toBe('ana souza');
    expect(normalizeName('Ana Souza PhD')).toBe('ana souza');
    expect(normalizeName('Martin Luther King Jr.')).toBe('martin luther king');
    expect(normalizeName('Henry Ford III')).toBe('henry ford');
    expect(normalizeName('Ana Souza (she/her)')).toBe('ana souza');
    expect(normalizeName('Ana Souza | Product at Acme')).toBe('ana souza');
  });

  it('keeps a one-word name, even one that looks like a title', () => {
    expect(normalizeName('Cher')).toBe('cher');
    expect(normalizeName('Dr')).toBe('dr');
  });
});

describe('nameKey and namesMatch', () => {
  it('keys a name by its first and last word, so middle names and initials do not hide a match', () => {
    expect(nameKey('Ana M. Souza')).toBe('ana souza');
    expect(nameKey('Ana Maria Souza')).toBe('ana souza');
    expect(nameKey('Dr. Ana Souza, PhD')).toBe('ana souza');
  });

  it('matches initials, missing middle names, accents and titles', () => {
    expect(namesMatch('Ana M. Souza', 'Ana Souza')).toBe(true);
    expect(namesMatch('Ana M. Souza', 'Ana Maria Souza')).toBe(true);
    expect(namesMatch('Dr. Ána Souza 🎓', 'ana souza, phd')).toBe(true);
  });

  it('does not match different people', () => {
    expect(namesMatch('Ana Beatriz Souza', 'Ana Maria Souza')).toBe(false);
    expect(namesMatch('Ana Souza', 'Ana Sousa')).toBe(false);
    expect(namesMatch('Ana Souza', 'Anna Souza')).toBe(false);
    expect(namesMatch('', 'Ana Souza')).toBe(false);
  });
});

describe('companyKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(companyKey('ACME')).toBe(companyKey('Acme'));
    expect(companyKey('Müller Logistik')).toBe('muller logistik');
    expect(companyKey('Société Générale')).toBe('societe generale');
  });

  it('drops legal forms, several at a time', () => {
    const acme = ['Acme', 'Acme Inc.', 'Acme, Inc', 'ACME LLC', 'Acme Ltd', 'Acme Limited', 'Acme GmbH', 'Acme AG', 'Acme AB', 'Acme B.V.', 'Acme BV', 'Acme N.V.', 'Acme S.A.', 'Acme SAS', 'Acme S.p.A.', 'Acme Pty Ltd', 'Acme plc', 'Acme Corp.', 'Acme Co.', 'Acme & Co', 'Acme GmbH & Co. KG', 'Acme KG'];
    for (const name of acme) expect(companyKey(name), name).toBe('acme');
  });

  it('keeps "&" inside a name as "and", and a name that is only a legal form', () => {
    expect(companyKey('Johnson & Johnson')).toBe('johnson and johnson');
    expect(companyKey('AB')).toBe('ab');
    expect(companyKey('')).toBeNull();
    expect(companyKey(null)).toBeNull();
  });
});

describe('fold and searchWords', () => {
  it('gives the words a search starts from', () => {
    expect(fold('Ünïcödé — Text!')).toBe('unicode text');
    expect(searchWords('Dr. Ana Souza', 'Acme GmbH')).toEqual(['ana', 'souza', 'acme']);
  });
});
