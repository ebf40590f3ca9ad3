// The heavy LinkedIn profile for the benchmark: a page that costs its own renderer what a real
// profile does — ~1 MB of HTML, a few thousand elements, ~150 images and ~20 scripts of its own,
// with the top card rendered by a page script after its own start-up work, as LinkedIn's client
// does. Generated deterministically (a seeded PRNG, no clock) from the light fixture's top card
// (tests/fixtures/linkedin-profile-classic.html: invented people) plus invented filler; never
// from a saved LinkedIn page.
//
//   node bench/heavy-profile.mjs          writes bench/.heavy/linkedin-profile-heavy.html and prints its figures
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HEAVY_FILE = join(ROOT, 'bench/.heavy/linkedin-profile-heavy.html');
/** Served at this URL by the benchmark (the person is the light fixture's). */
export const HEAVY_URL = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/?bench=heavy';
/** Images and scripts the page loads from LinkedIn's CDNs, answered by the benchmark. */
export const ASSET_HOSTS = /^https:\/\/(media|static)\.licdn\.com\//;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amara', 'Bastian', 'Chiara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kalani', 'Leona', 'Mateo', 'Noor', 'Oskar', 'Pilar', 'Quinn', 'Rafael', 'Saanvi', 'Tobias'];
const LAST = ['Achterberg', 'Bellweather', 'Castellano', 'Drummond', 'Eskildsen', 'Fairbanks', 'Galloway', 'Halvorsen', 'Iwasaki', 'Jovanović', 'Kettering', 'Lindqvist-Moreau', 'Marchetti', 'Nakamura-Ellis', 'Oyelaran'];
const COMPANIES = ['Northwind Analytics', 'Contoso Health', 'Fabrikam Cloud', 'Tailspin Toys', 'Litware Systems', 'Adatum AB', 'Proseware', 'Woodgrove Bank', 'Wide World Importers', 'Lucerne Publishing'];
const WORDS = 'data platform team customers growth product research design launch quarter hiring learning engineering analytics strategy roadmap community mentoring systems pipeline insight market feedback weekly release migration reliability'.split(' ');

export function heavyProfile(seed = 13) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const slug = (name) => `${name.toLowerCase().normalize('NFKD').replace(/[^a-z ]/g, '').replace(/ +/g, '-')}-${Math.floor(rnd() * 0xffffffff).toString(16)}`;
  let images = 0;
  const img = (w, cls = '') => `<img width="${w}" height="${w}" loading="lazy" alt="" class="${cls}" src="https://media.licdn.com/dms/image/v2/${(images++).toString(36)}/profile-displayphoto-shrink_100_100/0?e=1&v=beta">`;

  const light = readFileSync(join(ROOT, 'tests/fixtures/linkedin-profile-classic.html'), 'utf8');
  const head = light.slice(0, light.indexOf('</head>'));
  const main = light.slice(light.indexOf('<main'), light.indexOf('</main>') + '</main>'.length);

  // LinkedIn's own scripts: each defines some modules and does start-up work on the main thread.
  const scripts = [];
  const scriptTags = [];
  for (let i = 0; i < 20; i++) {
    const url = `https://static.licdn.com/aero-v1/sc/h/${i.toString(36)}${Math.floor(rnd() * 1e9).toString(36)}.js`;
    const fns = Array.from({ length: 120 }, (_, j) => `function m${i}_${j}(x){var s=0;for(var k=0;k<x.length;k++){s=(s*31+x.charCodeAt(k))|0}return s^${j}}`).join('\n');
    scripts.push([url, `(function(){${fns}\nvar t=0,keys=${JSON.stringify(Array.from({ length: 200 }, () => words(3)))};for(var r=0;r<20;r++)for(var q=0;q<keys.length;q++)t+=m${i}_${0}(keys[q]);window.__fxBoot=(window.__fxBoot||0)+t%7;})();`]);
    scriptTags.push(`<script src="${url}"${i % 3 ? ' defer' : ''}></script>`);
  }

  const nav = `<header class="global-nav"><nav aria-label="Primary Navigation"><ul class="global-nav__primary-items">${Array.from({ length: 12 }, (_, i) => `<li class="global-nav__primary-item"><a class="app-aware-link global-nav__primary-link" href="/feed/?nav=${i}"><span class="t-12 global-nav__primary-link-text">${words(1)}</span></a></li>`).join('')}</ul></nav></header>`;

  // Activity: posts with text, images and reactions (the bulk of the elements).
  const posts = Array.from({ length: 70 }, (_, i) => {
    const who = person();
    const comments = Array.from({ length: 3 }, () => `<article class="comments-comment-entity"><div class="comments-comment-meta__container">${img(32, 'EntityPhoto-circle-1')}<span class="comments-comment-meta__description-title">${person()}</span></div><div class="update-components-text"><span dir="ltr">${words(18)}</span></div><ul class="comments-comment-social-bar"><li><button type="button" class="artdeco-button--tertiary">Like</button></li><li><button type="button" class="artdeco-button--tertiary">Reply</button></li></ul></article>`).join('');
    return `<div class="feed-shared-update-v2" data-urn="urn:li:activity:${7100000000000000000n + BigInt(i)}" role="article"><div class="update-components-actor">${img(48, 'update-components-actor__avatar-image')}<span class="update-components-actor__title"><span dir="ltr"><span aria-hidden="true">${who}</span></span></span><span class="update-components-actor__description">${words(6)}</span></div><div class="feed-shared-inline-show-more-text"><div class="update-components-text"><span dir="ltr">${words(60)}</span></div></div>${i % 2 ? `<div class="update-components-image">${img(552, 'update-components-image__image')}</div>` : ''}<div class="social-details-social-counts"><ul>${Array.from({ length: 4 }, () => `<li class="social-details-social-counts__item"><button type="button"><span aria-hidden="true">${Math.floor(rnd() * 900)}</span></button></li>`).join('')}</ul></div><div class="feed-shared-social-action-bar">${['Like', 'Comment', 'Repost', 'Send'].map((a) => `<button type="button" class="artdeco-button artdeco-button--muted"><span class="artdeco-button__text">${a}</span></button>`).join('')}</div><div class="comments-comments-list">${comments}</div></div>`;
  }).join('\n');

  const aside = `<aside class="scaffold-layout__aside" aria-label="More profiles for you"><section class="artdeco-card pv-profile-card" data-view-name="profile-card"><h2 class="pvs-header__title"><span aria-hidden="true">People you may know</span></h2><ul class="pvs-list">${Array.from({ length: 40 }, () => {
    const name = person();
    return `<li class="artdeco-list__item"><a class="optional-action-target-wrapper display-flex" href="https://www.linkedin.com/in/${slug(name)}/">${img(56, 'EntityPhoto-circle-3')}<div class="hoverable-link-text t-bold"><span aria-hidden="true">${name}</span></div><div class="t-14 t-normal"><span aria-hidden="true">${words(5)} at ${pick(COMPANIES)}</span></div></a><button type="button" class="artdeco-button artdeco-button--secondary">Connect</button></li>`;
  }).join('')}</ul></section></aside>`;

  // LinkedIn ships its page data as JSON in hidden <code> elements; it makes up much of the bytes.
  const blobs = [];
  let size = head.length + main.length + posts.length + aside.length + nav.length;
  for (let i = 0; size < 1_000_000; i++) {
    const data = { request: `/voyager/api/graphql?queryId=${i}`, included: Array.from({ length: 60 }, (_, j) => ({ $type: 'com.linkedin.voyager.dash.feed.Update', entityUrn: `urn:li:fsd_update:${i}-${j}`, text: words(25), actor: person(), numLikes: Math.floor(rnd() * 1000) })) };
    const blob = `<code style="display: none" id="bpr-guid-${i}">${JSON.stringify(data).replace(/</g, '\\u003c')}</code>`;
    blobs.push(blob);
    size += blob.length;
  }

  // The client: after its own start-up work, it renders the profile's main column (top card
  // included) from a template, then the activity, in separate tasks.
  const client = `<script>
(function(){
  function work(ms){var end=performance.now()+ms,x=0;while(performance.now()<end)x+=Math.sqrt(x+1);return x;}
  function render(){
    work(40);
    var slot=document.getElementById('fx-main-slot');
    slot.replaceWith(document.getElementById('fx-main').content.cloneNode(true));
    setTimeout(function(){
      work(20);
      var feed=document.getElementById('fx-activity-slot');
      feed.replaceWith(document.getElementById('fx-activity').content.cloneNode(true));
      window.__fxRendered=true;
    },50);
  }
  if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',function(){setTimeout(render,30)});else setTimeout(render,30);
})();
</script>`;

  const html = `${head}
${scriptTags.join('\n')}
</head>
<body class="render-mode-BIGPIPE nav-v2 ember-application boot-complete icons-loaded">
${nav}
<div class="application-outlet"><div class="scaffold-layout scaffold-layout--main-aside"><div class="scaffold-layout__inner"><div class="scaffold-layout__row scaffold-layout__content">
<div id="fx-main-slot" class="scaffold-layout__main"><div class="pv-profile-wrapper skeleton"></div></div>
<template id="fx-main">${main}</template>
<section class="artdeco-card pv-recent-activity" aria-label="Activity"><div id="fx-activity-slot"></div><template id="fx-activity">${posts}</template></section>
${aside}
</div></div></div></div>
${blobs.join('\n')}
${client}
</body>
</html>
`;
  return { html, scripts: new Map(scripts), images };
}

/** A 1×1 PNG for every image the page asks for. */
export const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

/** Write the page to bench/.heavy/ (git-ignored) and return what the benchmark serves. */
export function writeHeavyProfile() {
  const built = heavyProfile();
  mkdirSync(dirname(HEAVY_FILE), { recursive: true });
  writeFileSync(HEAVY_FILE, built.html);
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { html, scripts, images } = writeHeavyProfile();
  const elements = (html.match(/<[a-z][a-z0-9-]*/g) ?? []).length;
  console.log(`${HEAVY_FILE}: ${(html.length / 1e6).toFixed(2)} MB of HTML, ~${elements} elements (templates included), ${images} images, ${scripts.size} scripts + 1 inline`);
}
