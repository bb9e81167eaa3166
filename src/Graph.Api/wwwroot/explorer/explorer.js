// The Graph explorer: a small front end that uses only the public GraphQL endpoint, as any client would.
// State is the set of expanded "centres", the selected entity, the ends of a connection (and the way drawn between
// them), the date, the depth and what is hidden; each part of the page is a module of its own.
import { $, EMPTY_PANEL, KIND_COLORS, allRelationshipTypes, latest, state, status } from './common.js';
import { cy, expand, redrawView, show } from './drawing.js';
import { drawLegend } from './legends.js';
import { select } from './panel.js';
import { setEnd, showEnd } from './connection.js';
import { setAsOf } from './controls.js';
import './search.js';
import './drawing-tools.js';

/** Draws the view the address names (on opening it, and on Back and Forward). */
async function restore() {
  const view = new URLSearchParams(location.hash.slice(1));
  latest.drawing++;
  latest.selecting++;
  Object.assign(state, {
    centres: view.getAll('centre'), selected: view.get('selected'), asOf: view.get('asOf'), from: view.get('from'), to: view.get('to'),
    // Which of the ways between the ends is drawn, 0 (the shortest) unless a later one is named.
    way: /^[1-9][0-9]{0,2}$/.test(view.get('way') ?? '') ? Number(view.get('way')) : 0,
    // A depth the page's control does not offer (typed into the address by hand) is read as 1.
    depth: Number([...$('depth').options].find((option) => option.value === view.get('depth'))?.value ?? 1),
    // Only kinds there are; a name typed wrong is dropped rather than sent.
    hiddenKinds: view.getAll('hide').filter((kind) => Object.hasOwn(KIND_COLORS, kind)),
    hiddenTypes: view.getAll('hideType'),
  });
  if (state.hiddenTypes.length) {
    const known = await allRelationshipTypes();
    state.hiddenTypes = state.hiddenTypes.filter((type) => known.includes(type));
  }
  $('as-of').value = state.asOf ?? '';
  $('depth').value = String(state.depth);
  drawLegend();
  cy.elements().remove();
  $('panel').innerHTML = EMPTY_PANEL;
  status('Ready. Search for an entity to begin.');
  await redrawView();
  showEnd('from');
  showEnd('to');
  if (state.selected) await select(state.selected);
}

window.addEventListener('popstate', () => restore().catch((error) => status(error.message)));

// For tests and the browser console: the drawing and the actions behind the controls.
window.explorer = { cy, state, show, select, expand, setEnd, setAsOf };
restore().catch((error) => status(error.message));
