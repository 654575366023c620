// The related-words panel and the quotations of a result: loaded before app.js, whose
// helpers (element, navigate, current, filterParams) it uses when called. The panel asks
// /api/related for the words the current results hold far more than the archive does;
// clicking one adds it to the query.
'use strict';

let relatedSerial = 0;  // answers to superseded requests are dropped

function relatedUrl(state) {
  const params = new URLSearchParams({q: state.q});
  for (const [name, value] of filterParams(state)) {
    if (name !== 'similar') params.append(name, value);
  }
  return `/api/related?${params}`;
}

// The query with `word` added, unless it has it already.
function queryWith(query, word) {
  const words = query.split(/\s+/).filter(Boolean);
  return words.includes(word) ? query : [...words, word].join(' ');
}

function renderRelated(words) {
  const list = $('related');
  list.replaceChildren();
  for (const word of words) {
    const item = element('li');
    const button = element('button', 'related-word');
    button.type = 'button';
    button.append(element('span', 'related-text', word.word));
    if (word.proper_noun) button.append(element('span', 'proper', '고유명사'));
    button.append(element('span', 'count', String(word.count)));
    button.title = `결과 ${word.count}건, 전체 ${word.background}건에 나옴 (점수 ${word.score.toFixed(2)}) — 눌러서 검색어에 추가`;
    button.addEventListener('click', () => navigate({q: queryWith(current.q, word.word)}));
    item.append(button);
    list.append(item);
  }
  $('related-panel').hidden = words.length === 0;
}

// Fills the panel for `state` (hidden while there is nothing to show); errors only hide it,
// the result list says what went wrong.
async function showRelated(state) {
  const serial = ++relatedSerial;
  if (!state.q.trim() || state.similar) {
    $('related-panel').hidden = true;
    return;
  }
  try {
    const response = await fetch(relatedUrl(state), {headers: {Accept: 'application/json'}});
    const answer = await response.json();
    if (serial !== relatedSerial) return;
    renderRelated(response.ok ? answer.related || [] : []);
  } catch {
    if (serial === relatedSerial) renderRelated([]);
  }
}

// A result's quotations (quote: and speaker: queries): “text” — speaker.
function renderQuotes(quotes) {
  const list = element('ul', 'quotes');
  for (const quote of quotes) {
    const item = element('li', 'quote');
    item.append(element('q', 'quote-text', quote.text));
    if (quote.speaker) item.append(element('span', 'speaker', quote.speaker));
    list.append(item);
  }
  return list;
}
