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

let scratch;
let server;
let baseUrl;
let browser;
let page;
const dialogs = [];
const pageErrors = [];

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
  const sources = await page.locator('.result .source').allTextContents();
  assert.equal(sources.length, count);
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
