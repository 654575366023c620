// The search page: reads its state from the URL, asks /api/search, and draws the answer.
// Text from articles only ever reaches the page as DOM text nodes; the one piece of markup
// we accept from the API is <mark> in snippets and titles, rebuilt here as elements.
'use strict';

const PAGE_SIZE = 10;
const MAX_OFFSET = 10000;  // the API refuses offsets past this
const MAX_PAGE = MAX_OFFSET / PAGE_SIZE + 1;

const $ = (id) => document.getElementById(id);

// The state that the URL carries: q, sort, from, to, sources (source= repeated: articles of
// any of them), strict (strict=1: never loosen the query), page, and similar (an article id
// whose look-alikes are shown instead of a query's results).
function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const page = Number.parseInt(params.get('page') || '1', 10);
  return {
    q: params.get('q') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    from: params.get('from') || '',
    to: params.get('to') || '',
    sources: [...new Set(params.getAll('source').filter(Boolean))],
    strict: params.get('strict') === '1',
    similar: params.get('similar') || '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

// The parameters that choose the articles, shared by the page's URL and the API's.
function filterParams(state) {
  const params = new URLSearchParams();
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const source of state.sources) params.append('source', source);
  if (state.strict) params.set('strict', '1');
  if (state.similar) params.set('similar', state.similar);
  return params;
}

function urlForState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const [name, value] of filterParams(state)) params.append(name, value);
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
  for (const [name, value] of filterParams(state)) params.append(name, value);
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

// A page past the last one (typed or kept in the URL) becomes the last one, in place.
function clampPage(state, pages) {
  current = {...state, page: pages};
  window.history.replaceState(null, '', urlForState(current));
  return current;
}

function pageCount(total) {
  return Math.max(1, Math.ceil(Math.min(total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE));
}

function fillForm(state) {
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('from').value = state.from;
  $('to').value = state.to;
  $('strict').checked = state.strict;
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

// Appends the API's snippet or title_html (HTML-escaped text with <mark>…</mark>) to `parent`
// as text nodes and <mark> elements; any other tag-like text stays literal text.
function appendMarked(parent, html) {
  let inMark = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') {
      inMark = true;
    } else if (piece === '</mark>') {
      inMark = false;
    } else if (piece) {
      const text = decodeEntities(piece);
      parent.append(inMark ? element('mark', '', text) : document.createTextNode(text));
    }
  }
}

function safeHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function renderHit(hit) {
  const item = element('li', 'result');
  const snippet = element('p', 'snippet');
  appendMarked(snippet, hit.snippet || '');

  const heading = element('h3', 'title');
  const href = safeHttpUrl(hit.url || '');
  const titleTarget = href ? element('a') : element('span');
  if (href) {
    titleTarget.href = href;
    titleTarget.rel = 'noopener noreferrer';
    titleTarget.target = '_blank';
  }
  if (hit.title) {
    appendMarked(titleTarget, hit.title_html);
  } else {
    titleTarget.textContent = '(제목 없음)';
  }
  heading.append(titleTarget);

  const meta = element('div', 'meta');
  if (hit.source) meta.append(element('span', 'source', hit.source));
  if (hit.date) {
    const time = element('time', 'date', hit.date);
    time.dateTime = hit.date;
    meta.append(time);
  }
  if (hit.match === 'partial') {
    const partial = element('span', 'partial', '일부 단어만 일치');
    partial.title = '검색어의 단어 중 일부가 이 기사에 없습니다';
    meta.append(partial);
  }
  if (hit.similar > 0) {
    const copies = element('span', 'copies', `+${hit.similar} 비슷한 기사`);
    copies.title = `같은 내용의 기사 ${hit.similar}건을 이 기사 하나로 묶었습니다`;
    meta.append(copies);
  }

  const actions = element('div', 'actions');
  const similar = element('button', 'similar', '비슷한 기사');
  similar.type = 'button';
  similar.addEventListener('click', () => navigate({
    q: '', similar: hit.id, similarTitle: hit.title || '', sources: [], from: '', to: '', sort: 'relevance',
  }));
  actions.append(similar);
  const stored = element('button', 'stored', '저장된 기사');
  stored.type = 'button';
  stored.addEventListener('click', () => openArticle(hit.id, current.q));  // insight.js
  actions.append(stored);
  if (href) {
    const original = element('a', 'original', '원문 보기');
    original.href = href;
    original.rel = 'noopener noreferrer';
    original.target = '_blank';
    actions.append(original);
  }

  item.append(heading, meta, snippet, actions);
  if (hit.quotes) item.insertBefore(renderQuotes(hit.quotes), actions);
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

// A press to add to or drop from the chosen ones; `count` is omitted for a chosen press
// that the facet list does not show.
function facetCheckbox(label, count, checked, onChange) {
  const item = element('li');
  const row = element('label', 'facet');
  const box = element('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.addEventListener('change', onChange);
  row.append(box, element('span', 'facet-value', label));
  if (count !== undefined) row.append(element('span', 'count', String(count)));
  item.append(row);
  return item;
}

// The bucket of articles without a source or date: counted, but nothing to filter by.
function facetNone(label, count) {
  const item = element('li');
  const row = element('span', 'facet none');
  row.append(element('span', 'facet-value', label), element('span', 'count', String(count)));
  item.append(row);
  return item;
}

function toggled(list, value) {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

// The buckets with a value, then the one without (the API sends it last; kept last here).
function valuedFirst(buckets) {
  return [...buckets.filter((b) => b.value !== ''), ...buckets.filter((b) => b.value === '')];
}

function renderFacets(facets) {
  const sources = $('facet-source');
  const months = $('facet-month');
  sources.replaceChildren();
  months.replaceChildren();
  const sourceFacets = valuedFirst(facets.source || []);
  const toggle = (value) => () => navigate({sources: toggled(current.sources, value)});
  for (const {value, count} of sourceFacets) {
    const chosen = current.sources.includes(value);
    sources.append(value === '' ? facetNone('출처 없음', count)
                                : facetCheckbox(value, count, chosen, toggle(value)));
  }
  // The API lists the most frequent presses only; a chosen one past them stays removable.
  for (const value of current.sources.filter((s) => !sourceFacets.some((f) => f.value === s))) {
    sources.append(facetCheckbox(value, undefined, true, toggle(value)));
  }
  for (const {value, count} of valuedFirst(facets.month || [])) {
    if (value === '') {
      months.append(facetNone('날짜 없음', count));
      continue;
    }
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
  for (const source of state.sources) {
    const others = state.sources.filter((s) => s !== source);
    chips.append(chip(`언론사: ${source}`, () => navigate({sources: others})));
  }
  if (state.from || state.to) {
    chips.append(chip(`기간: ${state.from || '처음'} ~ ${state.to || '지금'}`, () => navigate({from: '', to: ''})));
  }
}

function renderPager(state, pages) {
  $('pager').hidden = pages <= 1;
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages;
  $('page-info').textContent = `${state.page} / ${pages} 페이지`;
}

// A sharded archive answered without some of its shards (down or too slow): say so.
function showPartial(answer) {
  const banner = $('partial');
  banner.hidden = !answer.partial;
  banner.textContent = answer.partial
    ? `일부 저장소(${(answer.missing_shards || []).join(', ')})가 응답하지 않아, 나머지에서 찾은 결과입니다.`
    : '';
}

function clearResults() {
  $('partial').hidden = true;
  $('loosened').hidden = true;
  $('results').replaceChildren();
  $('facets').hidden = true;
  $('pager').hidden = true;
  document.dispatchEvent(new Event('sinmun:cleared'));  // insight.js: no chart, no download
}

// "245건", "최소 245건" when the API could only bound it, and the count with the folded
// copies when it differs: "3건 (비슷한 기사 포함 5건)".
function countText(answer) {
  const atLeast = answer.total_is_exact ? '' : '최소 ';
  const number = (n) => `${atLeast}${n.toLocaleString('ko-KR')}건`;
  let text = answer.total_articles === answer.total
    ? number(answer.total) : `${number(answer.total)} (비슷한 기사 포함 ${number(answer.total_articles)})`;
  if (answer.partial_matches > 0) {
    const some = `${answer.partial_matches_is_exact ? '' : '최소 '}${answer.partial_matches.toLocaleString('ko-KR')}건`;
    text += `, 일부 단어 일치 ${some}`;
  }
  return text;
}

// Results listed: a short query's full matches, then those with some of its words.
function listedCount(answer) {
  return answer.total + (answer.partial_matches || 0);
}

// Why the results are not all full matches, or null when they are.
function loosenedText(answer) {
  if (answer.relaxed) return '모든 단어가 들어간 기사가 없어, 단어를 가장 많이 포함한 기사를 보여 드립니다.';
  if (!answer.results.some((hit) => hit.match === 'partial')) return null;
  if (answer.total === 0) return '모든 단어가 들어간 기사가 없어, 일부 단어가 들어간 기사를 보여 드립니다.';
  return `모든 단어가 들어간 기사 ${answer.total.toLocaleString('ko-KR')}건 다음에 일부 단어만 들어간 기사가 이어집니다.`;
}

// What went wrong, in Korean; the server's own words (English) follow.
function errorText(status, message) {
  if (status === 400) return `검색 조건을 확인해 주세요: ${message}`;
  if (status === 404) return `기사를 찾지 못했습니다: ${message}`;
  return `검색하지 못했습니다: ${message}`;
}

async function show(state) {
  fillForm(state);
  renderActiveFilters(state);
  const label = state.similar ? `${state.similarTitle || state.similar}와(과) 비슷한 기사` : state.q;
  document.title = label ? `${label} - 신문 검색` : '신문 검색';
  const status = $('status');
  status.classList.remove('error');
  if (!state.q.trim() && !state.similar) {
    clearResults();
    status.textContent = '검색어를 입력하면 기사를 찾아 드립니다.';
    return;
  }
  if (state.page > MAX_PAGE) state = clampPage(state, MAX_PAGE);
  const serial = ++requestSerial;
  document.body.setAttribute('aria-busy', 'true');
  status.textContent = '검색 중…';
  let answer;
  try {
    const response = await fetch(apiUrl(state), {headers: {Accept: 'application/json'}});
    answer = await response.json();
    if (!response.ok) {
      throw Object.assign(new Error(answer.error || `HTTP ${response.status}`), {status: response.status});
    }
  } catch (error) {
    if (serial !== requestSerial) return;
    document.body.removeAttribute('aria-busy');
    clearResults();
    status.classList.add('error');
    status.textContent = errorText(error.status, error.message);
    return;
  }
  if (serial !== requestSerial) return;

  const pages = pageCount(listedCount(answer));
  if (state.page > pages) {
    state = clampPage(state, pages);
    if (listedCount(answer) > 0) {
      show(state);  // sets aria-busy again before this task ends: no one sees an empty page
      return;
    }
  }
  document.body.removeAttribute('aria-busy');

  // Said before any result: these do not have every word.
  const loosened = loosenedText(answer);
  $('loosened').hidden = loosened === null;
  if (loosened !== null) $('loosened-text').textContent = loosened;
  showPartial(answer);
  const list = $('results');
  list.start = (state.page - 1) * PAGE_SIZE + 1;
  list.replaceChildren(...answer.results.map(renderHit));
  if (answer.results.length === 0) {
    status.textContent = `‘${label}’에 대한 검색 결과가 없습니다.`;
  } else {
    const first = answer.results[0].rank;
    const last = answer.results[answer.results.length - 1].rank;
    status.replaceChildren(`‘${label}’ 검색 결과 `, element('span', 'total', countText(answer)),
                           pages > 1 ? ` 중 ${first}–${last}번째` : '');
  }
  renderFacets(answer.facets || {});
  // A loosened query's counts describe its best matches only (the API says how many).
  $('facets-sample').hidden = !answer.facets_sample;
  $('facets-sample').textContent = answer.facets_sample
    ? `관련도 상위 ${answer.facets_sample.toLocaleString('ko-KR')}건 기준` : '';
  renderPager(state, pages);
  if (answer.results.length > 0) showRelated(state);
  document.dispatchEvent(new CustomEvent('sinmun:answer', {detail: {state, answer}}));  // insight.js
}

// A new query starts without the sources picked from the last one's facets; the date range,
// the order and the strict switch stay, as they are set in the visible options bar.
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({q: $('q').value.trim(), sources: [], similar: ''});
});
$('sort').addEventListener('change', () => navigate({sort: $('sort').value}));
$('strict').addEventListener('change', () => navigate({strict: $('strict').checked}));
$('run-strict').addEventListener('click', () => navigate({strict: true}));
$('from').addEventListener('change', () => navigate({from: $('from').value}));
$('to').addEventListener('change', () => navigate({to: $('to').value}));
$('prev').addEventListener('click', () => navigate({page: current.page - 1}));
$('next').addEventListener('click', () => navigate({page: current.page + 1}));
window.addEventListener('popstate', () => {
  current = stateFromUrl();
  show(current);
});

show(current);
