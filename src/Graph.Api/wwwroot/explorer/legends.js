import { $, KIND_COLORS, escapeHtml, state, status } from './common.js';
import { remember } from './address.js';
import { cy, redrawView } from './drawing.js';

// The legends name the colour of each kind of entity drawn and the types of the links drawn, once per batch of
// elements added or removed, and the kinds and types the user has hidden. Each is a button: a kind or type clicked is
// hidden, and clicked again, shown. The neighbourhoods are asked for again each time, so a hidden type is not
// followed and a hidden kind no longer counts towards their cap.
export function drawLegend() {
  const item = (attribute, value, off, swatch) => `
      <li data-${attribute}="${escapeHtml(value)}"${off ? ' class="off"' : ''}><button type="button" data-${attribute}="${escapeHtml(value)}"
        aria-pressed="${!off}" title="${off ? 'Show' : 'Hide'} these">${swatch}${escapeHtml(value)}</button></li>`;
  const kinds = [...new Set([...cy.nodes().map((n) => n.data('kind')), ...state.hiddenKinds])].sort();
  $('legend').innerHTML = kinds.map((kind) => item('kind', kind, state.hiddenKinds.includes(kind),
    `<span class="swatch" style="background: ${KIND_COLORS[kind] || '#999'}"></span>`)).join('');
  $('legend').hidden = kinds.length === 0;
  const types = [...new Set([...cy.edges().map((e) => e.data('type')), ...state.hiddenTypes])].sort();
  $('link-legend').innerHTML = types.map((type) => item('type', type, state.hiddenTypes.includes(type), '')).join('');
  $('link-legend').hidden = types.length === 0;
}

$('legends').addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (button?.dataset.kind) toggle('hiddenKinds', button.dataset.kind).catch((error) => status(error.message));
  else if (button?.dataset.type) toggle('hiddenTypes', button.dataset.type).catch((error) => status(error.message));
});

/** Hides a kind or a type of link (key 'hiddenKinds' or 'hiddenTypes') that is shown, or shows it again. */
async function toggle(key, value) {
  state[key] = state[key].includes(value) ? state[key].filter((v) => v !== value) : [...state[key], value];
  // The ways between the ends follow the types shown: another set of types, another list.
  if (key === 'hiddenTypes') state.way = 0;
  remember();
  drawLegend();
  await redrawView();
}
