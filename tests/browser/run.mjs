// Browser test of corroborate's web page.
//
//   node tests/browser/run.mjs path/to/corroborate
//
// Makes a temporary database with a few invented reports and two users (an editor and
// a viewer, with passwords), starts `corroborate serve` on a free port, runs the
// scenario in scenario.mjs in headless Chromium (/usr/bin/chromium, or
// $CHROMIUM_PATH), saves screenshots under target/browser/ at the repository root, and
// stops the server with SIGTERM whatever happens. Exits 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from './scenario.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const shots = path.join(repo, 'target', 'browser');

const EDITOR = { name: 'ed', password: 'harbour-Desk-7 pass', role: 'editor' };
const VIEWER = { name: 'vi', password: 'viewer-Pass 42', role: 'viewer' };

/** Invented reports: a claim with two independent sources, another wording of it,
 *  single-source claims (one anonymous), a circular one, one whose text and source
 *  names carry markup, and a toll claim the review queue's article rewords. */
export const RECORDS = [
  { type: 'report', claim: 'The Harbour Bridge will reopen to traffic in May', chain: 'Daily Ledger via Reuters via Mayor Ana Ortiz', url: 'https://ledger.example/bridge-may', published: '2026-11-02' },
  { type: 'report', claim: 'The Harbour Bridge will reopen to traffic in May', chain: 'Evening Courier via City Transport Office', published: '2026-11-03' },
  { type: 'report', claim: 'The Harbour Bridge is set to reopen for traffic in May', chain: 'Morning Star via Reuters via Mayor Ana Ortiz', published: '2026-11-04' },
  { type: 'report', claim: 'The city water utility raised prices by 12 percent', chain: 'Evening Courier via ~an official at the utility', published: '2026-11-05' },
  { type: 'report', claim: 'The stadium renovation will cost 40 million euros', chain: 'Daily Ledger via Valley Times via Daily Ledger', published: '2026-11-06' },
  { type: 'report', claim: 'Tolls on the Harbour Bridge will be two euros per crossing', chain: 'Valley Times via Harbour Authority', published: '2026-11-07' },
  { type: 'report', claim: 'Ferry service to the north island ends in January <img src=x onerror="window.__pwned=1">', chain: 'Coast Radio via <b>Island Council</b>', published: '2026-11-08' },
  // Two wordings the matcher linked (MATCHER_LINK) and nobody has checked: the queue of
  // match suggestions.
  { type: 'report', claim: 'The night train to Pine Hollow was cancelled on Tuesday', chain: 'Valley Times via Rail Desk', published: '2026-11-09' },
  { type: 'report', claim: 'On Tuesday the Pine Hollow night train did not run', chain: 'Coast Radio via Station Staff', published: '2026-11-09' },
];

function fail(msg) {
  console.error('FAIL: ' + msg);
  process.exitCode = 1;
}

/** Run the CLI; throw with its stderr when it fails. */
function cli(bin, args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', timeout: 60000 });
  if (r.error) throw new Error(`${path.basename(bin)} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${path.basename(bin)} ${args.join(' ')} exited with ${r.status}:\n${(r.stderr || '').trim()}`);
  }
  return r.stdout;
}

/** Start `serve`; resolve with {child, url} once it prints its address. */
function startServer(bin, db) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--db', db, 'serve', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(Object.assign(new Error('the server printed no address within 30 s\n' + err), { child })), 30000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const first = out.slice(0, nl).trim();
      clearTimeout(timer);
      const m = /^listening on (http:\/\/\S+)$/.exec(first);
      if (m) resolve({ child, url: m[1].replace(/\/$/, '') });
      else reject(Object.assign(new Error(`unexpected first line from serve: ${JSON.stringify(first)}`), { child }));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${err.trim()}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s. */
function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => {
      console.error('the server did not stop within 15 s of SIGTERM; killing it');
      child.kill('SIGKILL');
    }, 15000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function main() {
  const bin = process.argv[2];
  if (!bin) {
    fail('usage: node tests/browser/run.mjs path/to/corroborate');
    return;
  }
  const binary = path.resolve(bin);
  if (!fs.existsSync(binary)) {
    fail(`no binary at ${binary}`);
    return;
  }
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    fail(`no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-browser-'));
  const db = path.join(tmp, 'db');
  let server = null;
  let ok = false;
  try {
    console.log(`binary: ${binary} (built ${fs.statSync(binary).mtime.toISOString()})`);
    const data = path.join(tmp, 'reports.jsonl');
    fs.writeFileSync(data, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
    cli(binary, ['--db', db, 'import', data]);
    const hollow = JSON.parse(cli(binary, ['--db', db, '--format', 'json', 'claims', '--by-text', '--grep', 'pine hollow']));
    if (hollow.length !== 2) throw new Error(`expected the two Pine Hollow wordings, found ${hollow.length}`);
    const link = { type: 'link', a: hollow[0].id, b: hollow[1].id, relation: 'same', by: 'matcher', score: 0.83, model: 'test-model', threshold: 0.8 };
    cli(binary, ['--db', db, 'import', '-'], JSON.stringify(link) + '\n');
    for (const u of [EDITOR, VIEWER]) {
      cli(binary, ['--db', db, 'user', 'add', u.name, '--role', u.role]);
      cli(binary, ['--db', db, 'user', 'password', u.name], u.password + '\n');
    }
    const started = await startServer(binary, db).catch((e) => {
      server = e.child || null;
      throw e;
    });
    server = started.child;
    console.log(`server: ${started.url}`);
    await runScenario({ url: started.url, editor: EDITOR, viewer: VIEWER, shots, executablePath });
    ok = true;
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  } finally {
    await stopServer(server);
    if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`kept the temporary database for a look: ${tmp}`);
  }
  if (ok) {
    const pngs = fs.readdirSync(shots).filter((f) => f.endsWith('.png') && f !== 'failure.png');
    console.log(`PASS: screenshots in ${path.relative(process.cwd(), shots) || shots}: ${pngs.join(', ')}`);
  }
}

await main();
