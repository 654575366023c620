// The lexicon review page: lists the candidates of DB.lexicon/review.tsv that have no decision
// yet (decisions.tsv), and records accept/reject through POST /api/lexicon/decision. Text from
// the archive is only ever set as textContent, never as markup.
'use strict';

const KIND_NAMES = { word: '단어', alias: '별칭' };

// Rows of a review or decisions TSV (decision, kind, key, value, count, note); comments and
// blank lines skipped.
function parseTsv(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [decision = '', kind = '', key = '', value = '', count = '', note = ''] = line.split('\t');
    rows.push({ decision: decision.trim(), kind: kind.trim(), key: key.trim(), value: value.trim(), count, note });
  }
  return rows;
}

// What a decision is about: a word whatever its part of speech, an alias pair.
function identity(row) {
  return row.kind + '\t' + row.key + '\t' + (row.kind === 'word' ? '' : row.value);
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

async function decide(row, decision, tr) {
  const body = new URLSearchParams({ decision, kind: row.kind, key: row.key, value: row.value });
  const res = await fetch('/api/lexicon/decision', {
    method: 'POST',
    headers: { 'X-Sinmun-Lexicon': '1' },
    body,
  });
  if (!res.ok) {
    const error = await res.json().catch(() => ({ error: res.statusText }));
    document.getElementById('lexicon-status').textContent = '기록하지 못했습니다: ' + error.error;
    return;
  }
  tr.remove();
  updateStatus();
}

function updateStatus() {
  const left = document.getElementById('lexicon-rows').children.length;
  document.getElementById('lexicon-status').textContent =
    left === 0 ? '검토할 후보가 없습니다.' : '검토할 후보 ' + left + '개';
}

async function load() {
  const res = await fetch('/api/lexicon');
  const status = document.getElementById('lexicon-status');
  if (!res.ok) {
    status.textContent = '이 데이터베이스에는 사전 검토가 없습니다.';
    return;
  }
  const state = await res.json();
  const decided = new Set(parseTsv(state.decisions).filter((r) => r.decision !== '').map(identity));
  const tbody = document.getElementById('lexicon-rows');
  for (const row of parseTsv(state.review)) {
    if (row.decision !== '' || decided.has(identity(row)) || !(row.kind in KIND_NAMES)) continue;
    const tr = document.createElement('tr');
    tr.append(cell(KIND_NAMES[row.kind]), cell(row.key), cell(row.value), cell(row.count), cell(row.note));
    const actions = document.createElement('td');
    for (const [decision, label] of [['accept', '받아들이기'], ['reject', '버리기']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.className = 'lexicon-' + decision;
      button.addEventListener('click', () => decide(row, decision, tr));
      actions.append(button);
    }
    tr.append(actions);
    tbody.append(tr);
  }
  updateStatus();
}

load();
