import { $, KIND_COLORS, gql, latest, shownTypes, state, status } from './common.js';
import { NEIGHBOURHOOD } from './queries.js';
import { remember } from './address.js';
import { drawLegend } from './legends.js';
import { connect } from './connection.js';
import { select } from './panel.js';

// The drawing: cytoscape's graph, the neighbourhoods drawn in it and where its entities are placed.

export const cy = cytoscape({
  container: $('graph'),
  wheelSensitivity: 0.3,
  maxZoom: 1.6,
  minZoom: 0.2,
  style: [
    { selector: 'node', style: {
      'background-color': (n) => KIND_COLORS[n.data('kind')] || '#999', label: 'data(name)', 'font-size': 10,
      'text-valign': 'bottom', 'text-margin-y': 3, width: 22, height: 22, 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
    { selector: 'node.centre', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#22304a' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffd66b' } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': '#a9b4c8', 'target-arrow-color': '#a9b4c8', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', label: 'data(type)', 'font-size': 7, color: '#5b6b8c', 'text-rotation': 'autorotate',
      // A label on the drawing's own colour stays legible where lines cross it.
      'text-background-color': '#f7f9fd', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
    { selector: 'edge:selected', style: { 'line-color': '#e0a800', 'target-arrow-color': '#e0a800', width: 3, color: '#22304a' } },
    { selector: 'edge.path', style: { 'line-color': '#ff7a00', 'target-arrow-color': '#ff7a00', width: 4, 'z-index': 10 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ff7a00' } },
  ],
});

// The legends and the drawing's tools follow what is drawn, once per batch of elements added or removed.
let legendDue = false;
cy.on('add remove', () => {
  if (legendDue) return;
  legendDue = true;
  queueMicrotask(() => {
    legendDue = false;
    drawLegend();
    $('view-tools').hidden = cy.elements().empty();
  });
});

export function addEntity(entity) {
  if (cy.getElementById(entity.id).empty()) cy.add({ group: 'nodes', data: { id: entity.id, name: entity.name, kind: entity.kind } });
}

export function addRelationship(r) {
  if (cy.getElementById(r.id).empty()) cy.add({ group: 'edges', data: { id: r.id, source: r.from.id, target: r.to.id, type: r.type } });
}

async function fetchNeighbourhood(id) {
  // Null asks for every kind.
  const kinds = state.hiddenKinds.length ? Object.keys(KIND_COLORS).filter((kind) => !state.hiddenKinds.includes(kind)) : null;
  const data = await gql(NEIGHBOURHOOD, { id, depth: state.depth, asOf: state.asOf, kinds, types: await shownTypes() });
  if (!data.neighborhood) throw new Error(`No entity '${id}'.`);
  return data.neighborhood;
}

// Springs relax drawings of up to this many entities; larger ones keep their rings. Each step of the springs costs the
// square of the count: in headless Chromium on two cores, 0.45-0.7 s for a capped neighbourhood of 150, 1.4 s for 300.
const RELAXED_UP_TO = 160;

/**
 * Places the entities not yet placed. A new drawing starts from rings: the expanded centres in the middle, everything
 * else around them, busiest nearest. Then springs relax it (cytoscape's own force layout, started from the rings rather
 * than random places, so the same drawing comes out the same): the rings alone put entities on the far side of a
 * centre from those they are linked to, with their links across it. Entities added to a drawing (an expansion, a
 * connection's steps) start beside an entity they are linked to, and only they are moved by the springs: what was
 * drawn stays where the user saw it.
 */
export function layout() {
  const fresh = cy.nodes().not('.placed');
  if (fresh.empty()) return;
  // The springs pull towards the middle of the drawing area, so its size must be today's, not the one cytoscape last
  // noticed: a size two pixels out drew the same neighbourhood differently.
  cy.resize();
  const kept = cy.nodes('.placed');
  if (kept.empty()) {
    cy.layout({
      // Rings laid out in a fixed square rather than the container, whose size can still change while the page's
      // styles load: the same drawing then always starts, and ends, the same.
      name: 'concentric', animate: false, fit: false, boundingBox: { x1: 0, y1: 0, w: 1000, h: 1000 },
      minNodeSpacing: 70, avoidOverlap: true,
      concentric: (n) => (n.hasClass('centre') ? 1000 : 0) + n.degree(), levelWidth: () => 3,
    }).run();
    fresh.addClass('placed');
  } else {
    placeBesideLinked(fresh);
  }

  if (cy.nodes().length > RELAXED_UP_TO) {
    cy.fit(undefined, 50);
    return;
  }

  kept.lock();
  cy.layout({
    name: 'cose', animate: false, randomize: false, fit: true, padding: 50,
    idealEdgeLength: () => 90, nodeRepulsion: () => 200000, nodeOverlap: 20, gravity: 0.5, componentSpacing: 80,
    // Two entities joined several times are pulled together once, not once a link: their labels need the room.
    edgeElasticity: (link) => 32 * link.parallelEdges().length,
  }).run();
  kept.unlock();
}

/** Each new entity starts a little way from a placed entity it is linked to (one placed just before counts), or in the middle. */
function placeBesideLinked(fresh) {
  const middle = cy.nodes('.placed').boundingBox();
  fresh.forEach((node, i) => {
    const anchor = node.neighborhood('node.placed').first();
    const at = anchor.nonempty() ? anchor.position() : { x: (middle.x1 + middle.x2) / 2, y: (middle.y1 + middle.y2) / 2 };
    // The golden angle spreads the entities started beside the same one.
    const angle = i * 2.39996;
    node.position({ x: at.x + 80 * Math.cos(angle), y: at.y + 80 * Math.sin(angle) });
    node.addClass('placed');
  });
}

/** Draws the view again, if there is one (centres, or a connection's two ends), as its settings now say. */
export async function redrawView() {
  if (state.centres.length || (state.from && state.to)) await redraw();
}

/** Draws the neighbourhood of each centre again, as of the chosen date: what did not hold then disappears. */
export async function redraw() {
  const generation = ++latest.drawing;
  const hoods = await Promise.all(state.centres.map(fetchNeighbourhood));
  if (generation !== latest.drawing) return;
  cy.elements().remove();
  for (const hood of hoods) hood.nodes.forEach((n) => addEntity(n.entity));
  for (const hood of hoods) hood.relationships.forEach(addRelationship);
  state.centres.forEach((id) => cy.getElementById(id).addClass('centre'));
  if (state.from && state.to) await connect();
  layout();
  const truncated = hoods.some((h) => h.truncated) ? ' (some neighbourhoods were cut at 150 entities)' : '';
  status(`${cy.nodes().length} entities, ${cy.edges().length} relationships${state.asOf ? ` as of ${state.asOf}` : ''}${truncated}`);
}

export async function show(id) {
  state.centres = [id];
  state.selected = id;
  remember({ newEntry: true });
  await redraw();
  await select(id);
}

export async function expand(id) {
  if (!state.centres.includes(id)) state.centres.push(id);
  const generation = latest.drawing;
  const hood = await fetchNeighbourhood(id);
  if (generation !== latest.drawing) return;
  hood.nodes.forEach((n) => addEntity(n.entity));
  hood.relationships.forEach(addRelationship);
  cy.getElementById(id).addClass('centre');
  layout();
  remember();
  status(`Expanded ${id}: ${cy.nodes().length} entities, ${cy.edges().length} relationships`);
}

cy.on('tap', 'node, edge', (event) => select(event.target.id()).catch((error) => status(error.message)));
cy.on('dbltap', 'node', (event) => expand(event.target.id()).catch((error) => status(error.message)));
