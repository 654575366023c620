// The search page in a real browser: Debian's headless chromium driven by playwright-core,
// against the real sinmun-serve over a database indexed from corpus/sample.
//
// run: scripts/test-web.sh (or: cd tests/web && npm ci && SINMUN_BUILD_DIR=/abs/build node --test)
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const build = path.resolve(root, process.env.SINMUN_BUILD_DIR || 'build');
const TARGET_TITLE = '엔비디아의 H200 수출을 허용하자';
const HOSTILE_TITLE = '<script>alert(1)</script> 보안 점검, 공공기관 사이트 38% 취약';
const LOOSENED_QUERY = '엔비디아 수출 허가 세월호 침몰';  // no article has every word

let scratch;
let server;
let baseUrl;
let browser;
let page;
const dialogs = [];
const pageErrors = [];
const apiRequests = [];  // the URLSearchParams of every /api/search the page asked for

// Starts sinmun-serve on a port the system picks and resolves with its base URL.
function startServer(db) {
  server = spawn(path.join(build, 'server/sinmun-serve'),
                 ['--db', db, '--listen', '127.0.0.1:0', '--web', path.join(root, 'web')],
                 {stdio: ['ignore', 'pipe', 'inherit']});
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sinmun-serve did not start in 10 s')), 10000);
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sinmun-serve exited with ${code}`));
    });
  });
}

// Waits until the page has drawn the answer to its latest request.
async function settled() {
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

async function search(query) {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await settled();
}

const titles = () => page.locator('.result .title').allTextContents();
const statusText = () => page.textContent('#status');
const countText = () => page.textContent('#status .total');
const chips = () => page.locator('#active-filters .chip').allTextContents();

// What the API answers, asked directly (not through the page).
async function api(params) {
  const response = await fetch(`${baseUrl}/api/search?${new URLSearchParams(params)}`);
  assert.equal(response.status, 200);
  return response.json();
}

// The rows of a facet list as drawn: label, count, and whether it can be clicked as a filter.
function facetRows(list) {
  return page.locator(`${list} li`).evaluateAll((items) => items.map((item) => ({
    value: item.querySelector('.facet-value').textContent,
    count: Number(item.querySelector('.count').textContent),
    clickable: item.querySelector('button, input') !== null,
  })));
}

const sum = (numbers) => numbers.reduce((total, n) => total + n, 0);
const counts = (rows) => rows.map((row) => row.count);

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'sinmun-web-'));
  const db = path.join(scratch, 'sample.db');
  execFileSync(path.join(build, 'indexer/sinmun-index'), ['--quiet', '--db', db, path.join(root, 'corpus/sample')],
               {stdio: ['ignore', 'ignore', 'inherit']});
  baseUrl = await startServer(db);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: 'ko-KR'});
  page.setDefaultTimeout(10000);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/search') apiRequests.push(url.searchParams);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());  // CSP violations land here
  });
  await page.goto(`${baseUrl}/`);
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (scratch) rmSync(scratch, {recursive: true, force: true});
});

test('a search shows the target article first, with highlights', async () => {
  await search('H200 수출');
  assert.equal((await titles())[0], TARGET_TITLE);
  const first = page.locator('.result').first();
  assert.ok(await first.locator('.snippet mark').count() > 0, 'snippet has <mark>');
  assert.ok(await first.locator('.title mark').count() > 0, 'title has <mark>');
  assert.equal(await first.locator('.title a').getAttribute('href'), 'https://news.example.com/hanbit/2025/12/09/opinion-allow-h200-exports');
});

test('clicking a source facet keeps only that source', async () => {
  const facet = page.locator('#facet-source .facet').first();
  const source = await facet.locator('.facet-value').textContent();
  const count = Number(await facet.locator('.count').textContent());
  const before = (await titles()).length;
  await facet.click();
  await page.waitForURL((url) => url.searchParams.get('source') === source);
  await settled();
  // The facet counts the full matches; partial ones (some of the words) follow them.
  const full = await page.locator('.result:not(:has(.partial)) .source').allTextContents();
  const sources = await page.locator('.result .source').allTextContents();
  assert.equal(full.length, count);
  assert.ok(count < before, `the facet (${count}) narrows ${before} results`);
  assert.ok(sources.every((s) => s === source), sources.join(', '));
  assert.equal(await page.locator('#facet-source .facet input:checked').count(), 1);
});

test('paging forward, then the back button restores the previous page', async () => {
  await search('정부');
  const pageOne = await titles();
  assert.equal(pageOne.length, 10);
  await page.click('#next');
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await settled();
  const pageTwo = await titles();
  assert.ok(pageTwo.length > 0);
  assert.ok(pageTwo.every((title) => !pageOne.includes(title)), 'page 2 shows other articles');
  assert.match(await page.textContent('#page-info'), /^2 \//);

  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
  await settled();
  assert.deepEqual(await titles(), pageOne);
  assert.equal(await page.inputValue('#q'), '정부');

  await page.goBack();  // to the source-filtered H200 search
  await page.waitForFunction(() => new URLSearchParams(location.search).has('source'));
  await settled();
  assert.equal(await page.inputValue('#q'), 'H200 수출');
});

test('markup in a crawled title is shown as text and never runs', async () => {
  await search('보안 점검');
  const first = page.locator('.result .title').first();
  assert.equal(await first.textContent(), HOSTILE_TITLE);
  assert.equal(await page.locator('#results script').count(), 0);
  assert.deepEqual(dialogs, []);
});

test('"비슷한 기사" shows articles like the one clicked, not the article itself', async () => {
  await search('H200 수출');
  await page.locator('.result').first().locator('button.similar').click();
  await page.waitForURL((url) => url.searchParams.get('similar') === 'sample-0001');
  await settled();
  const similar = await titles();
  assert.ok(similar.length > 0, 'some similar articles');
  assert.ok(!similar.includes(TARGET_TITLE), 'not the article itself');
  assert.equal(await page.inputValue('#q'), '');
  await page.goBack();
  await settled();
  assert.equal((await titles())[0], TARGET_TITLE);
});

test('the count is exact, with folded copies counted apart, and "최소" when only bounded', async () => {
  await search('수출');
  const answer = await api({q: '수출', limit: '10'});
  assert.ok(answer.total_is_exact && answer.total === answer.total_articles && answer.total > 10);
  assert.equal(await countText(), `${answer.total}건`);
  assert.equal(await statusText(), `‘수출’ 검색 결과 ${answer.total}건 중 1–10번째`);
  assert.ok(await page.isHidden('#loosened'), 'every word matched: no note');
  assert.equal(await page.locator('.result .copies').count(), 0, 'no copies folded');

  await search('기준금리 동결');  // sample-0005 and sample-0006 are one wire story
  const folded = await api({q: '기준금리 동결', limit: '10'});
  assert.ok(folded.partial_matches > 0);
  assert.equal(await countText(), `1건 (비슷한 기사 포함 2건), 일부 단어 일치 ${folded.partial_matches}건`);

  await page.route('**/api/search?*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({response, json: {...await response.json(), total_is_exact: false}});
  });
  try {
    await search('수출');
    assert.equal(await countText(), `최소 ${answer.total}건`);
  } finally {
    await page.unroute('**/api/search?*');
  }
});

test('copies of one story are one result that says "+1 비슷한 기사"', async () => {
  await search('기준금리 동결');
  const results = page.locator('.result:not(:has(.partial))');
  assert.equal(await results.count(), 1);
  assert.equal(await results.first().locator('.copies').textContent(), '+1 비슷한 기사');
  assert.equal(await results.first().locator('button.similar').count(), 1, 'the button stays');
});

test('the pager stops at the last page, and a page past it in the URL shows the last one', async () => {
  const {total} = await api({q: '정부'});
  const pages = Math.ceil(total / 10);
  assert.ok(pages >= 2 && pages < 30, `정부 has ${total} results`);
  const lastCount = total - (pages - 1) * 10;

  await page.goto(`${baseUrl}/?q=${encodeURIComponent('정부')}&page=${pages - 1}`);
  await settled();
  await page.click('#next');
  await page.waitForURL((url) => url.searchParams.get('page') === String(pages));
  await settled();
  assert.equal(await page.textContent('#page-info'), `${pages} / ${pages} 페이지`);
  assert.ok(await page.isDisabled('#next'));
  assert.equal((await titles()).length, lastCount);

  for (const asked of [30, 99999]) {
    await page.goto(`${baseUrl}/?q=${encodeURIComponent('정부')}&page=${asked}`);
    await settled();
    assert.equal(new URL(page.url()).searchParams.get('page'), String(pages), `page=${asked} is clamped`);
    assert.equal(await page.textContent('#page-info'), `${pages} / ${pages} 페이지`);
    assert.equal((await titles()).length, lastCount);
    assert.doesNotMatch(await statusText(), /없습니다/);
    assert.ok(await page.isDisabled('#next'));
  }
  assert.ok(apiRequests.every((params) => Number(params.get('offset')) <= 10000), 'offsets the API takes');
});

test('a short query lists its full matches, says where they end, then those with some of the words', async () => {
  await search('H200 수출');
  const answer = await api({q: 'H200 수출', limit: '10'});
  assert.ok(answer.total >= 1 && answer.total < 10 && answer.partial_matches > 0);
  assert.ok(await page.isVisible('#loosened'));
  assert.equal(await page.textContent('#loosened-text'),
               `모든 단어가 들어간 기사 ${answer.total}건 다음에 일부 단어만 들어간 기사가 이어집니다.`);
  const marks = await page.locator('.result').evaluateAll(
    (items) => items.map((item) => item.querySelector('.partial') !== null));
  assert.deepEqual(marks.slice(0, answer.total), Array(answer.total).fill(false), 'the full matches come first');
  assert.ok(marks.slice(answer.total).length > 0 && marks.slice(answer.total).every(Boolean), 'then partial ones');
  assert.equal((await titles())[0], TARGET_TITLE);

  await page.check('#strict');
  await page.waitForURL((url) => url.searchParams.get('strict') === '1');
  await settled();
  assert.ok(await page.isHidden('#loosened'));
  assert.equal((await titles()).length, answer.total);
  await page.uncheck('#strict');
  await page.waitForURL((url) => !url.searchParams.has('strict'));
  await settled();
});

test('a loosened query says so above the results, and the strict switch turns loosening off', async () => {
  await page.goto(`${baseUrl}/`);
  await search(LOOSENED_QUERY);
  assert.ok(await page.isVisible('#loosened'));
  assert.match(await page.textContent('#loosened'), /모든 단어가 들어간 기사가 없어/);
  assert.ok((await titles()).length > 0);
  const note = await page.locator('#loosened').boundingBox();
  const first = await page.locator('.result').first().boundingBox();
  assert.ok(note.y + note.height <= first.y, 'the note comes before the first result');
  assert.equal(await page.textContent('.result >> nth=0 >> .partial'), '일부 단어만 일치', 'a partial match says so');
  assert.ok(!(await page.isChecked('#strict')));

  await page.click('#run-strict');
  await page.waitForURL((url) => url.searchParams.get('strict') === '1');
  await settled();
  assert.equal(apiRequests.at(-1).get('strict'), '1');
  assert.ok(await page.isChecked('#strict'));
  assert.ok(await page.isHidden('#loosened'));
  assert.equal((await titles()).length, 0);
  assert.equal(await statusText(), `‘${LOOSENED_QUERY}’에 대한 검색 결과가 없습니다.`);

  await page.uncheck('#strict');
  await page.waitForURL((url) => !url.searchParams.has('strict'));
  await settled();
  assert.equal(apiRequests.at(-1).get('strict'), null);
  assert.ok(await page.isVisible('#loosened'));
  assert.ok((await titles()).length > 0);
});

test('several presses at once: results of any of them, every press still listed with its count', async () => {
  const chosen = ['한빛일보', '동해신문'];
  await search('수출');
  const listed = await facetRows('#facet-source');
  const chosenCounts = chosen.map((name) => listed.find((row) => row.value === name).count);
  assert.ok(sum(chosenCounts) <= 10, 'the chosen presses fit on one page');

  for (const [i, name] of chosen.entries()) {
    await page.locator('#facet-source .facet', {hasText: name}).locator('input').check();
    await page.waitForURL((url) => url.searchParams.getAll('source').length === i + 1);
    await settled();
  }
  assert.deepEqual(new URL(page.url()).searchParams.getAll('source'), chosen);
  assert.deepEqual(apiRequests.at(-1).getAll('source'), chosen);
  const sources = await page.locator('.result .source').allTextContents();
  assert.equal(sources.length, sum(chosenCounts));
  assert.deepEqual(new Set(sources), new Set(chosen));
  assert.deepEqual(await facetRows('#facet-source'), listed, 'the other presses keep their counts');
  assert.equal(await page.locator('#facet-source input:checked').count(), 2);
  assert.deepEqual(await chips(), chosen.map((name) => `언론사: ${name}×`));

  await page.click(`#active-filters .chip[aria-label="언론사: ${chosen[0]} 필터 해제"]`);
  await page.waitForURL((url) => url.searchParams.getAll('source').length === 1);
  await settled();
  const left = await page.locator('.result .source').allTextContents();
  assert.equal(left.length, chosenCounts[1]);
  assert.ok(left.every((s) => s === chosen[1]), left.join(', '));
  assert.deepEqual(await chips(), [`언론사: ${chosen[1]}×`]);
});

test('articles without a date or a source are counted last, and are not filters', async () => {
  await search('수출');
  const answer = await api({q: '수출'});
  const months = await facetRows('#facet-month');
  const sources = await facetRows('#facet-source');
  assert.deepEqual(months.at(-1), {value: '날짜 없음', count: 1, clickable: false});  // the .txt article
  assert.deepEqual(sources.at(-1), {value: '출처 없음', count: 1, clickable: false});
  assert.ok(months.slice(0, -1).every((row) => row.clickable && row.value !== '날짜 없음'));
  assert.ok(sources.slice(0, -1).every((row) => row.clickable && row.value !== '출처 없음'));
  assert.equal(sum(counts(months)), answer.total_articles);
  assert.equal(sum(counts(sources)), answer.total_articles);
});

test('a request the server refuses is explained in Korean, and the filter can be taken off', async () => {
  const errorsBefore = pageErrors.length;
  await page.goto(`${baseUrl}/?q=${encodeURIComponent('수출')}&source=${encodeURIComponent('연합')}`);
  await settled();
  assert.match(await statusText(), /^검색 조건을 확인해 주세요: no source 연합/);
  assert.equal((await titles()).length, 0);
  assert.ok(await page.isHidden('#facets'));
  await page.click('#active-filters .chip');
  await page.waitForURL((url) => !url.searchParams.has('source'));
  await settled();
  assert.ok((await titles()).length > 0);

  await page.goto(`${baseUrl}/?q=${encodeURIComponent('수출')}&from=2025-12-09&to=2025-01-01`);
  await settled();
  assert.match(await statusText(), /^검색 조건을 확인해 주세요: from \(2025-12-09\) is after to/);
  await page.goto(`${baseUrl}/`);
  // The browser logs each refused request; those two are this test's, anything else is not.
  const logged = pageErrors.splice(errorsBefore);
  assert.equal(logged.length, 2, logged.join('\n'));
  assert.ok(logged.every((message) => message.includes('status of 400')), logged.join('\n'));
});

test('an empty query shows the prompt without asking the server', async () => {
  const asked = apiRequests.length;
  for (const query of ['', '%20%20']) {
    await page.goto(`${baseUrl}/?q=${query}`);
    assert.equal(await statusText(), '검색어를 입력하면 기사를 찾아 드립니다.');
    assert.ok(await page.isHidden('#facets'));
  }
  assert.equal(apiRequests.length, asked);
});

test('the related-words panel lists the results\' words; clicking one adds it to the query', async () => {
  await search('반도체');
  await page.waitForSelector('#related-panel:not([hidden]) .related-word');
  const words = await page.locator('#related .related-text').allTextContents();
  assert.ok(words.length > 0);
  assert.ok(!words.includes('반도체'), 'not the query\'s own word');
  assert.ok(!words.includes('기자'), 'no stop word');
  await page.screenshot({path: path.join(build, 'web-screenshot-related.png'), fullPage: true});
  await page.locator('#related .related-word').first().click();
  const wanted = `반도체 ${words[0]}`;
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, wanted);
  await settled();
  assert.equal(await page.inputValue('#q'), wanted);
  assert.ok((await titles()).length > 0);
});

test('a speaker: search shows each result\'s quotation and its speaker', async () => {
  await search('speaker:관계자');
  const quotes = page.locator('.result .quote');
  assert.ok(await quotes.count() >= 3);
  assert.equal(await quotes.first().locator('.speaker').textContent(), '정부 관계자');
  assert.match(await quotes.first().locator('.quote-text').textContent(), /경제안보 분야의 실질 협력/);
  await search('반도체');
  assert.equal(await page.locator('.result .quote').count(), 0, 'plain searches show none');
});

// The middle of a bar of the trend chart, in page coordinates.
async function barPoint(index) {
  const box = await page.locator('#trend-chart').boundingBox();
  const bar = await page.evaluate((i) => {
    const element = window.Chart.getChart('trend-chart').getDatasetMeta(0).data[i];
    return {x: element.x, y: (element.y + element.base) / 2};
  }, index);
  return {x: box.x + bar.x, y: box.y + bar.y};
}

async function trendApi(params) {
  const response = await fetch(`${baseUrl}/api/trend?${new URLSearchParams(params)}`);
  assert.equal(response.status, 200);
  return response.json();
}

test('the trend chart sits above the results, and clicking a bar filters to its period', async () => {
  await page.goto(`${baseUrl}/`);
  await search('수출');
  await page.waitForFunction(() => !document.getElementById('trend').hidden);
  const {trend} = await trendApi({q: '수출', interval: 'month'});
  const series = trend.series[0];
  const drawn = await page.evaluate(() => {
    const chart = window.Chart.getChart('trend-chart');
    return {labels: chart.data.labels, counts: chart.data.datasets[0].data};
  });
  assert.deepEqual(drawn.labels, series.counts.map((c) => c.period));
  assert.deepEqual(drawn.counts, series.counts.map((c) => c.count));
  assert.ok(drawn.labels.length >= 2, `several months: ${drawn.labels}`);
  assert.equal(await page.textContent('#trend-undated'), `날짜 없는 기사 ${series.undated}건은 빠져 있습니다.`);
  const chart = await page.locator('#trend').boundingBox();
  const first = await page.locator('.result').first().boundingBox();
  assert.ok(chart.y + chart.height <= first.y, 'the chart comes before the first result');

  const busiest = series.counts.reduce((best, c, i) => (c.count > series.counts[best].count ? i : best), 0);
  const {period, count} = series.counts[busiest];
  const [year, month] = period.split('-').map(Number);
  const from = `${period}-01`;
  const to = `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  const point = await barPoint(busiest);
  await page.mouse.click(point.x, point.y);
  await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
  await settled();
  const answer = await api({q: '수출', from, to});
  assert.equal(answer.total, count, 'the bar counts what the filtered search finds');
  assert.match(await countText(), new RegExp(`^${count}건`));
  const dates = await page.locator('.result .date').allTextContents();
  assert.ok(dates.length > 0 && dates.every((d) => d >= from && d <= to), dates.join(', '));
  assert.deepEqual(await chips(), [`기간: ${from} ~ ${to}×`]);

  // Weeks are ISO weeks, and the chart follows the chosen interval.
  await page.selectOption('#trend-interval', 'week');
  await page.waitForFunction(() => document.getElementById('trend').dataset.interval === 'week');
  const weeks = JSON.parse(await page.getAttribute('#trend', 'data-periods'));
  assert.ok(weeks.every((w) => /^\d{4}-W\d{2}$/.test(w)), weeks.join(', '));
  await page.screenshot({path: path.join(build, 'web-screenshot-trend.png')});  // docs/screenshot-trend.png
  // A week bar filters Monday to Sunday of its ISO week (2026-W01 starts in 2025).
  assert.deepEqual(await page.evaluate(() => [periodRange('2026-W01'), periodRange('2025-W49'), periodRange('2024-02'),
                                              periodRange('2025'), periodRange('2025-12-09')]),
                   [{from: '2025-12-29', to: '2026-01-04'}, {from: '2025-12-01', to: '2025-12-07'},
                    {from: '2024-02-01', to: '2024-02-29'}, {from: '2025-01-01', to: '2025-12-31'},
                    {from: '2025-12-09', to: '2025-12-09'}]);
  await page.selectOption('#trend-interval', 'month');
  await page.waitForFunction(() => document.getElementById('trend').dataset.interval === 'month');
});

test('the download link exports every result of the search as CSV', async () => {
  await page.goto(`${baseUrl}/`);
  await search('수출');
  const link = page.locator('#download');
  assert.ok(await link.isVisible());
  const href = new URL(await link.getAttribute('href'), baseUrl);
  assert.equal(href.pathname, '/api/export');
  assert.equal(href.searchParams.get('q'), '수출');
  assert.equal(href.searchParams.get('format'), 'csv');
  assert.equal(await link.getAttribute('download'), '');
  const response = await fetch(href);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv/);
  assert.match(response.headers.get('content-disposition'), /^attachment; filename="sinmun-export\.csv"; filename\*=UTF-8''sinmun-%EC%88%98%EC%B6%9C\.csv$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM first');
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes);
  assert.ok(text.startsWith('\ufeffid,date,source,author,category,title,url,body\r\n'), text.slice(0, 80));
  href.searchParams.set('fields', 'id');
  const ids = (await (await fetch(href)).text()).split('\r\n').filter(Boolean).slice(1);
  const answer = await api({q: '수출'});
  assert.equal(ids.length, answer.total);
  assert.equal(ids[0], answer.results[0].id);

  await page.goto(`${baseUrl}/`);
  assert.ok(await link.isHidden(), 'no query, no download');
});

test('"저장된 기사" opens the stored article with the query marked; Escape and Back close it', async () => {
  await page.goto(`${baseUrl}/`);
  await search('H200 수출');
  const view = page.locator('#article-view');
  await page.locator('.result').first().locator('button.stored').click();
  await page.waitForURL((url) => url.searchParams.get('doc') === 'sample-0001');
  await page.waitForFunction(() => document.getElementById('article-view').open);
  assert.equal(await page.textContent('#article-title'), TARGET_TITLE);
  assert.ok(await page.locator('#article-body mark').count() > 0, 'the query is marked in the body');
  assert.ok(await page.locator('#article-title mark').count() > 0, 'and in the title');
  assert.equal(await page.getAttribute('#article-original', 'href'),
               'https://news.example.com/hanbit/2025/12/09/opinion-allow-h200-exports');
  const stored = await (await fetch(`${baseUrl}/api/doc?id=sample-0001`)).json();
  const firstParagraph = stored.body.split(/\n+/)[0].trim();
  assert.equal((await page.locator('#article-body p').first().textContent()).trim(), firstParagraph);

  await page.screenshot({path: path.join(build, 'web-screenshot-article.png')});  // docs/screenshot-article.png
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('article-view').open);
  await page.waitForURL((url) => !url.searchParams.has('doc'));
  assert.equal(new URL(page.url()).searchParams.get('q'), 'H200 수출');
  assert.ok(!(await view.evaluate((dialog) => dialog.open)));

  await page.locator('.result').first().locator('button.stored').click();
  await page.waitForFunction(() => document.getElementById('article-view').open);
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('article-view').open);
  assert.ok(!new URL(page.url()).searchParams.has('doc'));
  await settled();
  assert.equal((await titles())[0], TARGET_TITLE, 'the results are still there');
});

test('without chart.js the page still searches, with the chart hidden', async () => {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: 'ko-KR'});
  const bare = await context.newPage();
  const errors = [];
  bare.on('pageerror', (error) => errors.push(error.message));
  await bare.route('**/vendor/chart.js', (route) => route.fulfill({status: 404, body: 'not installed'}));
  try {
    await bare.goto(`${baseUrl}/?q=${encodeURIComponent('수출')}`);
    await bare.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
    assert.ok((await bare.locator('.result').count()) > 0);
    assert.ok(await bare.isHidden('#trend'));
    assert.ok(await bare.isVisible('#download'));
    assert.deepEqual(errors, [], 'no script error, only the missing file');
  } finally {
    await context.close();
  }
});

test('screenshots at desktop and phone size, without page errors', async () => {
  await search('H200 수출');
  await page.screenshot({path: path.join(build, 'web-screenshot.png'), fullPage: true});
  await page.setViewportSize({width: 390, height: 844});
  await page.screenshot({path: path.join(build, 'web-screenshot-phone.png'), fullPage: true});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(dialogs, []);
});
