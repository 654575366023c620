// What the page shows around the result list: the trend chart over the query's articles
// (drawn with Debian's Chart.js from /vendor/chart.js; without it the chart stays hidden),
// the download link of the export, and the article view of one stored article.
// Loaded before app.js; it uses app.js's navigate() and `current` only from event handlers.
'use strict';

const TREND_INTERVAL_LABELS = {day: '일별', week: '주별', month: '월별', year: '연도별'};
let trendChart = null;
let trendSerial = 0;  // answers to superseded trend requests are dropped

// The first and last day of a trend period: 2025-12-09, 2025-W49 (ISO), 2025-12, 2025.
function periodRange(period) {
  const pad = (n) => String(n).padStart(2, '0');
  const day = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  let match = period.match(/^(\d{4})-W(\d{2})$/);
  if (match) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 +
                            (Number(match[2]) - 1) * 7 * 86400000);
    return {from: day(monday), to: day(new Date(monday.getTime() + 6 * 86400000))};
  }
  match = period.match(/^(\d{4})-(\d{2})$/);
  if (match) {
    const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0));
    return {from: `${period}-01`, to: day(last)};
  }
  if (/^\d{4}$/.test(period)) return {from: `${period}-01-01`, to: `${period}-12-31`};
  return {from: period, to: period};
}

function trendParams(state, interval) {
  const params = new URLSearchParams({q: state.q, interval});
  for (const source of state.sources) params.append('source', source);
  return params;
}

function hideTrend() {
  ++trendSerial;
  document.getElementById('trend').hidden = true;
}

// The chart counts the query over the whole archive (the date filter is what a bar chooses),
// under the chosen sources; the bar of the chosen period is drawn darker.
async function showTrend(state) {
  const section = document.getElementById('trend');
  if (typeof window.Chart !== 'function' || !state.q.trim() || state.similar) {
    hideTrend();
    return;
  }
  const interval = document.getElementById('trend-interval').value;
  const serial = ++trendSerial;
  let answer;
  try {
    const response = await fetch(`/api/trend?${trendParams(state, interval)}`, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    answer = await response.json();
  } catch {
    if (serial === trendSerial) section.hidden = true;
    return;
  }
  if (serial !== trendSerial) return;
  const series = answer.trend.series[0];
  if (!series || series.counts.length === 0) {
    section.hidden = true;
    return;
  }
  const periods = series.counts.map((c) => c.period);
  const ranges = periods.map(periodRange);
  const chosen = ranges.findIndex((r) => r.from === state.from && r.to === state.to);
  section.hidden = false;
  section.dataset.interval = interval;
  section.dataset.periods = JSON.stringify(periods);
  const undated = document.getElementById('trend-undated');
  undated.textContent = series.undated > 0 ? `날짜 없는 기사 ${series.undated.toLocaleString('ko-KR')}건은 빠져 있습니다.` : '';
  const colors = periods.map((_, i) => (chosen === -1 || i === chosen ? '#1f5fbf' : '#a9c1e6'));
  const data = {labels: periods, datasets: [{label: state.q, data: series.counts.map((c) => c.count),
                                             backgroundColor: colors}]};
  if (trendChart) {
    trendChart.data = data;
    trendChart.update();
    return;
  }
  trendChart = new window.Chart(document.getElementById('trend-chart'), {
    type: 'bar',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {legend: {display: false},
                tooltip: {callbacks: {label: (item) => `${item.formattedValue}건`}}},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}}},
      onHover: (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : ''; },
      // A bar filters the results to its period; the chosen bar again takes the filter off.
      onClick: (event, elements) => {
        if (elements.length === 0) return;
        const range = periodRange(trendChart.data.labels[elements[0].index]);
        const same = current.from === range.from && current.to === range.to;
        navigate(same ? {from: '', to: ''} : range);
      },
    },
  });
}

// The export of every match of the search as shown (query, order, dates, sources).
function updateDownload(state) {
  const link = document.getElementById('download');
  if (!state.q.trim() || state.similar) {
    link.hidden = true;
    return;
  }
  const params = new URLSearchParams({q: state.q, format: 'csv'});
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const [name, value] of filterParams(state)) {
    if (name !== 'strict') params.append(name, value);
  }
  link.href = `/api/export?${params}`;
  link.hidden = false;
}

// The article view: the stored copy with the query's words marked, a link to the original
// when there is one. Opening it adds a history entry (?doc=ID), so Back closes it as
// Escape and the close button do.
let articleOpenedHere = false;

async function openArticle(id, query, push = true) {
  const view = document.getElementById('article-view');
  const params = new URLSearchParams({id});
  if (query && query.trim()) params.set('q', query);
  let article;
  try {
    const response = await fetch(`/api/doc?${params}`, {headers: {Accept: 'application/json'}});
    article = await response.json();
    if (!response.ok) throw new Error(article.error || `HTTP ${response.status}`);
  } catch (error) {
    document.getElementById('status').textContent = `기사를 열지 못했습니다: ${error.message}`;
    return;
  }
  const title = document.getElementById('article-title');
  title.replaceChildren();
  if (article.title) {
    appendMarked(title, article.title_html || '');
  } else {
    title.textContent = '(제목 없음)';
  }
  const meta = document.getElementById('article-meta');
  meta.replaceChildren(...[article.date, article.source, article.author, article.category]
    .filter(Boolean).map((text) => element('span', '', text)));
  const original = document.getElementById('article-original');
  const href = safeHttpUrl(article.url || '');
  original.hidden = !href;
  if (href) original.href = href;
  const body = document.getElementById('article-body');
  body.replaceChildren();
  // Paragraphs as stored: the cleaner keeps one line break between them.
  for (const paragraph of (article.body_html || '').split(/\n+/)) {
    const p = element('p');
    appendMarked(p, paragraph);
    body.append(p);
  }
  if (push) {
    const url = new URL(window.location.href);
    url.searchParams.set('doc', id);
    window.history.pushState({doc: id}, '', url);
    articleOpenedHere = true;
  }
  if (!view.open) view.showModal();
  view.scrollTop = 0;
}

function closeArticle() {
  const view = document.getElementById('article-view');
  if (view.open) view.close();
}

document.addEventListener('DOMContentLoaded', () => {
  const view = document.getElementById('article-view');
  // Escape and the close button close the dialog; the history entry it added goes too.
  view.addEventListener('close', () => {
    if (new URLSearchParams(window.location.search).has('doc')) {
      if (articleOpenedHere) {
        articleOpenedHere = false;
        window.history.back();
      } else {
        const url = new URL(window.location.href);
        url.searchParams.delete('doc');
        window.history.replaceState(null, '', url);
      }
    }
  });
  document.getElementById('article-close').addEventListener('click', closeArticle);
  window.addEventListener('popstate', () => {
    const doc = new URLSearchParams(window.location.search).get('doc');
    if (doc) {
      openArticle(doc, current.q, false);
    } else {
      articleOpenedHere = false;
      closeArticle();
    }
  });
  document.getElementById('trend-interval').addEventListener('change', () => showTrend(current));
  const doc = new URLSearchParams(window.location.search).get('doc');
  if (doc) openArticle(doc, current.q, false);
});

document.addEventListener('sinmun:answer', (event) => {
  showTrend(event.detail.state);
  updateDownload(event.detail.state);
});
document.addEventListener('sinmun:cleared', () => {
  hideTrend();
  document.getElementById('download').hidden = true;
});
