// Made-up contacts for the benchmark, deterministic: the same index is always the same person.

export const DAY = 24 * 60 * 60 * 1000;

const FIRST = ['Olivia', 'Marcus', 'Priya', 'Tomás', 'Samira', 'Hannah', 'Ravi', 'Zoë', 'Daniel', 'Mei', 'Jonas', 'Lena', 'Camille', 'Alex'];
const LAST = ['Hartmann', 'Lindqvist', 'Natarajan', 'Alvarez', 'Haddad', 'Becker', 'Shah', 'Ångström', 'Okafor', 'Lin', 'Vogt', 'Dubois'];
const COMPANIES = ['Northwind Analytics', 'Contoso Health', 'Fabrikam Cloud', 'Tailspin Toys', 'Wide World Importers', 'Kessler Robotik', 'Brandt Logistik AG'];
const ROLES = ['Product Manager', 'Staff Software Engineer', 'Head of Data Science', 'Engineering Manager', 'UX Researcher', 'Partnerships Lead'];
const CITIES = ['Austin, Texas, United States', 'Seattle, Washington, United States', 'Bengaluru, Karnataka, India', 'Madrid, Spain', 'Berlin, Germany'];

/** Stage by position: 60% prospects, requested 15%, scheduled 10%, interviewed and thanked 5% each, keeping in touch 3%, moved on 2%. */
export const stageOf = (i) => {
  const p = i % 100;
  return p < 60 ? 'prospect' : p < 75 ? 'requested' : p < 85 ? 'scheduled' : p < 90 ? 'interviewed' : p < 95 ? 'thanked' : p < 98 ? 'keeping-in-touch' : 'moved-on';
};

export function person(i) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const company = COMPANIES[(i * 3) % COMPANIES.length];
  const slug = `${first}-${last}`.normalize('NFD').replace(/[^A-Za-z-]/g, '').toLowerCase();
  return {
    first,
    last,
    company,
    role: ROLES[i % ROLES.length],
    city: CITIES[i % CITIES.length],
    slug: `${slug}-${(0x10000 + i).toString(16)}`,
    email: `${slug}.${i}@example.com`,
  };
}

/** `n` contact drafts as an import sends them: the fields a LinkedIn export or a CSV gives, and a stage. */
export function drafts(n, prefix = '') {
  return Array.from({ length: n }, (_, i) => {
    const p = person(i);
    return {
      name: `${p.first} ${p.last}`,
      headline: `${p.role} at ${p.company}`,
      company: p.company,
      location: p.city,
      profileUrl: `https://www.linkedin.com/in/${prefix}${p.slug}/`,
      emails: i % 3 === 0 ? [p.email] : [],
      tags: i % 4 === 0 ? ['product', `cohort-${i % 12}`] : [],
      stage: stageOf(i),
    };
  });
}

/** A LinkedIn connections export of `n` rows: LinkedIn's preamble, the header, then the rows (some quoted). */
export function connectionsCsv(n) {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i++) {
    const p = person(i);
    const company = i % 10 === 0 ? `"${p.company}, Inc."` : p.company;
    const role = i % 15 === 0 ? `"${p.role}, ""Platform"""` : p.role;
    lines.push([p.first, p.last, `https://www.linkedin.com/in/${p.slug}`, i % 3 === 0 ? p.email : '', company, role, `${1 + (i % 28)} Mar 2024`].join(','));
  }
  return lines.join('\n') + '\n';
}
