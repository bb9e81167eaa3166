import { $, state, status } from './common.js';
import { remember } from './address.js';
import { redrawView } from './drawing.js';
import { select } from './panel.js';

// The header's date and depth.

export async function setAsOf(date) {
  state.asOf = date || null;
  state.way = 0;
  remember();
  $('as-of').value = date || '';
  await redrawView();
  if (state.selected) await select(state.selected);
}

$('as-of').addEventListener('change', () => setAsOf($('as-of').value).catch((error) => status(error.message)));
$('clear-date').addEventListener('click', () => setAsOf(null).catch((error) => status(error.message)));

async function setDepth(depth) {
  state.depth = depth;
  remember();
  $('depth').value = String(depth);
  await redrawView();
}

$('depth').addEventListener('change', () => setDepth(Number($('depth').value)).catch((error) => status(error.message)));
