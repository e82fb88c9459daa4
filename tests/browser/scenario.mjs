// The browser scenario of corroborate's web page, against a running server.
// run.mjs prepares the database and the server, then calls runScenario.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The invented article pasted into the review queue. */
export const ARTICLE = [
  'Harbour works on schedule, city says',
  '',
  '“The Harbour Bridge will reopen to traffic in May,” the mayor said, according to Reuters.',
  '',
  'The toll on the Harbour Bridge will be two euros per crossing, the City Transport Office said in a statement.',
  '',
  '“Crews have replaced every cable on the span,” an engineer on the project said.',
  '',
].join('\n');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const STEP_TIMEOUT = 15000;

class Check extends Error {}

function check(cond, msg) {
  if (!cond) throw new Check(msg);
}

/**
 * Run the scenario. `url`: the server's base URL; `editor`, `viewer`: {name, password};
 * `shots`: the screenshot directory; `log`: a progress printer.
 */
export async function runScenario({ url, editor, viewer, shots, log = console.log, executablePath = '/usr/bin/chromium' }) {
  fs.mkdirSync(shots, { recursive: true });
  fs.rmSync(path.join(shots, 'failure.png'), { force: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const problems = [];
  const watch = (pg) => {
    pg.on('console', (m) => {
      const t = m.text();
      // A refused request shows as a console error too (the 401 of /api/session before
      // logging in, the forced 403s); those are expected. CSP violations and script
      // errors are not.
      if (m.type() === 'error' && !/Failed to load resource/.test(t)) problems.push('console: ' + t);
    });
    pg.on('pageerror', (e) => problems.push('page error: ' + e.message));
  };
  let page;
  let step = 'start';
  const stepLog = (s) => {
    step = s;
    log('  · ' + s);
  };
  try {
    page = context.pages()[0] || (await context.newPage());
    watch(page);
    const tid = (id) => page.getByTestId(id);

    // ---- log-in form --------------------------------------------------------------------
    stepLog('log-in form and a wrong password');
    await page.goto(url + '/');
    await tid('login-form').waitFor();
    check(await page.getByLabel('Name').count() === 1, 'the name field has no label');
    check(await page.getByLabel('Password').count() === 1, 'the password field has no label');
    await tid('login-name').fill(editor.name);
    await tid('login-password').fill(editor.password + '-wrong');
    await tid('login-submit').click();
    await tid('login-error').waitFor({ state: 'visible' });
    check((await tid('login-error').textContent()).trim().length > 0, 'a refused log-in shows no message');

    stepLog('log in as the editor');
    await login(page, editor);
    check((await tid('user-role').textContent()).trim() === 'editor', 'the header does not show the role editor');
    await tid('nav-review').waitFor({ state: 'visible' });

    // ---- claims list --------------------------------------------------------------------
    stepLog('claims list with the two-source rule');
    await tid('claims-table').waitFor();
    const rows = tid('claim-row');
    check(await rows.count() >= 5, `expected at least 5 claims, found ${await rows.count()}`);
    const bridge = rows.filter({ hasText: 'The Harbour Bridge will reopen to traffic in May' });
    check(await bridge.count() === 1, 'the bridge claim is not listed once');
    const bridgeBadge = (await bridge.getByTestId('rule-badge').textContent()).trim();
    check(/^2 sources/.test(bridgeBadge), `the bridge claim's badge says "${bridgeBadge}", expected 2 sources`);
    const water = rows.filter({ hasText: 'water utility' });
    check(/below two-source rule/.test(await water.getByTestId('rule-badge').textContent()), 'the single-source claim is not marked below the two-source rule');
    check(await water.getByTestId('flag-anon').count() === 1, 'the anonymous-only flag is missing');
    const circ = rows.filter({ hasText: 'stadium renovation' });
    check(await circ.getByTestId('flag-circular').count() === 1, 'the circular flag is missing');
    // Hostile text is shown as text, never as markup.
    const hostile = rows.filter({ hasText: '<img src=x' });
    check(await hostile.count() === 1, 'the claim with markup in its text is not shown literally');
    check(await page.locator('main img').count() === 0, 'markup from a claim text became an element');
    check(await page.evaluate(() => window.__pwned === undefined), 'script from a claim text ran');
    await page.screenshot({ path: path.join(shots, 'claims-list.png'), fullPage: true });

    stepLog('search and filters');
    await tid('claims-search').fill('water');
    await tid('claims-search').press('Enter');
    await waitRows(page, (n) => n === 1, 'searching "water" should leave one claim');
    check(page.url().includes('q=water'), 'the search is not kept in the address');
    await tid('claims-search').fill('');
    await tid('filter-single').check();
    await waitRows(page, (n) => n >= 3, 'single-source filter shows too few claims');
    const singles = await tid('rule-badge').allTextContents();
    check(singles.every((t) => /below two-source rule|0 sources/.test(t)), 'the single-source filter shows a claim with two sources');
    await tid('filter-single').uncheck();
    await tid('filter-circular').check();
    await waitRows(page, (n) => n === 1, 'the circular filter should leave the stadium claim');
    await tid('filter-circular').uncheck();
    await tid('claims-sort').selectOption('sources');
    await waitRows(page, (n) => n >= 5, 'sorting lost claims');
    check(/^2 sources/.test((await tid('rule-badge').first().textContent()).trim()), 'sorting by sources does not put the two-source claim first');

    // ---- claim page -----------------------------------------------------------------------
    stepLog('claim page with the attribution graph');
    await tid('claim-row').filter({ hasText: 'The Harbour Bridge will reopen to traffic in May' }).getByTestId('claim-link').click();
    await tid('claim-title').waitFor();
    check((await tid('claim-title').textContent()).includes('Harbour Bridge will reopen'), 'the claim page shows another claim');
    check(await tid('chain').count() === 2, `expected 2 chains, found ${await tid('chain').count()}`);
    check(await tid('explanation').locator('li').count() >= 1, 'no explanation sentence');
    check(await tid('wording').count() >= 1, 'no wording listed');
    const svg = page.locator('svg[data-testid="graph"]');
    await svg.waitFor();
    const names = await svg.locator('[data-testid="graph-node"]').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-name')));
    for (const n of ['Daily Ledger', 'Evening Courier', 'Reuters', 'Mayor Ana Ortiz', 'City Transport Office']) {
      check(names.includes(n), `the graph has no node ${n} (nodes: ${names.join(', ')})`);
    }
    check(await svg.locator('[data-testid="graph-edge"]').count() === 3, 'the graph should have 3 edges');
    const box = async (n) => svg.locator(`[data-testid="graph-node"][data-name="${n}"] rect`).boundingBox();
    const pub = await box('Daily Ledger');
    const relay = await box('Reuters');
    const origin = await box('Mayor Ana Ortiz');
    check(pub.x < relay.x && relay.x < origin.x, 'the graph is not laid out publisher → relay → origin, left to right');
    await tid('similar-item').first().waitFor();
    check(await tid('similar-item').filter({ hasText: 'set to reopen' }).count() === 1, 'similar claims do not show the other wording');
    await page.screenshot({ path: path.join(shots, 'claim-page.png'), fullPage: true });

    stepLog('source page');
    await svg.locator('a[href="#/source/Reuters"]').click();
    await tid('source-title').waitFor();
    check((await tid('source-title').textContent()).trim() === 'Reuters', 'the source page shows another source');
    check(/\d\.\d\d/.test(await tid('credibility').textContent()), 'the source page shows no credibility');
    await tid('blast-radius').waitFor();
    await page.screenshot({ path: path.join(shots, 'source-page.png'), fullPage: true });

    stepLog('anonymous hops are dashed');
    await openBySearch(page, url, 'water');
    const anonNode = page.locator('svg[data-testid="graph"] [data-testid="graph-node"][data-anonymous="true"] rect');
    check(await anonNode.count() === 1, 'the anonymous hop is not drawn as an anonymous node');
    const dash = await anonNode.evaluate((r) => getComputedStyle(r).strokeDasharray);
    check(dash && dash !== 'none', 'the anonymous node is not dashed');

    stepLog('circular reporting is drawn as a backward edge');
    await openBySearch(page, url, 'stadium');
    check(await page.locator('svg[data-testid="graph"] path.edge.back').count() >= 1, 'the circular chain has no backward edge');
    await page.locator('.graph-figure').screenshot({ path: path.join(shots, 'graph-circular.png') });

    stepLog('markup in a source name stays text, and its page opens');
    await openBySearch(page, url, 'ferry');
    const hostileName = '<b>Island Council</b>';
    check(await page.locator('svg[data-testid="graph"] [data-testid="graph-node"]').evaluateAll(
      (ns, want) => ns.some((n) => n.getAttribute('data-name') === want && n.textContent.includes(want)), hostileName),
    'the graph does not show the source name with markup as text');
    check(await page.locator('main b, main img').count() === 0, 'markup from a claim or source became an element');
    check((await tid('claim-title').textContent()).includes('<img src=x'), 'the claim title does not show its markup as text');
    const graphLink = page.locator('svg[data-testid="graph"] a').first();
    await graphLink.focus();
    check(await page.evaluate(() => document.activeElement && document.activeElement.namespaceURI === 'http://www.w3.org/2000/svg'),
      'graph nodes cannot take the keyboard focus');
    await tid('chain').getByRole('link', { name: hostileName }).click();
    await tid('source-title').waitFor();
    check((await tid('source-title').textContent()).trim() === hostileName, 'the page of a source whose name has markup and a slash does not open');
    check(await page.locator('[role="status"][aria-live="polite"]').count() === 1, 'no aria-live status region');

    // ---- review queue ------------------------------------------------------------------------
    stepLog('review queue: extract, accept, import');
    await tid('nav-review').click();
    await tid('review-form').waitFor();
    await page.getByLabel('Publisher').fill('Coastal Gazette');
    await page.getByLabel('URL (optional)').fill('https://gazette.example/harbour-works');
    await page.getByLabel('Article text').fill(ARTICLE);
    await tid('review-submit').click();
    await tid('proposal').first().waitFor();
    const proposals = tid('proposal');
    check(await proposals.count() >= 2, `expected at least 2 proposed statements, found ${await proposals.count()}`);
    let tollIdx = -1;
    const n = await proposals.count();
    for (let i = 0; i < n; i++) {
      if ((await proposals.nth(i).getByTestId('proposal-claim').inputValue()).includes('toll')) tollIdx = i;
    }
    check(tollIdx >= 0, 'the toll statement was not proposed');
    const toll = proposals.nth(tollIdx);
    const tollChain = await toll.getByTestId('proposal-chain').inputValue();
    check(tollChain === 'Coastal Gazette via City Transport Office', `the toll statement's chain reads "${tollChain}"`);
    const chains = await tid('proposal-chain').evaluateAll((xs) => xs.map((x) => x.value));
    check(chains.some((c) => /via ~the mayor$/.test(c)), `no proposed chain ends with an anonymous hop (${chains.join(' | ')})`);
    await toll.getByTestId('proposal-accept').click();
    check(await toll.getByTestId('proposal-accept').getAttribute('aria-pressed') === 'true', 'Accept is not shown as pressed');
    for (let i = 0; i < n; i++) if (i !== tollIdx) await proposals.nth(i).getByTestId('proposal-reject').click();
    check((await tid('import-accepted').textContent()).includes('(1)'), 'the import button does not count one accepted statement');
    await tid('import-accepted').click();
    await tid('import-summary').getByText(/Imported 1 record/).waitFor();
    await page.screenshot({ path: path.join(shots, 'review-queue.png'), fullPage: true });
    await tid('nav-claims').click();
    await tid('claims-table').waitFor();
    await tid('nav-review').click();
    await tid('import-summary').getByText(/Imported 1 record/).waitFor();
    check(await tid('proposal').count() === n, 'the review queue lost its proposals on a visit to another page');

    stepLog('the imported claim is in the list');
    await tid('imported-link').first().click();
    await waitRows(page, (k) => k >= 1, 'the imported claim is not found');
    const imported = tid('claim-row').filter({ hasText: 'The toll on the Harbour Bridge will be two euros per crossing' });
    check(await imported.count() === 1, 'the imported claim is not in the list');
    await imported.getByTestId('claim-link').click();
    await tid('claim-title').waitFor();
    const claimUrl = page.url();

    stepLog('confirm a similar claim ("Same claim")');
    const match = tid('similar-item').filter({ hasText: 'Tolls on the Harbour Bridge' });
    await match.waitFor();
    await match.getByTestId('link-same').click();
    await tid('status-ok').filter({ hasText: 'Linked' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="wording"]').length === 2);
    check(/^2 sources/.test((await page.locator('.summary [data-testid="rule-badge"]').textContent()).trim()),
      'after linking, the claim should count two independent sources');

    stepLog('mark an unrelated similar claim "Different"');
    const other = tid('similar-item').filter({ hasText: 'The Harbour Bridge will reopen to traffic in May' });
    await other.waitFor();
    await other.getByTestId('link-different').click();
    await tid('status-ok').filter({ hasText: 'different claims' }).waitFor();
    check(await tid('wording').count() === 2, '"Different" changed the wordings of the claim');

    stepLog('confirm a pending match suggestion');
    await page.goto(url + '/#/matches');
    const suggestion = tid('match-item').filter({ hasText: 'Pine Hollow' });
    await suggestion.waitFor();
    check(await suggestion.count() === 1, 'expected one pending match suggestion');
    await page.screenshot({ path: path.join(shots, 'match-suggestions.png'), fullPage: true });
    await suggestion.getByTestId('match-same').click();
    await tid('status-ok').filter({ hasText: 'Confirmed' }).waitFor();
    check(await tid('match-item').count() === 0, 'the confirmed suggestion is still listed');
    const left = await page.evaluate(async () => {
      const r = await fetch('/api/links/pending', { credentials: 'same-origin' });
      return (await r.json()).length;
    });
    check(left === 0, `after confirming, ${left} suggestions are still pending`);
    await page.goto(claimUrl);
    await tid('claim-title').waitFor();

    stepLog('a write without the CSRF token is refused');
    const claimId = decodeURIComponent(claimUrl.split('#/claim/')[1]);
    const noCsrf = await page.evaluate(async (id) => {
      const r = await fetch('/api/verdicts', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ claim: id, verdict: 'true' }) });
      return r.status;
    }, claimId);
    check(noCsrf === 403, `a POST without X-CSRF-Token answered ${noCsrf}, expected 403`);

    stepLog('record a verdict');
    await page.getByLabel('Verdict', { exact: true }).selectOption('false');
    await page.getByLabel('By (optional)').fill('Harbour desk');
    await page.getByLabel('Note (optional)').fill('The transport office says 2.50 euros.');
    await tid('verdict-submit').click();
    await tid('verdict-item').filter({ hasText: 'The transport office says 2.50 euros.' }).waitFor();
    check(await tid('verdict-item').count() === 1, 'expected exactly one verdict (the one without CSRF must not be stored)');
    check((await tid('verdict-item').textContent()).includes('false'), 'the verdict listed is not "false"');

    stepLog('log out');
    await tid('logout').click();
    await tid('login-form').waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/claims?limit=1', { credentials: 'same-origin' })).status);
    check(after === 401, `after logging out, /api/claims answered ${after}, expected 401`);

    // ---- viewer ------------------------------------------------------------------------------
    stepLog('log in as the viewer: no write controls');
    await login(page, viewer);
    check((await tid('user-role').textContent()).trim() === 'viewer', 'the header does not show the role viewer');
    check(!(await tid('nav-review').isVisible()), 'the review queue is offered to a viewer');
    await page.goto(claimUrl);
    await tid('claim-title').waitFor();
    await tid('verdict-item').first().waitFor();
    await page.waitForSelector('[data-testid="similar-item"], [data-testid="similar-empty"]');
    for (const id of ['verdict-form', 'verdict-submit', 'link-same', 'link-different', 'import-accepted', 'review-form', 'proposal-accept', 'match-same', 'match-different']) {
      check(await tid(id).count() === 0, `the viewer's claim page has a write control: ${id}`);
    }
    check(await page.locator('main form').count() === 0, "the viewer's claim page has a form");
    await page.screenshot({ path: path.join(shots, 'viewer-claim-page.png'), fullPage: true });
    await page.goto(url + '/#/review');
    await tid('review-denied').waitFor();
    check(await tid('review-form').count() === 0, 'the review queue form is shown to a viewer');

    stepLog("a viewer's forced write is refused (403)");
    const forced = await page.evaluate(async (id) => {
      const s = await (await fetch('/api/session', { credentials: 'same-origin' })).json();
      const r = await fetch('/api/verdicts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf },
        body: JSON.stringify({ claim: id, verdict: 'true' }),
      });
      return { status: r.status, csrf: typeof s.csrf === 'string' && s.csrf.length > 0 };
    }, claimId);
    check(forced.csrf, 'the session of the viewer has no CSRF token');
    check(forced.status === 403, `a viewer's verdict POST answered ${forced.status}, expected 403`);

    // ---- phone ----------------------------------------------------------------------------------
    stepLog('phone viewport 390×844');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url + '/#/claims');
    await tid('claims-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `the claims list is ${overflow}px wider than a phone screen`);
    await page.screenshot({ path: path.join(shots, 'phone-claims-list.png'), fullPage: true });
    await page.goto(claimUrl);
    await tid('claim-title').waitFor();
    await page.screenshot({ path: path.join(shots, 'phone-claim-page.png'), fullPage: true });

    check(problems.length === 0, 'the page reported errors:\n    ' + problems.join('\n    '));
  } catch (e) {
    if (page) {
      try {
        await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true });
      } catch (_) { /* the page may be gone */ }
    }
    const msg = e instanceof Check ? e.message : (e && e.stack) || String(e);
    const extra = problems.length ? '\n  page errors seen:\n    ' + problems.join('\n    ') : '';
    throw new Error(`step "${step}": ${msg}${extra}`);
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function login(page, user) {
  await page.getByTestId('login-form').waitFor();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').filter({ hasText: user.name }).waitFor();
  await page.getByTestId('claims-table').or(page.getByTestId('claim-title')).first().waitFor();
}

/** Search the claims list for `word` and open the one claim found. */
async function openBySearch(page, url, word) {
  await page.goto(url + '/#/claims?q=' + encodeURIComponent(word));
  await waitRows(page, (n) => n === 1, `searching "${word}" should leave one claim`);
  await page.getByTestId('claim-link').first().click();
  await page.getByTestId('claim-title').waitFor();
}

/** Wait until the claims table's row count satisfies `ok`. */
async function waitRows(page, ok, msg) {
  const deadline = Date.now() + STEP_TIMEOUT;
  let n = -1;
  while (Date.now() < deadline) {
    // The table is replaced when an answer arrives; wait for quiet.
    await page.waitForTimeout(150);
    const busy = await page.locator('.table-wrap[aria-busy="true"]').count();
    if (busy) continue;
    n = await page.getByTestId('claim-row').count();
    if (ok(n)) return n;
  }
  throw new Check(`${msg} (rows: ${n})`);
}
