import { $, escapeHtml, gql, latest, shownTypes, state, status, when } from './common.js';
import { OTHER_PATHS, SHORTEST_PATH } from './queries.js';
import { remember } from './address.js';
import { addEntity, addRelationship, cy, layout } from './drawing.js';
import { entityLink, relationshipLink, sourcesOf } from './links.js';

// Connecting two entities: the shortest way between them drawn, and on request the other ways.

// How far the shortest path looks (the endpoint's default), and so how long the other ways may be.
const SHORTEST_PATH_REACH = 6;

// The paths of the connection's panel, the shortest first: the one drawn is marked, and the others can be drawn instead.
// Whether more ways exist than are listed, and whether the search for them was cut short, is said with the list.
let connection = { paths: [], drawn: 0, hasMore: false, truncated: false };

export async function setEnd(end, id) {
  state[end] = id;
  state.way = 0;
  remember();
  showEnd(end);
  if (state.from && state.to) await connect();
}

export function showEnd(end) {
  const slot = $(end === 'from' ? 'connect-from' : 'connect-to');
  const id = state[end];
  slot.textContent = id ? cy.getElementById(id).data('name') || id : `${end}…`;
  slot.classList.toggle('set', Boolean(id));
}

export async function connect() {
  const generation = latest.drawing;
  const { shortestPath } = await gql(SHORTEST_PATH, { from: state.from, to: state.to, asOf: state.asOf, types: await shownTypes() });
  if (generation !== latest.drawing) return;
  cy.elements().removeClass('path');
  connection = { paths: shortestPath ? [shortestPath] : [], drawn: 0, hasMore: false, truncated: false };
  if (!shortestPath) {
    pathPanel().innerHTML = `<h3>Connection</h3><p>No path within ${SHORTEST_PATH_REACH} steps.</p>`;
    status('No path between the two entities.');
    return;
  }

  drawPath(shortestPath);
  showConnection();
  // A way other than the shortest, named by the address: the ways are asked for again, in the same order.
  if (state.way > 0) await showOtherPaths();
}

function pathPanel() {
  return $('path-panel') || $('panel').appendChild(Object.assign(document.createElement('div'), { id: 'path-panel' }));
}

/** Adds a path's entities and relationships to the drawing, where missing, and marks them as the path. */
function drawPath(path) {
  cy.elements().removeClass('path');
  for (const step of path.steps) {
    addEntity(step.from);
    addEntity(step.to);
    addRelationship(step.relationship);
    cy.getElementById(step.from.id).addClass('path');
    cy.getElementById(step.to.id).addClass('path');
    cy.getElementById(step.relationship.id).addClass('path');
  }

  layout();
  status(`Path of ${path.length} steps highlighted.`);
}

/** The connection's panel: the steps of the path drawn, each with its evidence, and the other ways once asked for. */
function showConnection() {
  const { hasMore, truncated } = connection;
  const drawn = connection.paths[connection.drawn];
  const steps = drawn.steps.map((s) => `
    <li>${entityLink(s.from)} ${relationshipLink(s.relationship)} ${entityLink(s.to)}
      <div class="when">${escapeHtml(when(s.relationship.validTime))}</div>
      <div class="source">${sourcesOf(s.relationship)}</div></li>`).join('');
  const ways = connection.paths.length > 1 ? `
    <h4>Ways between them (${connection.paths.length}${hasMore ? '; there are more' : ''}${truncated ? '; the search was cut short' : ''})</h4>
    <ol class="ways">${connection.paths.map((path, i) => `
      <li><button type="button" data-action="draw-path" data-path="${i}" aria-pressed="${i === connection.drawn}">${path.length} steps</button>
        ${path.steps.map((s) => escapeHtml(s.relationship.type)).join(' · ')}
        <div class="when">${path.length > 1 ? `through ${path.steps.slice(0, -1).map((s) => escapeHtml(s.to.name)).join(', ')}` : 'directly'}</div></li>`).join('')}</ol>`
    : '<button type="button" data-action="other-paths">Other ways between them</button>';
  pathPanel().innerHTML = `<h3>Connection (${drawn.length} steps)</h3><ol class="path">${steps}</ol>${ways}`;
}

/** Asks for the simple paths between the two ends, the shortest first, and lists them under the one drawn. */
export async function showOtherPaths() {
  const generation = latest.drawing;
  const shortest = connection.paths[0];
  const maxLength = Math.min(shortest.length + 2, SHORTEST_PATH_REACH);
  const { paths } = await gql(OTHER_PATHS, { from: state.from, to: state.to, asOf: state.asOf, types: await shownTypes(), maxLength });
  if (generation !== latest.drawing || connection.paths[0] !== shortest) return;
  // The shortest path drawn is one of the simple paths (the same relationships, or parallel ones between the same
  // entities): it keeps its place, first, and the others follow it.
  const same = (a, b) => a.steps.map((s) => s.relationship.id).join() === b.steps.map((s) => s.relationship.id).join();
  Object.assign(connection, { paths: [shortest, ...paths.paths.filter((path) => !same(path, shortest))], hasMore: paths.hasMore, truncated: paths.truncated });
  if (state.way > 0 && state.way < connection.paths.length) {
    connection.drawn = state.way;
    drawPath(connection.paths[state.way]);
  } else if (state.way > 0) {
    // An address naming a way there is not: the shortest stays drawn, and the address says so.
    state.way = 0;
    remember();
  }

  showConnection();
}

/** Draws one of the ways listed instead of the one drawn, and keeps it in the address. */
export function drawWay(index) {
  connection.drawn = state.way = index;
  remember();
  drawPath(connection.paths[index]);
  showConnection();
}

$('clear-path').addEventListener('click', () => {
  state.from = state.to = null;
  state.way = 0;
  remember();
  cy.elements().removeClass('path');
  showEnd('from');
  showEnd('to');
  $('path-panel')?.replaceChildren();
});
