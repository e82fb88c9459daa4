// corroborate's web page: one file, no libraries, no innerHTML.
//
// Every piece of text that comes from the server (claim texts, source names, reasons)
// is hostile input: it only ever reaches the page through textContent, text nodes or
// attribute values set with setAttribute. Links built from data are restricted to
// http(s) URLs or to the page's own hash routes.
'use strict';

(() => {
  // ---- state ------------------------------------------------------------------------

  /** The logged-in user: {name, role, csrf}, or null. */
  let session = null;
  /** Increases on every route change; an async render whose number is stale stops. */
  let renderSeq = 0;
  /** The review queue's elements, kept while the same user is logged in. */
  let reviewView = null;

  const canWrite = () => !!session && (session.role === 'editor' || session.role === 'admin');

  // ---- DOM helpers --------------------------------------------------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';

  /**
   * Build an element. `attrs`: plain attributes (setAttribute), except `on*` functions
   * (event listeners), `testid` (data-testid), and `text` (textContent). Children:
   * nodes or strings (as text nodes); null/false are skipped; arrays are flattened.
   */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2), v);
      } else if (k === 'testid') {
        el.setAttribute('data-testid', v);
      } else if (k === 'text') {
        el.textContent = String(v);
      } else if (k === 'class') {
        el.setAttribute('class', v);
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }

  function append(el, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(el, c);
      else if (c instanceof Node) el.appendChild(c);
      else el.appendChild(document.createTextNode(String(c)));
    }
  }

  /**
   * The library's sentences quote commands and fields between backticks (for the
   * terminal): show those parts as code, as text nodes like everything else.
   */
  function withCode(text) {
    return String(text).split('`').map((part, i) => (i % 2 === 1 ? h('code', null, part) : part));
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  /** An http(s) URL as given, or null: never javascript:, data: or the like. */
  function safeUrl(u) {
    if (typeof u !== 'string') return null;
    try {
      const p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
    } catch (_) {
      return null;
    }
  }

  function externalLink(u, label) {
    const href = safeUrl(u);
    if (!href) return h('span', { class: 'url' }, u);
    return h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'url' }, label || u);
  }

  const claimHref = (id) => '#/claim/' + encodeURIComponent(id);
  const sourceHref = (name) => '#/source/' + encodeURIComponent(name);

  function num(x, digits = 2) {
    return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '—';
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  // ---- status messages (aria-live) ------------------------------------------------------

  let statusTimer = null;
  function say(msg, kind = 'info') {
    const el = document.getElementById('status');
    clearTimeout(statusTimer);
    clear(el);
    if (!msg) return;
    el.className = 'status ' + kind;
    el.appendChild(h('p', { testid: 'status-' + kind }, msg));
    if (kind !== 'error') statusTimer = setTimeout(() => clear(el), 8000);
  }
  const sayError = (e) => say(e && e.message ? e.message : String(e), 'error');

  // ---- the API ------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Call the API. `opts.json`: a body sent as JSON; `opts.body` + `opts.type`: a raw
   * body. POST and DELETE carry the CSRF token. Resolves with the parsed JSON (null
   * for an empty answer); rejects with ApiError carrying the server's message.
   */
  async function api(method, path, opts = {}) {
    const headers = { Accept: 'application/json' };
    let body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = opts.type || 'text/plain; charset=utf-8';
      body = opts.body;
    }
    if (method !== 'GET' && session && session.csrf) headers['X-CSRF-Token'] = session.csrf;
    let res;
    try {
      res = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'The server cannot be reached (' + (e.message || e) + '). Is it running?');
    }
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (_) {
        data = null;
      }
    }
    if (!res.ok) {
      const msg = data && typeof data.error === 'string'
        ? data.error
        : 'The server answered ' + res.status + ' ' + res.statusText;
      const err = new ApiError(res.status, msg);
      if (res.status === 401 && !opts.noSessionCheck && session) {
        session = null;
        showSession();
        renderLogin('Your session has ended; log in again. (' + msg + ')');
      }
      throw err;
    }
    return data;
  }

  // ---- session and header ---------------------------------------------------------------

  function showSession() {
    const logged = !!session;
    document.getElementById('nav').hidden = !logged;
    document.getElementById('who').hidden = !logged;
    document.getElementById('nav-review').hidden = !canWrite();
    document.getElementById('user-name').textContent = logged ? session.name : '';
    document.getElementById('user-role').textContent = logged ? session.role : '';
  }

  async function logout() {
    try {
      await api('POST', '/logout', { noSessionCheck: true });
    } catch (e) {
      // A session that is gone already is logged out all the same.
      if (e.status !== 401) {
        sayError(e);
        return;
      }
    }
    session = null;
    reviewView = null;
    showSession();
    renderLogin(null);
    say('Logged out.');
  }

  function mainEl() {
    return document.getElementById('main');
  }

  /** Replace the main area; returns the sequence number of this render. */
  function page(...children) {
    const m = mainEl();
    clear(m);
    append(m, children);
    return renderSeq;
  }

  function focusHeading() {
    const h1 = mainEl().querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: false });
    }
  }

  function renderLogin(message) {
    renderSeq++;
    const err = h('p', { class: 'form-error', testid: 'login-error', role: 'alert' }, message || '');
    if (!message) err.hidden = true;
    const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, testid: 'login-name' });
    const pass = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, testid: 'login-password' });
    const btn = h('button', { type: 'submit', testid: 'login-submit' }, 'Log in');
    const form = h('form', { class: 'card login', testid: 'login-form', 'aria-labelledby': 'login-h' },
      h('h1', { id: 'login-h' }, 'Log in'),
      h('p', { class: 'muted' }, 'Use the name and password your desk admin gave you.'),
      h('div', { class: 'field' }, h('label', { for: 'login-name' }, 'Name'), name),
      h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), pass),
      err,
      h('div', { class: 'actions' }, btn));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      btn.disabled = true;
      err.hidden = true;
      try {
        const data = await api('POST', '/login', { json: { name: name.value, password: pass.value }, noSessionCheck: true });
        session = { name: data.name, role: data.role, csrf: data.csrf };
        showSession();
        if (!location.hash || location.hash === '#' || location.hash.startsWith('#/login')) {
          history.replaceState(null, '', '#/claims');
        }
        route();
        say('Logged in as ' + session.name + ' (' + session.role + ').');
      } catch (e) {
        err.textContent = e.message;
        err.hidden = false;
        pass.value = '';
        pass.focus();
      } finally {
        btn.disabled = false;
      }
    });
    page(form);
    name.focus();
  }

  // ---- routing --------------------------------------------------------------------------

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const parts = path.split('/').map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (_) {
        return p;
      }
    });
    return { parts, params };
  }

  function route() {
    if (!session) {
      renderLogin(null);
      return;
    }
    const { parts, params } = parseHash();
    renderSeq++;
    say(null);
    const [head, arg] = parts;
    for (const a of document.querySelectorAll('#nav a')) {
      const target = a.getAttribute('href').slice(2);
      if (target === (head || 'claims')) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    switch (head) {
      case '':
      case undefined:
      case 'claims':
        renderClaims(params);
        break;
      case 'claim':
        renderClaim(arg || '');
        break;
      case 'source':
        renderSource(parts.slice(1).join('/'));
        break;
      case 'review':
        renderReview();
        break;
      case 'matches':
        renderMatches();
        break;
      default:
        page(h('h1', null, 'Not found'), h('p', null, 'There is no such page. ', h('a', { href: '#/claims' }, 'Go to the claims.')));
    }
  }

  // ---- shared bits -----------------------------------------------------------------------

  /** The two-source rule at a glance. */
  function ruleBadge(n) {
    let cls;
    let label;
    if (n >= 2) {
      cls = 'badge ok';
      label = n + ' sources — meets two-source rule';
    } else if (n === 1) {
      cls = 'badge warn';
      label = '1 source — below two-source rule';
    } else {
      cls = 'badge bad';
      label = '0 sources — unsourced';
    }
    return h('span', { class: cls, testid: 'rule-badge', 'data-sources': n }, label);
  }

  function flagList(c) {
    const flags = [];
    if (c.single_source) flags.push(['single source', 'flag-single']);
    if (c.anonymous_only) flags.push(['anonymous only', 'flag-anon']);
    if (c.circular) flags.push(['circular', 'flag-circular']);
    if (c.unsourced) flags.push(['unsourced', 'flag-unsourced']);
    if (!flags.length) return h('span', { class: 'muted' }, 'none');
    return h('ul', { class: 'flags' }, flags.map(([t, id]) => h('li', { class: 'flag', testid: id }, t)));
  }

  function loading(what) {
    return h('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading ' + what + '…');
  }

  function errorBox(e) {
    return h('p', { class: 'form-error', role: 'alert', testid: 'page-error' }, e.message || String(e));
  }

  // ---- claims list ------------------------------------------------------------------------

  const SORTS = [
    ['id', 'Claim id'],
    ['sources', 'Most independent sources'],
    ['reports', 'Most reports'],
    ['echo', 'Most echoed (reports per source)'],
    ['support', 'Highest support'],
  ];
  const FILTERS = [
    ['single_source', 'Single source', 'filter-single'],
    ['anonymous_only', 'Anonymous only', 'filter-anon'],
    ['circular', 'Circular', 'filter-circular'],
  ];

  function renderClaims(params) {
    const seq = renderSeq;
    const q = h('input', { id: 'claims-q', type: 'search', name: 'q', testid: 'claims-search', value: params.get('q') || '', placeholder: 'words in the claim' });
    const sort = h('select', { id: 'claims-sort', name: 'sort', testid: 'claims-sort' },
      SORTS.map(([v, t]) => h('option', { value: v, selected: (params.get('sort') || 'id') === v }, t)));
    const boxes = FILTERS.map(([key, label, tid]) => {
      const id = 'f-' + key;
      const box = h('input', { type: 'checkbox', id, name: key, testid: tid, checked: params.get(key) === 'true' });
      return { key, box, el: h('label', { class: 'check', for: id }, box, ' ' + label) };
    });
    const count = h('p', { class: 'muted', id: 'claims-count', testid: 'claims-count', 'aria-live': 'polite' });
    const results = h('div', { class: 'table-wrap' });
    const form = h('form', { class: 'filters', role: 'search', testid: 'claims-form' },
      h('div', { class: 'field grow' }, h('label', { for: 'claims-q' }, 'Search claims'), q),
      h('div', { class: 'field' }, h('label', { for: 'claims-sort' }, 'Sort by'), sort),
      h('fieldset', { class: 'checks' }, h('legend', null, 'Show only'), boxes.map((b) => b.el)),
      h('div', { class: 'actions' }, h('button', { type: 'submit', testid: 'claims-submit' }, 'Search')));

    const current = () => {
      const p = new URLSearchParams();
      if (q.value.trim()) p.set('q', q.value.trim());
      if (sort.value && sort.value !== 'id') p.set('sort', sort.value);
      for (const b of boxes) if (b.box.checked) p.set(b.key, 'true');
      return p;
    };

    let loadSeq = 0;
    const load = async () => {
      const p = current();
      const hash = '#/claims' + (p.toString() ? '?' + p.toString() : '');
      if (location.hash !== hash) history.replaceState(null, '', hash);
      const mine = ++loadSeq;
      p.set('limit', '200');
      results.setAttribute('aria-busy', 'true');
      try {
        const list = await api('GET', '/api/claims?' + p.toString());
        if (seq !== renderSeq || mine !== loadSeq) return;
        clear(results);
        results.appendChild(claimsTable(list));
        count.textContent = list.length === 200
          ? 'Showing the first 200 claims; narrow the search to see others.'
          : plural(list.length, 'claim', 'claims') + '.';
      } catch (e) {
        if (seq !== renderSeq || mine !== loadSeq) return;
        clear(results);
        results.appendChild(errorBox(e));
        count.textContent = '';
      } finally {
        results.removeAttribute('aria-busy');
      }
    };

    let timer = null;
    q.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    });
    sort.addEventListener('change', load);
    for (const b of boxes) b.box.addEventListener('change', load);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      load();
    });

    page(h('h1', null, 'Claims'), form, count, results);
    focusHeading();
    results.appendChild(loading('claims'));
    load();
  }

  function claimsTable(list) {
    if (!list.length) return h('p', { testid: 'claims-empty' }, 'No claim matches.');
    const head = h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Claim'),
      h('th', { scope: 'col' }, 'Independent sources'),
      h('th', { scope: 'col', class: 'n' }, 'Reports'),
      h('th', { scope: 'col' }, 'First seen'),
      h('th', { scope: 'col' }, 'Last seen'),
      h('th', { scope: 'col' }, 'Flags')));
    const body = h('tbody', null, list.map((c) => h('tr', { testid: 'claim-row', 'data-id': c.id },
      h('td', { 'data-label': 'Claim', class: 'text' }, h('span', null,
        h('a', { href: claimHref(c.id), testid: 'claim-link' }, c.text),
        c.variants > 1 ? h('span', { class: 'muted small' }, ' (' + c.variants + ' wordings)') : null)),
      h('td', { 'data-label': 'Sources' }, ruleBadge(c.independent_sources)),
      h('td', { 'data-label': 'Reports', class: 'n' }, String(c.reports)),
      h('td', { 'data-label': 'First seen' }, h('time', null, c.first_seen)),
      h('td', { 'data-label': 'Last seen' }, h('time', null, c.last_seen)),
      h('td', { 'data-label': 'Flags' }, h('span', null, flagList(c))))));
    return h('table', { class: 'claims', testid: 'claims-table' },
      h('caption', { class: 'sr-only' }, 'Claims with their independent-source counts'), head, body);
  }

  // ---- claim page -------------------------------------------------------------------------

  async function renderClaim(id) {
    const seq = renderSeq;
    page(h('p', null, h('a', { href: '#/claims' }, '← Claims')), loading('the claim'));
    let c;
    try {
      c = await api('GET', '/api/claims/' + encodeURIComponent(id));
    } catch (e) {
      if (seq !== renderSeq) return;
      page(h('p', null, h('a', { href: '#/claims' }, '← Claims')), h('h1', null, 'Claim'), errorBox(e));
      return;
    }
    if (seq !== renderSeq) return;

    const similarBox = h('section', { 'aria-labelledby': 'similar-h', testid: 'similar' },
      h('h2', { id: 'similar-h' }, 'Similar claims'), loading('similar claims'));

    page(
      h('p', null, h('a', { href: '#/claims' }, '← Claims')),
      h('h1', { testid: 'claim-title', class: 'claim-text' }, c.text),
      h('div', { class: 'summary' },
        ruleBadge(c.independent_sources),
        h('dl', { class: 'facts' },
          h('dt', null, 'Reports'), h('dd', { testid: 'claim-reports' }, String(c.reports)),
          h('dt', null, 'Wordings'), h('dd', null, String(c.variants)),
          h('dt', null, 'First seen'), h('dd', null, c.first_seen),
          h('dt', null, 'Last seen'), h('dd', null, c.last_seen),
          h('dt', null, 'Support'), h('dd', null, num(c.support) + ' (90 % interval ' + num(c.support_low) + '–' + num(c.support_high) + ')'),
          h('dt', null, 'Echo'), h('dd', null, num(c.echo, 1) + ' reports per independent source'),
          h('dt', null, 'Flags'), h('dd', null, flagList(c)))),
      section('why-h', 'Why it counts as it does', 'explanation',
        h('ul', { class: 'sentences' }, (c.explanation || []).map((t) => h('li', null, withCode(t))))),
      section('origins-h', 'Independent origins', 'origins', originsList(c)),
      section('graph-h', 'Attribution graph', 'graph-section', graphFigure(c)),
      section('chains-h', 'Chains (' + c.chains.length + ')', 'chains', chainsList(c)),
      section('wordings-h', 'Wordings (' + c.wordings.length + ')', 'wordings', wordingsList(c)),
      section('verdicts-h', 'Verdicts', 'verdicts-section', verdictsList(c), canWrite() ? verdictForm(c) : null),
      similarBox);
    focusHeading();
    loadSimilar(c, similarBox, seq);
  }

  function section(hid, title, testid, ...body) {
    return h('section', { 'aria-labelledby': hid, testid }, h('h2', { id: hid }, title), body);
  }

  function sourceName(name, anonymous) {
    if (anonymous) return h('span', { class: 'anon' }, '~' + name);
    return h('a', { href: sourceHref(name), testid: 'source-link' }, name);
  }

  function originsList(c) {
    if (!c.origins.length) return h('p', null, 'No origin: the claim is unsourced.');
    return h('ul', { class: 'origins' }, c.origins.map((o) => h('li', { testid: 'origin' },
      o.anonymous
        ? ['an anonymous source vouched for by ', sourceName(o.label, false)]
        : o.sources.map((n, i) => [i ? ' = ' : '', sourceName(n, false)]),
      o.sources.length > 1 && !o.anonymous ? h('span', { class: 'muted small' }, ' (counted as one group)') : null)));
  }

  function chainsList(c) {
    const wordingText = new Map(c.wordings.map((w) => [w.id, w.text]));
    return h('ol', { class: 'chains' }, c.chains.map((ch) => h('li', { testid: 'chain', class: 'chain' },
      h('p', { class: 'hops' }, ch.hops.map((hop, i) => [
        i ? h('span', { class: 'via' }, ' via ') : null,
        sourceName(hop.name, hop.anonymous),
        hop.written ? h('span', { class: 'muted small' }, ' (written “' + hop.written + '”)') : null,
      ])),
      h('p', { class: 'meta muted small' },
        ch.published ? 'published ' + ch.published + ' · ' : '',
        'recorded ' + ch.added,
        ch.url ? [' · ', externalLink(ch.url, 'article')] : null),
      c.variants > 1 && wordingText.has(ch.claim)
        ? h('p', { class: 'small' }, 'Worded: “' + wordingText.get(ch.claim) + '”')
        : null)));
  }

  function wordingsList(c) {
    return h('ul', { class: 'wordings' }, c.wordings.map((w) => h('li', { testid: 'wording' },
      h('p', { class: 'wording-text' }, w.text),
      h('p', { class: 'muted small' },
        plural(w.reports, 'report', 'reports') + ' · ' + w.why +
        (typeof w.score === 'number' ? ' (score ' + num(w.score) + ')' : '')))));
  }

  function verdictsList(c) {
    if (!c.verdicts.length) return h('p', { class: 'muted', testid: 'verdicts-empty' }, 'No verdict yet.');
    return h('ul', { class: 'verdicts', testid: 'verdicts' }, c.verdicts.map((v) => h('li', { testid: 'verdict-item', class: 'verdict' },
      h('span', { class: 'verdict-word v-' + v.verdict }, v.verdict),
      ' ', h('span', { class: 'muted' }, v.date),
      v.by ? [' · by ', v.by] : null,
      v.note ? h('p', { class: 'note' }, v.note) : null,
      v.url ? h('p', { class: 'small' }, externalLink(v.url)) : null)));
  }

  function verdictForm(c) {
    const verdict = h('select', { id: 'v-verdict', name: 'verdict', required: true, testid: 'verdict-select' },
      h('option', { value: '' }, 'Choose…'),
      [['true', 'True'], ['false', 'False'], ['mixed', 'Mixed'], ['unproven', 'Unproven']].map(([v, t]) => h('option', { value: v }, t)));
    const by = h('input', { id: 'v-by', name: 'by', testid: 'verdict-by', autocomplete: 'off', placeholder: 'reviewer or desk' });
    const url = h('input', { id: 'v-url', name: 'url', type: 'url', testid: 'verdict-url', placeholder: 'https://…' });
    const note = h('textarea', { id: 'v-note', name: 'note', rows: 3, testid: 'verdict-note' });
    const btn = h('button', { type: 'submit', testid: 'verdict-submit' }, 'Record verdict');
    const form = h('form', { class: 'card', testid: 'verdict-form', 'aria-labelledby': 'vf-h' },
      h('h3', { id: 'vf-h' }, 'Record a verdict'),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'v-verdict' }, 'Verdict'), verdict),
        h('div', { class: 'field grow' }, h('label', { for: 'v-by' }, 'By (optional)'), by)),
      h('div', { class: 'field' }, h('label', { for: 'v-url' }, 'Fact-check URL (optional)'), url),
      h('div', { class: 'field' }, h('label', { for: 'v-note' }, 'Note (optional)'), note),
      h('div', { class: 'actions' }, btn));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!verdict.value) {
        say('Choose a verdict first.', 'error');
        verdict.focus();
        return;
      }
      const body = { claim: c.id, verdict: verdict.value };
      if (by.value.trim()) body.by = by.value.trim();
      if (url.value.trim()) body.url = url.value.trim();
      if (note.value.trim()) body.note = note.value.trim();
      btn.disabled = true;
      try {
        await api('POST', '/api/verdicts', { json: body });
        await renderClaim(c.id);
        say('Verdict recorded: ' + body.verdict + '.', 'ok');
      } catch (e) {
        sayError(e);
      } finally {
        btn.disabled = false;
      }
    });
    return form;
  }

  async function loadSimilar(c, box, seq) {
    let list;
    try {
      list = await api('GET', '/api/claims/' + encodeURIComponent(c.id) + '/similar?limit=8');
    } catch (e) {
      if (seq !== renderSeq) return;
      box.replaceChildren(box.firstChild, errorBox(e));
      return;
    }
    if (seq !== renderSeq) return;
    const groupIds = new Set(c.wordings.map((w) => w.id));
    const items = list.filter((x) => !groupIds.has(x.id));
    if (!items.length) {
      box.replaceChildren(box.firstChild, h('p', { class: 'muted', testid: 'similar-empty' }, 'No similar claim found.'));
      return;
    }
    box.replaceChildren(box.firstChild, h('ul', { class: 'similar' }, items.map((x) => similarItem(c, x))));
  }

  function similarItem(c, x) {
    const decided = x.linked
      ? 'already counted as this claim'
      : x.same
        ? 'the matcher would count it as the same claim'
        : 'counted as a different claim';
    const li = h('li', { testid: 'similar-item', 'data-id': x.id },
      h('p', null, h('a', { href: claimHref(x.id) }, x.text)),
      h('p', { class: 'muted small' }, 'score ' + num(x.score) + ' · ' + decided),
      x.reasons && x.reasons.length ? h('ul', { class: 'reasons small' }, x.reasons.map((r) => h('li', null, r))) : null);
    if (canWrite()) {
      const act = async (relation, btn) => {
        for (const b of li.querySelectorAll('button')) b.disabled = true;
        try {
          await api('POST', '/api/links', { json: { a: c.id, b: x.id, relation } });
          await renderClaim(c.id);
          say(relation === 'same'
            ? 'Linked: the two wordings now count as one claim.'
            : 'Recorded: the two are different claims.', 'ok');
        } catch (e) {
          sayError(e);
          for (const b of li.querySelectorAll('button')) b.disabled = false;
          btn.focus();
        }
      };
      const same = h('button', { type: 'button', testid: 'link-same', class: 'primary' }, 'Same claim');
      const diff = h('button', { type: 'button', testid: 'link-different' }, 'Different');
      same.addEventListener('click', () => act('same', same));
      diff.addEventListener('click', () => act('different', diff));
      same.setAttribute('aria-label', 'Same claim as: ' + x.text);
      diff.setAttribute('aria-label', 'Different claim from: ' + x.text);
      li.appendChild(h('div', { class: 'actions' }, same, diff));
    }
    return li;
  }

  // ---- match suggestions -------------------------------------------------------------------

  /** The matcher's links no person has decided on: confirm or reject each. */
  async function renderMatches() {
    const seq = renderSeq;
    const list = h('ul', { class: 'similar', testid: 'matches' });
    page(h('h1', null, 'Match suggestions'),
      h('p', { class: 'muted' }, 'Wordings the matcher counts as one claim and nobody has checked yet, least certain first. ' +
        (canWrite() ? '"Same claim" confirms the link; "Different" keeps the two apart for good.' : 'An editor confirms or rejects them.')),
      loading('suggestions'));
    let items;
    try {
      items = await api('GET', '/api/links/pending?limit=200');
    } catch (e) {
      if (seq === renderSeq) page(h('h1', null, 'Match suggestions'), errorBox(e));
      return;
    }
    if (seq !== renderSeq) return;
    const main = mainEl();
    main.lastChild.remove();
    if (!items.length) {
      main.appendChild(h('p', { testid: 'matches-empty' }, 'No suggestion is waiting.'));
      return;
    }
    for (const x of items) list.appendChild(matchItem(x));
    main.appendChild(list);
  }

  function matchItem(x) {
    const li = h('li', { testid: 'match-item' },
      h('p', null, h('a', { href: claimHref(x.a) }, x.a_text)),
      h('p', null, h('a', { href: claimHref(x.b) }, x.b_text)),
      h('p', { class: 'muted small' }, 'score ' + num(x.score) + ' (threshold ' + num(x.threshold) + ', ' + x.model + ')'));
    if (canWrite()) {
      const act = async (relation, btn) => {
        for (const b of li.querySelectorAll('button')) b.disabled = true;
        try {
          await api('POST', '/api/links', { json: { a: x.a, b: x.b, relation } });
          li.remove();
          say(relation === 'same'
            ? 'Confirmed: the two wordings count as one claim.'
            : 'Recorded: the two are different claims.', 'ok');
        } catch (e) {
          sayError(e);
          for (const b of li.querySelectorAll('button')) b.disabled = false;
          btn.focus();
        }
      };
      const same = h('button', { type: 'button', testid: 'match-same', class: 'primary' }, 'Same claim');
      const diff = h('button', { type: 'button', testid: 'match-different' }, 'Different');
      same.setAttribute('aria-label', 'Same claim: ' + x.a_text + ' and ' + x.b_text);
      diff.setAttribute('aria-label', 'Different claims: ' + x.a_text + ' and ' + x.b_text);
      same.addEventListener('click', () => act('same', same));
      diff.addEventListener('click', () => act('different', diff));
      li.appendChild(h('div', { class: 'actions' }, same, diff));
    }
    return li;
  }

  // ---- the attribution graph ----------------------------------------------------------------
  //
  // Nodes are sources (named hops, one node per name) and anonymous hops (one node per
  // anonymous description and the hop before it, which vouches for it). Every chain
  // adds an edge from each hop to the next one, toward the origin. Layers: a node's
  // rank is its largest distance from the end of a chain it appears on; rank 0 (the
  // origins) is the right-most column, the highest rank (the publishers) the left-most.
  // Within a column, nodes are ordered by the mean position of their neighbours
  // (a few barycentre sweeps) to keep edges from crossing.

  function buildGraph(chains) {
    const nodes = new Map();
    const edges = new Map();
    for (const ch of chains) {
      const keys = [];
      ch.hops.forEach((hop, i) => {
        const prev = i ? ch.hops[i - 1].name : '';
        const key = hop.anonymous ? 'anon\u0000' + prev + '\u0000' + hop.name : 'name\u0000' + hop.name;
        let n = nodes.get(key);
        if (!n) {
          n = { key, name: hop.name, anonymous: hop.anonymous, rank: 0, publisher: false, origin: false, chains: 0 };
          nodes.set(key, n);
        }
        n.rank = Math.max(n.rank, ch.hops.length - 1 - i);
        if (i === 0) n.publisher = true;
        if (i === ch.hops.length - 1) n.origin = true;
        n.chains++;
        keys.push(key);
      });
      for (let i = 0; i + 1 < keys.length; i++) {
        const ek = keys[i] + '\u0001' + keys[i + 1];
        const e = edges.get(ek) || { from: keys[i], to: keys[i + 1], count: 0, anonymous: nodes.get(keys[i + 1]).anonymous };
        e.count++;
        edges.set(ek, e);
      }
    }
    return { nodes, edges: [...edges.values()] };
  }

  const GRAPH = { charW: 7.2, padX: 10, nodeH: 30, gapY: 16, gapX: 70, margin: 12, maxChars: 30 };

  function truncate(t, n) {
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
  }

  /** Each node's label width in pixels, measured in a hidden SVG with the graph's
   *  font (an estimate from the number of characters where that fails). */
  function measureLabels(nodes) {
    const probe = s('svg', { class: 'graph measure', width: 10, height: 10, 'aria-hidden': 'true' });
    const texts = nodes.map((n) => {
      const t = s('text', { x: 0, y: 20, class: n.anonymous ? 'anon' : '' }, n.label);
      probe.appendChild(t);
      return t;
    });
    document.body.appendChild(probe);
    nodes.forEach((n, i) => {
      let w = 0;
      try {
        w = texts[i].getComputedTextLength();
      } catch (_) {
        w = 0;
      }
      n.textW = w > 0 ? w + 2 : n.label.length * GRAPH.charW;
    });
    probe.remove();
  }

  function layoutGraph(g) {
    const maxRank = Math.max(0, ...[...g.nodes.values()].map((n) => n.rank));
    const cols = [];
    for (let r = 0; r <= maxRank; r++) cols.push([]);
    // Column index: publishers (high rank) left, origins (rank 0) right.
    for (const n of g.nodes.values()) {
      n.col = maxRank - n.rank;
      n.label = truncate((n.anonymous ? '~' : '') + n.name, GRAPH.maxChars);
      cols[n.col].push(n);
    }
    measureLabels([...g.nodes.values()]);
    for (const col of cols) col.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const neighbours = new Map([...g.nodes.keys()].map((k) => [k, []]));
    for (const e of g.edges) {
      neighbours.get(e.from).push(e.to);
      neighbours.get(e.to).push(e.from);
    }
    const index = () => cols.forEach((col) => col.forEach((n, i) => { n.pos = i; }));
    index();
    for (let sweep = 0; sweep < 4; sweep++) {
      for (const col of cols) {
        for (const n of col) {
          const ns = neighbours.get(n.key).map((k) => g.nodes.get(k)).filter((m) => m.col !== n.col);
          n.bary = ns.length ? ns.reduce((s, m) => s + m.pos, 0) / ns.length : n.pos;
        }
        col.sort((a, b) => a.bary - b.bary || a.pos - b.pos);
        col.forEach((n, i) => { n.pos = i; });
      }
    }
    const colW = cols.map((col) => Math.max(60, ...col.map((n) => Math.ceil(n.textW) + 2 * GRAPH.padX)));
    const tallest = Math.max(1, ...cols.map((c) => c.length));
    const height = GRAPH.margin * 2 + tallest * GRAPH.nodeH + (tallest - 1) * GRAPH.gapY;
    let x = GRAPH.margin;
    cols.forEach((col, ci) => {
      const colH = col.length * GRAPH.nodeH + Math.max(0, col.length - 1) * GRAPH.gapY;
      let y = (height - colH) / 2;
      for (const n of col) {
        n.w = colW[ci];
        n.x = x;
        n.y = y;
        y += GRAPH.nodeH + GRAPH.gapY;
      }
      x += colW[ci] + GRAPH.gapX;
    });
    const width = x - GRAPH.gapX + GRAPH.margin;
    return { width, height, cols: cols.length };
  }

  function graphFigure(c) {
    if (!c.chains.length) return h('p', null, 'No chain.');
    const g = buildGraph(c.chains);
    const size = layoutGraph(g);
    const svg = s('svg', {
      class: 'graph', testid: 'graph', role: 'group',
      viewBox: '0 0 ' + Math.ceil(size.width) + ' ' + Math.ceil(size.height),
      width: Math.ceil(size.width), height: Math.ceil(size.height),
      'aria-labelledby': 'graph-title',
    });
    svg.appendChild(s('title', { id: 'graph-title' },
      'Attribution graph: ' + plural(g.nodes.size, 'source', 'sources') + ', publishers on the left, origins on the right'));
    const defs = s('defs', null,
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })));
    svg.appendChild(defs);
    const edgeLayer = s('g', { class: 'edges' });
    const nodeLayer = s('g', { class: 'nodes' });
    svg.append(edgeLayer, nodeLayer);
    for (const e of g.edges) {
      const a = g.nodes.get(e.from);
      const b = g.nodes.get(e.to);
      let d;
      if (a === b) {
        // A source that relays itself: a small loop above the node.
        const cx = a.x + a.w / 2;
        d = 'M' + (cx - 10) + ',' + a.y + ' C' + (cx - 30) + ',' + (a.y - 28) + ' ' + (cx + 30) + ',' + (a.y - 28) + ' ' + (cx + 10) + ',' + a.y;
      } else if (b.col > a.col) {
        const x1 = a.x + a.w;
        const y1 = a.y + GRAPH.nodeH / 2;
        const x2 = b.x;
        const y2 = b.y + GRAPH.nodeH / 2;
        const mx = (x1 + x2) / 2;
        d = 'M' + x1 + ',' + y1 + ' C' + mx + ',' + y1 + ' ' + mx + ',' + y2 + ' ' + x2 + ',' + y2;
      } else {
        // Toward the left or within a column (a cycle): arc below both nodes.
        const x1 = a.x + a.w / 2;
        const y1 = a.y + GRAPH.nodeH;
        const x2 = b.x + b.w / 2;
        const y2 = b.y + GRAPH.nodeH;
        const dip = Math.max(y1, y2) + 34;
        d = 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + dip + ' ' + x2 + ',' + dip + ' ' + x2 + ',' + y2;
      }
      const cls = 'edge' + (e.anonymous ? ' anon' : '') + (b.col <= a.col ? ' back' : '');
      const path = s('path', { d, class: cls, 'marker-end': 'url(#arrow)', testid: 'graph-edge' });
      path.appendChild(s('title', null, a.name + ' cites ' + (b.anonymous ? '~' : '') + b.name + (e.count > 1 ? ' (' + e.count + ' chains)' : '')));
      edgeLayer.appendChild(path);
      if (e.count > 1 && b.col > a.col) {
        // How many chains take this step.
        const mx = (a.x + a.w + b.x) / 2;
        const my = (a.y + b.y + GRAPH.nodeH) / 2 - 5;
        edgeLayer.appendChild(s('text', { x: mx, y: my, class: 'edge-count', 'text-anchor': 'middle' }, '×' + e.count));
      }
    }
    for (const n of g.nodes.values()) {
      const roles = [n.publisher ? 'publisher' : null, n.origin ? 'origin' : null].filter(Boolean);
      const cls = 'node' + (n.anonymous ? ' anon' : '') + (n.origin ? ' origin' : '') + (n.publisher ? ' publisher' : '');
      const grp = s('g', { class: cls, testid: 'graph-node', 'data-name': n.name, 'data-anonymous': String(n.anonymous) });
      grp.appendChild(s('title', null, (n.anonymous ? 'anonymous: ' : '') + n.name + (roles.length ? ' (' + roles.join(', ') + ')' : '')));
      grp.appendChild(s('rect', { x: n.x, y: n.y, width: n.w, height: GRAPH.nodeH, rx: 6, ry: 6 }));
      grp.appendChild(s('text', { x: n.x + n.w / 2, y: n.y + GRAPH.nodeH / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, n.label));
      if (n.anonymous) {
        nodeLayer.appendChild(grp);
      } else {
        const link = s('a', { href: sourceHref(n.name), class: 'node-link' });
        link.setAttribute('aria-label', 'Source ' + n.name);
        link.appendChild(grp);
        nodeLayer.appendChild(link);
      }
    }
    // Back edges and loops need room below/above: grow the view box a little.
    const loops = g.edges.some((e) => e.from === e.to);
    const backs = g.edges.some((e) => e.from !== e.to && g.nodes.get(e.to).col <= g.nodes.get(e.from).col);
    if (loops || backs) {
      const top = loops ? 30 : 0;
      const hgt = Math.ceil(size.height) + top + (backs ? 36 : 0);
      svg.setAttribute('viewBox', '0 ' + -top + ' ' + Math.ceil(size.width) + ' ' + hgt);
      svg.setAttribute('height', hgt);
    }
    const legend = h('p', { class: 'legend small muted' },
      'Arrows point from each hop to the one it cites, toward the origins on the right; ×2 marks a step two chains take. ',
      'Blue: an origin. Dashed: anonymous. Red arrows run backwards (circular reporting). Select a source to open its page.');
    const tree = h('details', { class: 'tree' }, h('summary', null, 'The graph as text'), h('pre', { testid: 'graph-tree' }, c.tree));
    return h('figure', { class: 'graph-figure' }, h('div', { class: 'graph-scroll' }, svg), h('figcaption', null, legend), tree);
  }

  // ---- source page ------------------------------------------------------------------------

  async function renderSource(name) {
    const seq = renderSeq;
    page(h('p', null, h('a', { href: '#/claims' }, '← Claims')), loading('the source'));
    let src;
    try {
      src = await api('GET', '/api/sources/' + encodeURIComponent(name));
    } catch (e) {
      if (seq !== renderSeq) return;
      page(h('p', null, h('a', { href: '#/claims' }, '← Claims')), h('h1', null, name), errorBox(e));
      return;
    }
    if (seq !== renderSeq) return;
    const cred = src.credibility || {};
    const tr = src.track_record || {};
    const claimList = (list, empty, tid) => list && list.length
      ? h('ul', { class: 'claim-list', testid: tid }, list.map((x) => h('li', null,
        h('a', { href: claimHref(x.id) }, x.text), ' ', ruleBadge(x.independent_sources))))
      : h('p', { class: 'muted', testid: tid }, empty);
    page(
      h('p', null, h('a', { href: '#/claims' }, '← Claims')),
      h('h1', { testid: 'source-title' }, src.name),
      h('dl', { class: 'facts' },
        h('dt', null, 'Kind'), h('dd', null, String(src.kind || '—').replace(/_/g, ' ')),
        h('dt', null, 'Aliases'), h('dd', null, src.aliases && src.aliases.length ? src.aliases.join(', ') : '—'),
        h('dt', null, 'Affiliations'), h('dd', null, src.affiliations && src.affiliations.length ? src.affiliations.join(', ') : '—'),
        h('dt', null, 'Homepage'), h('dd', null, src.homepage ? externalLink(src.homepage) : '—'),
        h('dt', null, 'Rating'), h('dd', null, src.rating === null || src.rating === undefined ? 'not rated' : num(src.rating))),
      section('cred-h', 'Credibility', 'credibility',
        h('p', { class: 'big' }, 'mean ' + num(cred.mean), h('span', { class: 'muted' }, ' (90 % interval ' + num(cred.low) + '–' + num(cred.high) + ')')),
        credibilityBar(cred),
        h('p', { class: 'muted small' },
          'Track record: ' + ['true', 'false', 'mixed', 'contested', 'unproven'].map((k) => (tr[k] || 0) + ' ' + k).join(', ') + '.'),
        src.credibility_history && src.credibility_history.length
          ? h('table', { class: 'history' },
            h('caption', null, 'How verdicts moved it'),
            h('thead', null, h('tr', null, ['Date', 'Verdict', 'By', 'Mean', 'Interval'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', null, src.credibility_history.map((x) => h('tr', null,
              h('td', null, x.date || ''), h('td', null, h('a', { href: claimHref(x.claim) }, String(x.verdict))),
              h('td', null, x.by || ''), h('td', null, num(x.mean)), h('td', null, num(x.low) + '–' + num(x.high))))))
          : null),
      section('blast-h', 'Blast radius', 'blast-radius',
        h('p', { class: 'muted small' }, 'Claims that would fall below two independent sources if this source were discredited.'),
        src.blast_radius && src.blast_radius.length
          ? h('ul', { class: 'claim-list' }, src.blast_radius.map((x) => h('li', null,
            h('a', { href: claimHref(x.id) }, x.text),
            h('span', { class: 'muted small' }, ' — ' + x.independent_sources + ' now, ' + x.without + ' without it'))))
          : h('p', null, 'None: no claim depends on this source alone.')),
      section('origin-of-h', 'Origin of', 'origin-of', claimList(src.origin_of, 'No claim starts with this source.', 'origin-of-list')),
      section('relay-of-h', 'Relays', 'relay-of', claimList(src.relay_of, 'It relays no claim.', 'relay-of-list')));
    focusHeading();
  }

  function credibilityBar(cred) {
    if (typeof cred.mean !== 'number') return null;
    const W = 300;
    const X = (v) => Math.round(Math.min(1, Math.max(0, v)) * W);
    const svg = s('svg', { class: 'cred-bar', viewBox: '0 0 ' + (W + 2) + ' 24', width: W + 2, height: 24, role: 'img', 'aria-label': 'credibility ' + num(cred.mean) + ' between ' + num(cred.low) + ' and ' + num(cred.high) },
      s('rect', { x: 1, y: 8, width: W, height: 8, class: 'track' }),
      s('rect', { x: 1 + X(cred.low), y: 6, width: Math.max(2, X(cred.high) - X(cred.low)), height: 12, class: 'interval' }),
      s('rect', { x: X(cred.mean), y: 2, width: 3, height: 20, class: 'mean' }));
    return svg;
  }

  // ---- review queue -------------------------------------------------------------------------

  /** A chain as text: "A via B via ~c". */
  function chainText(chain) {
    if (typeof chain === 'string') return chain;
    return chain.map((hop) => (typeof hop === 'string' ? hop : (hop.anonymous ? '~' : '') + hop.name)).join(' via ');
  }

  function renderReview() {
    if (!canWrite()) {
      page(h('h1', null, 'Review queue'), h('p', { testid: 'review-denied' }, 'The review queue is for editors. Ask an admin for the editor role.'));
      return;
    }
    // The queue survives a visit to another page (until logging out): the same
    // elements, with what was typed and decided, are put back.
    if (reviewView && reviewView.user === session.name) {
      page(...reviewView.nodes);
      focusHeading();
      return;
    }
    const publisher = h('input', { id: 'r-publisher', name: 'publisher', required: true, testid: 'review-publisher', autocomplete: 'off' });
    const url = h('input', { id: 'r-url', name: 'url', type: 'url', testid: 'review-url', placeholder: 'https://…' });
    const published = h('input', { id: 'r-published', name: 'published', type: 'date', testid: 'review-published' });
    const text = h('textarea', { id: 'r-text', name: 'text', rows: 10, required: true, testid: 'review-text' });
    const btn = h('button', { type: 'submit', testid: 'review-submit' }, 'Propose statements');
    const form = h('form', { class: 'card', testid: 'review-form', 'aria-labelledby': 'rf-h' },
      h('h2', { id: 'rf-h' }, 'Article'),
      h('div', { class: 'row' },
        h('div', { class: 'field grow' }, h('label', { for: 'r-publisher' }, 'Publisher'), publisher),
        h('div', { class: 'field grow' }, h('label', { for: 'r-url' }, 'URL (optional)'), url),
        h('div', { class: 'field' }, h('label', { for: 'r-published' }, 'Published (optional)'), published)),
      h('div', { class: 'field' }, h('label', { for: 'r-text' }, 'Article text'), text),
      h('div', { class: 'actions' }, btn));
    const out = h('section', { 'aria-labelledby': 'prop-h', testid: 'proposals' });

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const p = new URLSearchParams({ publisher: publisher.value.trim() });
      if (url.value.trim()) p.set('url', url.value.trim());
      if (published.value) p.set('published', published.value);
      btn.disabled = true;
      try {
        const recs = await api('POST', '/api/extract?' + p.toString(), { body: text.value, type: 'text/plain; charset=utf-8' });
        showProposals(out, recs);
        say(plural(recs.length, 'statement', 'statements') + ' proposed; nothing is recorded until you import.', 'info');
      } catch (e) {
        sayError(e);
      } finally {
        btn.disabled = false;
      }
    });
    const nodes = [h('h1', null, 'Review queue'),
      h('p', { class: 'muted' }, 'Paste an article: the attributed statements it contains are proposed with their chains. Correct them, accept the right ones and import them. Nothing is recorded before “Import accepted”.'),
      form, out];
    reviewView = { user: session.name, nodes };
    page(...nodes);
    focusHeading();
  }

  function showProposals(out, recs) {
    clear(out);
    out.appendChild(h('h2', { id: 'prop-h' }, 'Proposed statements'));
    if (!recs.length) {
      out.appendChild(h('p', { testid: 'proposals-empty' }, 'No attributed statement found in this text.'));
      return;
    }
    const items = recs.map((rec, i) => {
      const origChain = chainText(rec.chain);
      const claim = h('textarea', { id: 'p-claim-' + i, rows: 2, testid: 'proposal-claim' });
      claim.value = rec.claim;
      const chain = h('input', { id: 'p-chain-' + i, testid: 'proposal-chain', autocomplete: 'off' });
      chain.value = origChain;
      const state = h('p', { class: 'decision small', testid: 'proposal-state' }, 'Undecided');
      const accept = h('button', { type: 'button', testid: 'proposal-accept', 'aria-pressed': 'false' }, 'Accept');
      const reject = h('button', { type: 'button', testid: 'proposal-reject', 'aria-pressed': 'false' }, 'Reject');
      const li = h('li', { class: 'proposal card', testid: 'proposal' },
        h('div', { class: 'field' }, h('label', { for: 'p-claim-' + i }, 'Claim ' + (i + 1)), claim),
        h('div', { class: 'field' }, h('label', { for: 'p-chain-' + i }, 'Chain (publisher first, origin last; ~ marks an anonymous source)'), chain),
        h('div', { class: 'actions' }, accept, reject, state));
      const item = { rec, origChain, claim, chain, decision: null, li };
      const decide = (d) => {
        item.decision = item.decision === d ? null : d;
        accept.setAttribute('aria-pressed', String(item.decision === 'accept'));
        reject.setAttribute('aria-pressed', String(item.decision === 'reject'));
        li.classList.toggle('accepted', item.decision === 'accept');
        li.classList.toggle('rejected', item.decision === 'reject');
        state.textContent = item.decision === 'accept' ? 'Accepted' : item.decision === 'reject' ? 'Rejected' : 'Undecided';
        updateCount();
      };
      accept.addEventListener('click', () => decide('accept'));
      reject.addEventListener('click', () => decide('reject'));
      return item;
    });
    const importBtn = h('button', { type: 'button', class: 'primary', testid: 'import-accepted' }, 'Import accepted');
    const summary = h('div', { testid: 'import-summary', class: 'import-summary', 'aria-live': 'polite' });
    function updateCount() {
      const n = items.filter((x) => x.decision === 'accept').length;
      importBtn.textContent = 'Import accepted (' + n + ')';
      importBtn.disabled = n === 0;
    }
    importBtn.addEventListener('click', async () => {
      const chosen = items.filter((x) => x.decision === 'accept');
      const lines = [];
      for (const x of chosen) {
        const rec = { type: 'report', claim: x.claim.value.trim(), chain: x.chain.value.trim() === x.origChain ? x.rec.chain : x.chain.value.trim() };
        if (!rec.claim || !x.chain.value.trim()) {
          say('A claim or a chain is empty; fill it in or reject the statement.', 'error');
          (rec.claim ? x.chain : x.claim).focus();
          return;
        }
        if (x.rec.url) rec.url = x.rec.url;
        if (x.rec.published) rec.published = x.rec.published;
        lines.push(JSON.stringify(rec));
      }
      importBtn.disabled = true;
      try {
        const sum = await api('POST', '/api/import', { body: lines.join('\n') + '\n', type: 'application/x-ndjson' });
        clear(summary);
        summary.append(
          h('p', { class: 'ok-text' }, 'Imported ' + plural(sum.records, 'record', 'records') + ': ' +
            plural(sum.claims_new, 'new claim', 'new claims') + ', ' + sum.claims_known + ' known; ' +
            plural(sum.reports_new, 'new report', 'new reports') + ', ' + sum.reports_duplicate + ' duplicate; ' +
            plural(sum.sources_created, 'source', 'sources') + ' created.'),
          h('ul', null, chosen.map((x) => h('li', null,
            h('a', { href: '#/claims?q=' + encodeURIComponent(x.claim.value.trim()), testid: 'imported-link' }, x.claim.value.trim())))));
        for (const x of chosen) {
          x.li.classList.add('done');
          for (const b of x.li.querySelectorAll('button')) b.disabled = true;
          x.claim.readOnly = true;
          x.chain.readOnly = true;
          x.decision = 'imported';
          x.li.querySelector('[data-testid="proposal-state"]').textContent = 'Imported';
        }
        say('Import done.', 'ok');
      } catch (e) {
        sayError(e);
      } finally {
        updateCount();
      }
    });
    updateCount();
    out.append(h('ol', { class: 'proposals' }, items.map((x) => x.li)), h('div', { class: 'actions' }, importBtn), summary);
  }

  // ---- start ----------------------------------------------------------------------------------

  async function start() {
    document.getElementById('logout').addEventListener('click', logout);
    window.addEventListener('hashchange', route);
    try {
      const data = await api('GET', '/api/session', { noSessionCheck: true });
      session = { name: data.name, role: data.role, csrf: data.csrf };
    } catch (e) {
      session = null;
      if (e.status !== 401) say(e.message, 'error');
    }
    showSession();
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
