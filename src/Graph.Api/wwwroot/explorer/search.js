import { $, escapeHtml, gql, status } from './common.js';
import { SEARCH } from './queries.js';
import { show } from './drawing.js';

// Search with suggestions: names and aliases as typed, or, when nothing matches, names one slip of typing away.

let searchTimer;
let searchSeq = 0;

$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = $('search').value.trim();
  if (!text) { $('suggestions').hidden = true; return; }
  searchTimer = setTimeout(() => suggest(text).catch((error) => status(error.message)), 150);
});

/** The suggestions for a text typed, unless a newer keystroke has asked again meanwhile. */
async function suggest(text) {
  const seq = ++searchSeq;
  const { search } = await gql(SEARCH, { text });
  if (seq !== searchSeq) return;
  // Similar names come only when nothing matches as typed: say so, so a near miss is not taken for the answer.
  const similar = search.length > 0 && search[0].match === 'SIMILAR';
  $('suggestions').innerHTML = (similar ? '<li class="hint" aria-disabled="true">No name matches as typed. Did you mean:</li>' : '') + search.map((hit) => `
    <li role="option" data-entity="${escapeHtml(hit.entity.id)}">
      <span>${escapeHtml(hit.entity.name)}${hit.matchedName !== hit.entity.name ? ` <small>(${escapeHtml(hit.matchedName)})</small>` : ''}</span>
      <span class="kind">${escapeHtml(hit.entity.kind)}</span></li>`).join('') || '<li>No match</li>';
  $('suggestions').dataset.text = text;
  $('suggestions').hidden = false;
  if (enterPending) {
    enterPending = false;
    const first = $('suggestions').querySelector('li[data-entity]');
    if (first) pick(first);
  }
}

async function pick(item) {
  $('suggestions').hidden = true;
  $('search').value = '';
  try { await show(item.dataset.entity); } catch (error) { status(error.message); }
}

$('suggestions').addEventListener('click', (event) => {
  const item = event.target.closest('[data-entity]');
  if (item) pick(item);
});

// The keyboard as in any search box: arrows move through the suggestions, Enter shows the one marked (or the
// first; typed before the suggestions for the text have come, it waits for them). Escape is the browser's: it
// empties a search field, and with it the list.
let enterPending = false;

$('search').addEventListener('keydown', (event) => {
  const list = $('suggestions');
  const options = [...list.querySelectorAll('li[data-entity]')];
  const marked = options.findIndex((li) => li.getAttribute('aria-selected') === 'true');
  if (event.key === 'Enter') {
    event.preventDefault();
    const current = !list.hidden && list.dataset.text === $('search').value.trim();
    if (!current) enterPending = $('search').value.trim() !== '';
    else if (options.length) pick(options[Math.max(marked, 0)]);
  } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !list.hidden && options.length) {
    event.preventDefault();
    const next = (marked + (event.key === 'ArrowDown' ? 1 : options.length - (marked < 0 ? 0 : 1))) % options.length;
    options.forEach((li, i) => li.setAttribute('aria-selected', String(i === next)));
    options[next].scrollIntoView({ block: 'nearest' });
  }
});
