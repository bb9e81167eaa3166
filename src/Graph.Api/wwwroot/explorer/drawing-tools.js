import { $, state } from './common.js';
import { cy } from './drawing.js';

// The drawing's tools: whole names under the pointer, Fit and Save image.

// Labels are cut at 120 pixels, so the whole name (or a link's type and ends) is the drawing's tooltip while the pointer
// is on it.
cy.on('mouseover', 'node', (event) => { $('graph').title = `${event.target.data('name')} (${event.target.data('kind').toLowerCase()})`; });
cy.on('mouseover', 'edge', (event) => {
  const link = event.target;
  $('graph').title = `${link.source().data('name')} ${link.data('type')} ${link.target().data('name')}`;
});
cy.on('mouseout', 'node, edge', () => { $('graph').title = ''; });

$('fit').addEventListener('click', () => cy.fit(undefined, 50));

// The whole drawing, not just what the view shows, at twice the screen's scale so that labels stay legible when printed.
$('save-image').addEventListener('click', () => {
  const link = document.createElement('a');
  link.href = cy.png({ full: true, scale: 2, bg: '#f7f9fd' });
  const drawn = state.centres.length ? state.centres.join('+') : `${state.from}-to-${state.to}`;
  link.download = `graph-${drawn}${state.asOf ? `-as-of-${state.asOf}` : ''}.png`;
  link.click();
});
