/**
 * People's and companies' names in a form two spellings of the same name share: "Dr. Ana M. Souza,
 * PhD 🚀" and "ana souza" are one person, "Acme GmbH" and "ACME" one company. Pure and DOM-free;
 * the repository stores the keys (`nameKey`, `companyKey`, `words`) on every contact it writes, so
 * matching a LinkedIn page against 10,000 people is an index look-up, not a scan.
 */

// Letters that NFKD does not take apart into a base letter and a mark.
const FOLD: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Lower case, no accents, no emoji or symbols: only letters, digits and single spaces. */
export function fold(text: string): string {
  return text
    .replace(FOLD_RE, (ch) => FOLD[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'dott', 'ing', 'herr', 'frau', 'mme', 'mlle', 'm']);
const SUFFIXES = new Set([
  'phd', 'md', 'mba', 'msc', 'ma', 'ba', 'bsc', 'cpa', 'cfa', 'pmp', 'jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'pe', 'rn', 'dds', 'jd', 'llm', 'dphil', 'frsa', 'shrm', 'cp', 'scp', 'ceng', 'mbe', 'obe', 'cbe',
]);

/**
 * The words of a person's name, folded, without titles ("Dr.", "Prof.", "Mrs"), credentials
 * ("PhD", "MBA", anything after a comma), generational suffixes ("Jr.", "III") or text in brackets
 * ("(she/her)", "(Ana)").
 */
export function nameWords(name: string): string[] {
  // Credentials and pronouns: "Ana Souza, PhD", "Ana Souza (she/her)", "Ana Souza | Hiring".
  const core = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/[,|•·–—]/)[0] ?? '';
  const words = fold(core).split(' ').filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  while (words.length > 1 && SUFFIXES.has(words.at(-1)!)) words.pop();
  return words;
}

/** The whole name, normalised: "Dr. José  Núñez Jr." → "jose nunez". */
export function normalizeName(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * The key two spellings of one person's name share: first and last word, so a middle name or an
 * initial ("Ana M. Souza") does not hide the match. Indexed; `namesMatch` then checks the middles.
 */
export function nameKey(name: string): string {
  const words = nameWords(name);
  if (words.length <= 1) return words[0] ?? '';
  return `${words[0]} ${words.at(-1)}`;
}

/**
 * Whether two names can be the same person: same key, and middle names that agree where both
 * give one ("Ana M. Souza" ~ "Ana Maria Souza" ~ "Ana Souza", but not "Ana Beatriz Souza" ~
 * "Ana Maria Souza").
 */
export function namesMatch(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length || nameKey(a) !== nameKey(b)) return false;
  const ma = wa.slice(1, -1);
  const mb = wb.slice(1, -1);
  if (!ma.length || !mb.length) return true;
  const compatible = (x: string, y: string) => x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  // Every middle word on the shorter side has a compatible partner, in order.
  const [short, long] = ma.length <= mb.length ? [ma, mb] : [mb, ma];
  let j = 0;
  for (const w of short) {
    while (j < long.length && !compatible(w, long[j]!)) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

// Legal forms, matched on folded words at the end of the name (several may stack: "Pty Ltd").
const LEGAL_FORMS = [
  'inc', 'incorporated', 'llc', 'l l c', 'llp', 'lp', 'ltd', 'limited', 'gmbh', 'ag', 'ab', 'bv', 'b v', 'nv', 'n v', 'sa', 's a',
  'sas', 's a s', 'sarl', 'spa', 's p a', 'srl', 's r l', 'pty', 'plc', 'corp', 'corporation', 'co', 'company', 'kg', 'gmbh co kg', 'co kg',
  'oy', 'oyj', 'as', 'a s', 'asa', 'aps', 'kk', 'k k', 'se', 'sl', 's l', 'pte', 'pvt', 'private', 'bhd', 'sdn', 'ug', 'ev', 'e v', 'mbh', 'holding', 'holdings', 'group',
];
const LEGAL_RE = new RegExp(`(?:\\s(?:${LEGAL_FORMS.map((f) => f.replace(/ /g, '\\s')).join('|')}))+$`);

/**
 * A company's name, normalised: case, accents, punctuation and legal forms dropped ("Acme, Inc." →
 * "acme", "Müller & Co. KG" → "muller", "Foo B.V." → "foo"). Null for an empty name.
 */
export function companyKey(company: string | null | undefined): string | null {
  if (!company) return null;
  // "&" and "and" are one word; "& Co" is a legal form like "Co".
  const whole = ` ${fold(company.replace(/&/g, ' and '))}`;
  let key = whole;
  for (let prev = ''; prev !== key; ) {
    prev = key;
    key = key.replace(LEGAL_RE, '').replace(/\sand$/, '');
  }
  // A name that is only a legal form ("AB") keeps it rather than vanishing.
  key = (key.trim() ? key : whole).replace(/^\sthe\s/, ' ').trim();
  return key || null;
}

/** Words a search can start from: the person's name words and their company's. */
export function searchWords(name: string, company: string | null | undefined): string[] {
  return wordsOf(nameWords(name), companyKey(company));
}

function wordsOf(names: string[], company: string | null): string[] {
  return [...new Set([...names, ...(company?.split(' ') ?? [])].filter((w) => w.length > 0))];
}

/**
 * `nameKey`, `companyKey` and `searchWords` at once, each name folded once (a record's derived keys;
 * folding is most of what checking a record costs, and an import checks thousands).
 */
export function recordKeys(name: string, company: string | null | undefined): { nameKey: string; companyKey: string | null; words: string[] } {
  const words = nameWords(name);
  const key = companyKey(company);
  return { nameKey: words.length <= 1 ? (words[0] ?? '') : `${words[0]} ${words.at(-1)}`, companyKey: key, words: wordsOf(words, key) };
}
