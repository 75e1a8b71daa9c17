// The HTML report of the three 2012 plans, and of fixtures/hostile, in headless Chromium:
// what issue 18 asks of the page, asserted one by one (tests/browser/README.md).
// usage: node report.mjs CHROMIUM OUT_DIR MODULES_DIR   (run.sh makes OUT_DIR's pages)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [chromium, out, modules] = process.argv.slice(2);
const require = createRequire(join(modules, 'package.json'));
const puppeteer = require('puppeteer-core');

let pass = 0, fail = 0;
function check(name, ok, detail) {
  if (ok) {
    pass++;
    console.log(`ok   ${name}`);
  } else {
    fail++;
    console.log(`FAIL ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  }
}

const marking = 'RESTREINT UE/EU RESTRICTED';
const findings = JSON.parse(readFileSync(join(out, 'check.json'), 'utf8')).findings;
const profile = mkdtempSync(join(tmpdir(), 'oapgraph-chromium-'));
// Without the background-networking flags Chromium reaches out on its own, and on a
// closed network its refused connections would read as the page's.
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run',
         `--user-data-dir=${profile}`],
});

// Opens a page and records what it asks for and says: every request (the page's own
// file included), console errors, uncaught errors, dialogs (an alert() that ran).
async function open(file) {
  const page = await browser.newPage();
  const seen = { requests: [], errors: [], dialogs: [] };
  page.on('request', r => seen.requests.push(r.url()));
  page.on('console', m => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', e => seen.errors.push(String(e)));
  page.on('dialog', d => { seen.dialogs.push(d.message()); d.dismiss(); });
  await page.setViewport({ width: 1280, height: 900 });
  const url = pathToFileURL(join(out, file)).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen, url };
}

try {
  const { page, seen, url } = await open('plans.html');
  check('no console error', seen.errors.length === 0, seen.errors);
  check('no request but the page itself', seen.requests.length === 1 && seen.requests[0] === url,
        seen.requests);
  check('page under 2 MB', statSync(join(out, 'plans.html')).size < 2 * 1024 * 1024);
  check('marking in the title', (await page.title()).startsWith(marking + ': '), await page.title());

  // The banners: the first thing at the top, the last at the bottom, visible.
  const top = await page.$eval('header.banner', e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return { y: r.top, h: r.height, text: e.textContent, vis: s.visibility, disp: s.display };
  });
  check('banner at the top, visible', top.y === 0 && top.h > 10 && top.text === marking &&
        top.vis === 'visible' && top.disp !== 'none', top);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bottom = await page.$eval('footer.banner', e => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, inner: innerHeight, text: e.textContent,
             last: e === document.body.lastElementChild.previousElementSibling };
  });
  check('banner at the bottom, visible', bottom.text === marking && bottom.top >= 0 &&
        bottom.bottom <= bottom.inner + 1 && bottom.last, bottom);

  // The findings table: a row per finding of check --format json, all shown.
  const rows = await page.$$eval('#findings-table tbody tr', rs => rs.map(r => ({
    rule: r.getAttribute('data-rule'), hidden: r.hidden })));
  check(`findings rows = check's ${findings.length}`, rows.length === findings.length &&
        rows.every(r => !r.hidden), rows.length);
  check('the filter shows with scripts on', await page.$eval('#filters', f => !f.hidden &&
        f.querySelectorAll('select').length === 3));

  // Filtering by a rule leaves exactly that rule's rows.
  const rule = 'isolated-action';
  const want = findings.filter(f => f.rule === rule).length;
  await page.select('#filter-rule', rule);
  const shown = await page.$$eval('#findings-table tbody tr', rs =>
    rs.filter(r => !r.hidden).map(r => r.getAttribute('data-rule')));
  check(`filter by ${rule}: its ${want} rows, no other`, want > 0 && shown.length === want &&
        shown.every(r => r === rule), shown);
  await page.select('#filter-rule', '');

  // A finding's link lands on its action's row, in view.
  const link = await page.$eval('#findings-table a.node', a => ({ href: a.getAttribute('href'),
                                                                   text: a.textContent }));
  await page.click('#findings-table a.node');
  const landed = await page.evaluate(() => {
    const t = document.querySelector(':target');
    if (!t) return null;
    const r = t.getBoundingClientRect();
    return { id: t.id, hash: location.hash, first: t.cells[0].textContent, top: r.top,
             inner: innerHeight };
  });
  check(`the link of finding on ${link.text} lands on its row`, landed &&
        '#' + landed.id === link.href && landed.hash === link.href &&
        landed.first === link.text && landed.top > -2 && landed.top < landed.inner,
        { link, landed });

  // Its diagram link lands on its node in the plan view, scrolled into view.
  const dlink = await page.$eval('#findings-table a.diagram-node', a => a.getAttribute('href'));
  await page.click('#findings-table a.diagram-node');
  const node = await page.evaluate(() => {
    const t = document.querySelector(':target');
    if (!t) return null;
    const r = t.getBoundingClientRect();
    return { id: t.id, cls: t.getAttribute('class'), title: t.querySelector('title').textContent,
             top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: innerWidth,
             h: innerHeight };
  });
  check(`the diagram link ${dlink} lands on its node, in view`, node &&
        '#' + node.id === dlink && node.cls === 'node' &&
        link.text.startsWith(node.title.split(':').pop()) &&
        node.top > -2 && node.bottom < node.h + 2 && node.left > -2 && node.right < node.w + 2,
        { dlink, node });

  // Every diagram drawn, with a box of its own.
  const boxes = await page.$$eval('.diagram svg', ss => ss.map(s => {
    const b = s.getBBox(), r = s.getBoundingClientRect();
    return { w: b.width, h: b.height, cw: r.width, ch: r.height };
  }));
  check('three diagrams, each with a non-empty box', boxes.length === 3 &&
        boxes.every(b => b.w > 50 && b.h > 50 && b.cw > 50 && b.ch > 50), boxes);
  const ids = await page.$$eval('[id]', es => es.map(e => e.id));
  check('element ids unique across the diagrams', new Set(ids).size === ids.length,
        ids.filter((x, i) => ids.indexOf(x) !== i).slice(0, 5));

  // A full-page screenshot, and the page printed: the banner in the body of each page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, 'plans.png'), fullPage: true });
  // The first screen, for graphs/ and the README (the whole page is megabytes).
  await page.screenshot({ path: join(out, 'plans-top.png'), clip: { x: 0, y: 0, width: 1280,
                                                                     height: 1100 } });
  await page.pdf({ path: join(out, 'plans.pdf'), format: 'A4', printBackground: true,
                   displayHeaderFooter: false });
  const info = execFileSync('pdfinfo', [join(out, 'plans.pdf')], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const missing = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout',
                                            join(out, 'plans.pdf'), '-'], { encoding: 'utf8' });
    const lines = text.split('\n').filter(l => l.trim());
    // Top and bottom of the page: its first and last lines of text.
    if (!lines.length || !lines[0].includes(marking) || !lines[lines.length - 1].includes(marking))
      missing.push(p);
  }
  check(`PDF: the banner at the top and bottom of each of its ${pages} pages`,
        pages > 1 && missing.length === 0, missing);
  await page.close();

  // Scripts off: everything readable, nothing hidden.
  const off = await browser.newPage();
  await off.setJavaScriptEnabled(false);
  await off.goto(pathToFileURL(join(out, 'plans.html')).href, { waitUntil: 'load' });
  const visible = await off.$$eval('#findings-table tbody tr', rs =>
    rs.filter(r => !r.hidden && r.getBoundingClientRect().height > 0).length);
  check('scripts off: every finding row shown', visible === findings.length, visible);
  await off.close();

  // Hostile plans: no plan text turned into markup, a script or a link.
  const h = await open('hostile.html');
  await new Promise(r => setTimeout(r, 200));
  const made = await h.page.evaluate(() => ({
    scripts: document.scripts.length,
    imgs: document.images.length,
    handlers: [...document.querySelectorAll('*')].flatMap(e =>
      [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
      .filter(u => !u.startsWith('#')),
    iframes: document.querySelectorAll('iframe, object, embed, form, input, base').length,
  }));
  check('hostile: one script (ours), no image, handler, frame or form', made.scripts === 1 &&
        made.imgs === 0 && made.handlers.length === 0 && made.iframes === 0, made);
  check('hostile: no link out of the page', made.links.length === 0, made.links);
  check('hostile: no dialog, no request, no error', h.seen.dialogs.length === 0 &&
        h.seen.requests.length === 1 && h.seen.errors.length === 0, h.seen);
  check('hostile: the injected markup shows as text',
        (await h.page.evaluate(() => document.body.innerText)).includes('<img src=x onerror=alert(1)>'));
  await h.page.close();
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
