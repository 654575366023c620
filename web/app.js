// The search page: reads its state from the URL, asks /api/search, and draws the answer.
// Text from articles only ever reaches the page as DOM text nodes; the one piece of markup
// we accept from the API is <mark> in snippets, rebuilt here as elements.
'use strict';

const PAGE_SIZE = 10;
const MAX_OFFSET = 10000;  // the API refuses offsets past this

const $ = (id) => document.getElementById(id);

// The state that the URL carries: q, sort, from, to, source, page, and similar (an article
// id whose look-alikes are shown instead of a query's results).
function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const page = Number.parseInt(params.get('page') || '1', 10);
  return {
    q: params.get('q') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    from: params.get('from') || '',
    to: params.get('to') || '',
    source: params.get('source') || '',
    similar: params.get('similar') || '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function urlForState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.source) params.set('source', state.source);
  if (state.similar) params.set('similar', state.similar);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

function apiUrl(state) {
  const params = new URLSearchParams({
    q: state.q,
    limit: String(PAGE_SIZE),
    offset: String((state.page - 1) * PAGE_SIZE),
    sort: state.sort,
  });
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.source) params.set('source', state.source);
  if (state.similar) params.set('similar', state.similar);
  return `/api/search?${params}`;
}

let current = stateFromUrl();
let requestSerial = 0;  // answers to superseded requests are dropped

// Goes to `changes` applied to the current state, as a new history entry.
function navigate(changes) {
  current = {...current, page: 1, ...changes};
  window.history.pushState(null, '', urlForState(current));
  window.scrollTo(0, 0);
  show(current);
}

function fillForm(state) {
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('from').value = state.from;
  $('to').value = state.to;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'"};

function decodeEntities(html) {
  return html.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16)
               : name.startsWith('#') ? Number.parseInt(name.slice(1), 10) : NaN;
    return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Appends the API's snippet (HTML-escaped text with <mark>…</mark>) to `parent` as text
// nodes and <mark> elements; any other tag-like text stays literal text. Returns the
// highlighted strings.
function appendSnippet(parent, html) {
  const marked = [];
  let inMark = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') {
      inMark = true;
    } else if (piece === '</mark>') {
      inMark = false;
    } else if (piece) {
      const text = decodeEntities(piece);
      if (inMark) {
        parent.append(element('mark', '', text));
        marked.push(text);
      } else {
        parent.append(document.createTextNode(text));
      }
    }
  }
  return marked;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Appends `text` with every occurrence of `words` wrapped in <mark>.
function appendHighlighted(parent, text, words) {
  const unique = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) {
    parent.append(document.createTextNode(text));
    return;
  }
  const pattern = new RegExp(`(${unique.map(escapeRegExp).join('|')})`, 'giu');
  text.split(pattern).forEach((piece, i) => {
    if (!piece) return;
    parent.append(i % 2 === 1 ? element('mark', '', piece) : document.createTextNode(piece));
  });
}

// Words of the query worth marking in a title: no operators, quotes or field names.
function queryWords(query) {
  return query.replace(/["()]/g, ' ').split(/\s+/)
      .map((word) => word.replace(/^-|^[a-z]+:/i, ''))
      .filter((word) => word && word !== 'OR' && word !== 'NOT');
}

function safeHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function renderHit(hit, query) {
  const item = element('li', 'result');
  const snippet = element('p', 'snippet');
  const marked = appendSnippet(snippet, hit.snippet || '');

  const heading = element('h3', 'title');
  const href = safeHttpUrl(hit.url || '');
  const titleTarget = href ? element('a') : element('span');
  if (href) {
    titleTarget.href = href;
    titleTarget.rel = 'noopener noreferrer';
    titleTarget.target = '_blank';
  }
  appendHighlighted(titleTarget, hit.title || '(제목 없음)', [...marked, ...queryWords(query)]);
  heading.append(titleTarget);

  const meta = element('div', 'meta');
  if (hit.source) meta.append(element('span', 'source', hit.source));
  if (hit.date) {
    const time = element('time', 'date', hit.date);
    time.dateTime = hit.date;
    meta.append(time);
  }

  const actions = element('div', 'actions');
  const similar = element('button', 'similar', '비슷한 기사');
  similar.type = 'button';
  similar.addEventListener('click', () => navigate({
    q: '', similar: hit.id, similarTitle: hit.title || '', source: '', from: '', to: '', sort: 'relevance',
  }));
  actions.append(similar);
  if (href) {
    const original = element('a', 'original', '원문 보기');
    original.href = href;
    original.rel = 'noopener noreferrer';
    original.target = '_blank';
    actions.append(original);
  }

  item.append(heading, meta, snippet, actions);
  return item;
}

function lastDayOfMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(value) {
  const [year, month] = value.split('-').map(Number);
  const mm = String(month).padStart(2, '0');
  return {from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}`};
}

function facetButton(label, count, pressed, onClick) {
  const item = element('li');
  const button = element('button', 'facet');
  button.type = 'button';
  button.setAttribute('aria-pressed', String(pressed));
  button.append(element('span', 'facet-value', label), element('span', 'count', String(count)));
  button.addEventListener('click', onClick);
  item.append(button);
  return item;
}

function renderFacets(facets) {
  const sources = $('facet-source');
  const months = $('facet-month');
  sources.replaceChildren();
  months.replaceChildren();
  for (const {value, count} of facets.source || []) {
    const pressed = current.source === value;
    sources.append(facetButton(value, count, pressed, () => navigate({source: pressed ? '' : value})));
  }
  for (const {value, count} of facets.month || []) {
    const range = monthRange(value);
    const pressed = current.from === range.from && current.to === range.to;
    const [year, month] = value.split('-');
    months.append(facetButton(`${year}년 ${Number(month)}월`, count, pressed,
                              () => navigate(pressed ? {from: '', to: ''} : range)));
  }
  $('facets').hidden = sources.children.length === 0 && months.children.length === 0;
}

function chip(label, onRemove) {
  const button = element('button', 'chip');
  button.type = 'button';
  button.append(document.createTextNode(label), element('span', 'remove', '×'));
  button.setAttribute('aria-label', `${label} 필터 해제`);
  button.addEventListener('click', onRemove);
  return button;
}

function renderActiveFilters(state) {
  const chips = $('active-filters');
  chips.replaceChildren();
  if (state.source) chips.append(chip(`언론사: ${state.source}`, () => navigate({source: ''})));
  if (state.from || state.to) {
    chips.append(chip(`기간: ${state.from || '처음'} ~ ${state.to || '지금'}`, () => navigate({from: '', to: ''})));
  }
}

function renderPager(state, total) {
  const pages = Math.max(1, Math.ceil(Math.min(total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE));
  $('pager').hidden = total <= PAGE_SIZE && state.page === 1;
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages;
  $('page-info').textContent = `${state.page} / ${pages} 페이지`;
}

function clearResults() {
  $('results').replaceChildren();
  $('facets').hidden = true;
  $('pager').hidden = true;
}

async function show(state) {
  fillForm(state);
  renderActiveFilters(state);
  const label = state.similar ? `${state.similarTitle || state.similar}와(과) 비슷한 기사` : state.q;
  document.title = label ? `${label} - 신문 검색` : '신문 검색';
  const status = $('status');
  if (!state.q.trim() && !state.similar) {
    clearResults();
    status.textContent = '검색어를 입력하면 기사를 찾아 드립니다.';
    return;
  }
  const serial = ++requestSerial;
  document.body.setAttribute('aria-busy', 'true');
  status.textContent = '검색 중…';
  let answer;
  try {
    const response = await fetch(apiUrl(state), {headers: {Accept: 'application/json'}});
    answer = await response.json();
    if (!response.ok) throw new Error(answer.error || `HTTP ${response.status}`);
  } catch (error) {
    if (serial !== requestSerial) return;
    document.body.removeAttribute('aria-busy');
    clearResults();
    status.textContent = `검색하지 못했습니다: ${error.message}`;
    return;
  }
  if (serial !== requestSerial) return;
  document.body.removeAttribute('aria-busy');

  const list = $('results');
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  list.replaceChildren(...answer.results.map((hit) => renderHit(hit, state.q)));
  const first = answer.results.length ? answer.results[0].rank : 0;
  const last = answer.results.length ? answer.results[answer.results.length - 1].rank : 0;
  const about = answer.total_is_exact ? '' : '약 ';
  status.textContent = answer.results.length
      ? `‘${label}’ 검색 결과 ${about}${answer.total.toLocaleString('ko-KR')}건 중 ${first}–${last}번째`
      : `‘${label}’에 대한 검색 결과가 없습니다.`;
  renderFacets(answer.facets || {});
  renderPager(state, answer.total);
}

// A new query starts without the source picked from the last one's facets; the date range
// and the order stay, as they are set in the visible options bar.
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({q: $('q').value.trim(), source: '', similar: ''});
});
$('sort').addEventListener('change', () => navigate({sort: $('sort').value}));
$('from').addEventListener('change', () => navigate({from: $('from').value}));
$('to').addEventListener('change', () => navigate({to: $('to').value}));
$('prev').addEventListener('click', () => navigate({page: current.page - 1}));
$('next').addEventListener('click', () => navigate({page: current.page + 1}));
window.addEventListener('popstate', () => {
  current = stateFromUrl();
  show(current);
});

show(current);
