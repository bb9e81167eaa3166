'use strict';
// The Graph explorer: a small front end that uses only the public GraphQL endpoint, as any client would.
// State is the set of expanded "centres", the selected entity, the ends of a connection (and the way drawn between
// them), the date, the depth and what is hidden.

const KIND_COLORS = {
  COUNTRY: '#d9534f', PERSON: '#f0ad4e', ORGANIZATION: '#5bc0de', AGREEMENT: '#5cb85c', PROJECT: '#8e44ad',
  EVENT: '#e67e22', TOPIC: '#2c7be5', PLACE: '#16a085', DOCUMENT: '#7f8c8d',
};

const state = { centres: [], selected: null, from: null, to: null, way: 0, asOf: null, depth: 1, hiddenKinds: [], hiddenTypes: [] };
const $ = (id) => document.getElementById(id);
const EMPTY_PANEL = $('panel').innerHTML;
// Bumped by each new drawing (and the panel by each new selection), and by each view read from the address: an
// answer that comes back after a newer one was asked for is dropped, so a slow answer cannot redraw over Back.
let drawing = 0;
let selecting = 0;

const cy = cytoscape({
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

// The legends name the colour of each kind of entity drawn and the types of the links drawn, once per batch of
// elements added or removed, and the kinds and types the user has hidden. Each is a button: a kind or type clicked is
// hidden, and clicked again, shown. The neighbourhoods are asked for again each time, so a hidden type is not
// followed and a hidden kind no longer counts towards their cap.
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

function drawLegend() {
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

// Every relationship type, asked for once, the first time a type is hidden: the neighbourhood takes the types to follow.
let relationshipTypes = null;
const allRelationshipTypes = () => (relationshipTypes ??= gql('{ relationshipTypes { type } }')
  .then((data) => data.relationshipTypes.map((t) => t.type)));

async function gql(query, variables = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.message} (${e.extensions?.code})`).join('; '));
  return body.data;
}

function status(text) { $('status').textContent = text; }

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function when(validTime) {
  if (!validTime?.start && !validTime?.end) return '';
  if (validTime.pointInTime) return validTime.start.text;
  return `${validTime.start?.text ?? '…'} – ${validTime.end?.text ?? 'now'}`;
}

// ---- drawing ----------------------------------------------------------------------------------

const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int!, $asOf: Date, $kinds: [EntityKind!], $types: [RelationshipType!]) {
  neighborhood(id: $id, depth: $depth, limit: 150, asOf: $asOf, kinds: $kinds, types: $types) {
    truncated
    nodes { entity { id name kind } }
    relationships { id type from { id } to { id } }
  }
}`;

function addEntity(entity) {
  if (cy.getElementById(entity.id).empty()) cy.add({ group: 'nodes', data: { id: entity.id, name: entity.name, kind: entity.kind } });
}

function addRelationship(r) {
  if (cy.getElementById(r.id).empty()) cy.add({ group: 'edges', data: { id: r.id, source: r.from.id, target: r.to.id, type: r.type } });
}

/** The relationship types not hidden, to follow; null, which asks for every type, when none is hidden. */
async function shownTypes() {
  return state.hiddenTypes.length ? (await allRelationshipTypes()).filter((type) => !state.hiddenTypes.includes(type)) : null;
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
function layout() {
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
async function redrawView() {
  if (state.centres.length || (state.from && state.to)) await redraw();
}

/** Draws the neighbourhood of each centre again, as of the chosen date: what did not hold then disappears. */
async function redraw() {
  const generation = ++drawing;
  const hoods = await Promise.all(state.centres.map(fetchNeighbourhood));
  if (generation !== drawing) return;
  cy.elements().remove();
  for (const hood of hoods) hood.nodes.forEach((n) => addEntity(n.entity));
  for (const hood of hoods) hood.relationships.forEach(addRelationship);
  state.centres.forEach((id) => cy.getElementById(id).addClass('centre'));
  if (state.from && state.to) await connect();
  layout();
  const truncated = hoods.some((h) => h.truncated) ? ' (some neighbourhoods were cut at 150 entities)' : '';
  status(`${cy.nodes().length} entities, ${cy.edges().length} relationships${state.asOf ? ` as of ${state.asOf}` : ''}${truncated}`);
}

async function show(id) {
  state.centres = [id];
  state.selected = id;
  remember({ newEntry: true });
  await redraw();
  await select(id);
}

async function expand(id) {
  if (!state.centres.includes(id)) state.centres.push(id);
  const generation = drawing;
  const hood = await fetchNeighbourhood(id);
  if (generation !== drawing) return;
  hood.nodes.forEach((n) => addEntity(n.entity));
  hood.relationships.forEach(addRelationship);
  cy.getElementById(id).addClass('centre');
  layout();
  remember();
  status(`Expanded ${id}: ${cy.nodes().length} entities, ${cy.edges().length} relationships`);
}

// ---- details panel ----------------------------------------------------------------------------

// An entity's relationships are listed a page at a time: a hub of a large graph has hundreds.
const RELATIONSHIPS_PAGE = 10;
const RELATIONSHIP_ROWS = `fragment RelationshipRows on RelationshipConnection {
  totalCount
  pageInfo { endCursor hasNextPage }
  edges {
    direction
    node { id name kind }
    relationship { id type description validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

// An entity's dated relationships in date order, whatever the date set: each date is a way to travel to it. One entry
// more than is shown is asked for, to know whether there is a next page (a timeline is a list, not a connection).
const TIMELINE_PAGE = 10;
const TIMELINE_ROWS = `fragment TimelineRows on TimelineEntry {
  cursor
  date { text earliest }
  direction
  node { id name }
  relationship { id type }
}`;

const MORE_TIMELINE = `query MoreTimeline($id: ID!, $after: String!) {
  entity(id: $id) { timeline(first: ${TIMELINE_PAGE + 1}, after: $after) { ...TimelineRows } }
}
${TIMELINE_ROWS}`;

// The relationships a source document supports, a page at a time, all of them or those citing one paragraph.
const SUPPORT_ROWS = `fragment SupportRows on CitedRelationshipConnection {
  totalCount
  pageInfo { endCursor hasNextPage }
  edges {
    node { id type description from { id name } to { id name } validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

const MORE_SUPPORTS = `query MoreSupports($id: ID!, $asOf: Date, $after: String, $paragraph: Int) {
  entity(id: $id) { ... on Document { supports(first: ${RELATIONSHIPS_PAGE}, after: $after, asOf: $asOf, paragraph: $paragraph) { ...SupportRows } } }
}
${SUPPORT_ROWS}`;

// Ids are unique across entities and relationships, so one selection, and one query, serves both.
const DETAILS = `query Details($id: ID!, $asOf: Date) {
  node(id: $id) {
    __typename
    ... on Entity {
      id name kind description aliases
      properties { key value }
      validTime { start { text } end { text } pointInTime }
      relationships(first: ${RELATIONSHIPS_PAGE}, asOf: $asOf) { ...RelationshipRows }
      relationshipCounts(asOf: $asOf) { type count }
      neighborCounts(asOf: $asOf) { kind count }
      timeline(first: ${TIMELINE_PAGE + 1}) { ...TimelineRows }
    }
    ... on Document {
      paragraphCount
      supports(first: ${RELATIONSHIPS_PAGE}, asOf: $asOf) { ...SupportRows }
    }
    ... on Relationship {
      id type
      # An entity's description is never null and a relationship's may be: under one name the two would clash.
      about: description
      validTime { start { text } end { text } pointInTime }
      properties { key value }
      sources { paragraph document { id name } }
      from { id name kind }
      to { id name kind }
    }
  }
}
${RELATIONSHIP_ROWS}
${TIMELINE_ROWS}
${SUPPORT_ROWS}`;

// A page of the selected entity's relationships, the first (no cursor) or a later one, of one type or with one kind of
// entity at the other end when the list is narrowed to it.
const MORE_RELATIONSHIPS = `query MoreRelationships($id: ID!, $asOf: Date, $after: String, $types: [RelationshipType!], $otherKinds: [EntityKind!]) {
  entity(id: $id) {
    relationships(first: ${RELATIONSHIPS_PAGE}, after: $after, asOf: $asOf, types: $types, otherKinds: $otherKinds) { ...RelationshipRows }
  }
}
${RELATIONSHIP_ROWS}`;

// What the selected entity's list of relationships is narrowed to: one type, or one kind of entity at the other end.
// A new selection lists them all again.
let listFilter = { types: null, otherKinds: null };

/** A citation as a link to its document, narrowed to the paragraph cited: what else that paragraph supports. */
const citation = (source) => `<a href="#" class="citation" data-document="${escapeHtml(source.document.id)}" data-paragraph="${source.paragraph}"
  title="Everything this paragraph supports">${escapeHtml(source.document.name)}, ¶${source.paragraph}</a>`;
const sourcesOf = (relationship) => relationship.sources.map(citation).join('; ');

/** Shows the details of an entity, or of a relationship (a link clicked in the drawing or in a list), in the panel. */
async function select(id) {
  state.selected = id;
  remember();
  cy.elements().unselect();
  cy.getElementById(id).select();
  const generation = ++selecting;
  listFilter = { types: null, otherKinds: null };
  supportsParagraph = null;
  const { node } = await gql(DETAILS, { id, asOf: state.asOf });
  if (generation !== selecting) return;
  if (!node) throw new Error(`No entity '${id}'.`);
  // The connection's steps stay in the panel when something else is selected.
  const path = $('path-panel')?.innerHTML ?? '';
  $('panel').innerHTML = `${node.__typename === 'Relationship' ? relationshipDetails(node) : entityDetails(node)}
    <div id="path-panel">${path}</div>`;
  // A new selection is read from its top, wherever the list it was picked from had been scrolled to.
  $('panel').scrollTop = 0;
}

/** An entity's relationships, one item each, and a button for the next page when there is one. */
function relationshipRows(connection, shown) {
  const rows = connection.edges.map((e) => `
    <li>
      <a href="#" class="type" data-relationship="${escapeHtml(e.relationship.id)}"
        title="This relationship's details">${escapeHtml(e.relationship.type)}</a> ${e.direction === 'OUT' ? '→' : '←'}
      <a href="#" data-entity="${escapeHtml(e.node.id)}">${escapeHtml(e.node.name)}</a>
      <div>${escapeHtml(e.relationship.description)}</div>
      <div class="when">${escapeHtml(when(e.relationship.validTime))}</div>
      <div class="source">${sourcesOf(e.relationship)}</div>
    </li>`).join('');
  const left = connection.totalCount - shown;
  return connection.pageInfo.hasNextPage
    ? `${rows}<li class="more"><button type="button" data-action="more" data-after="${escapeHtml(connection.pageInfo.endCursor)}">Show ${Math.min(left, RELATIONSHIPS_PAGE)} more of ${left}</button></li>`
    : rows;
}

function entityDetails(entity) {
  const relationships = entity.relationships;
  return `
    <h2 id="entity-name">${escapeHtml(entity.name)}</h2>
    <div class="kind">${escapeHtml(entity.kind)}</div>
    <p>${escapeHtml(entity.description)}</p>
    <div class="actions">
      <button type="button" data-action="expand">Expand neighbours</button>
      <button type="button" data-action="from">Connect from here</button>
      <button type="button" data-action="to">Connect to here</button>
    </div>
    ${facts(entity)}
    <h3 id="relationships-heading" data-total="${relationships.totalCount}">${relationshipsHeading(relationships.totalCount)}</h3>
    ${relationshipFilters(entity)}
    <ul class="relationships">${relationshipRows(relationships, relationships.edges.length)}</ul>
    ${entity.timeline.length ? `<h3>Timeline</h3><ol class="timeline">${timelineRows(entity.timeline)}</ol>` : ''}
    ${entity.supports ? documentSupports(entity) : ''}`;
}

// ---- a source document and what it supports ------------------------------------------------

// The paragraph the selected document's list is narrowed to, or null for all of them; a new selection lists them all.
let supportsParagraph = null;

/** What a source document supports: a button for each of its paragraphs, which narrows the list to it, and the list. */
function documentSupports(source) {
  const paragraphs = Array.from({ length: source.paragraphCount ?? 0 }, (_, i) => i + 1);
  return `
    <h3 id="supports-heading" data-total="${source.supports.totalCount}">${supportsHeading(source.supports.totalCount)}</h3>
    <div class="filters"><div role="group" aria-label="Paragraphs">${paragraphs.map((p) => `<button type="button" data-action="paragraph"
      data-paragraph="${p}" aria-pressed="false" title="Only what paragraph ${p} supports">¶${p}</button>`).join('')}</div></div>
    <ul class="supports">${supportRows(source.supports, source.supports.edges.length)}</ul>`;
}

function supportsHeading(total, listed = total) {
  return `Supports (${listed === total ? total : `${listed} of ${total}`}${state.asOf ? ` as of ${state.asOf}` : ''})`;
}

function supportRows(connection, shown) {
  const link = (entity) => `<a href="#" data-entity="${escapeHtml(entity.id)}">${escapeHtml(entity.name)}</a>`;
  const rows = connection.edges.map(({ node: r }) => `
    <li>
      <a href="#" class="type" data-relationship="${escapeHtml(r.id)}" title="This relationship's details">${escapeHtml(r.type)}</a>
      ${link(r.from)} → ${link(r.to)}
      <div>${escapeHtml(r.description)}</div>
      <div class="when">${escapeHtml(when(r.validTime))}</div>
      <div class="source">${sourcesOf(r)}</div>
    </li>`).join('');
  const left = connection.totalCount - shown;
  return connection.pageInfo.hasNextPage
    ? `${rows}<li class="more"><button type="button" data-action="more-supports" data-after="${escapeHtml(connection.pageInfo.endCursor)}">Show ${Math.min(left, RELATIONSHIPS_PAGE)} more of ${left}</button></li>`
    : rows;
}

/** A page of what the selected document supports, narrowed as the list is: the first (after null) or the next. */
async function supportsPage(after) {
  const { entity } = await gql(MORE_SUPPORTS, { id: state.selected, asOf: state.asOf, after, paragraph: supportsParagraph });
  return entity?.supports ?? null;
}

async function nextSupports(after, list) {
  const page = await supportsPage(after);
  return page && supportRows(page, list.querySelectorAll('li:not(.more)').length + page.edges.length);
}

/** Narrows the document's list to what one paragraph supports, or, for the paragraph already chosen, lists all again. */
async function narrowSupports(paragraph) {
  supportsParagraph = supportsParagraph === paragraph ? null : paragraph;
  const generation = selecting;
  const list = await supportsPage(null);
  if (generation !== selecting || !list) return;
  document.querySelectorAll('#panel button[data-action="paragraph"]').forEach((button) =>
    button.setAttribute('aria-pressed', String(Number(button.dataset.paragraph) === supportsParagraph)));
  $('supports-heading').textContent = supportsHeading(Number($('supports-heading').dataset.total), list.totalCount);
  $('panel').querySelector('ul.supports').innerHTML = supportRows(list, list.edges.length);
}

/** A citation followed: its document in the panel (the drawing stays as it is), narrowed to the paragraph cited. */
async function showCitation(documentId, paragraph) {
  await select(documentId);
  if (state.selected === documentId && $('supports-heading')) await narrowSupports(paragraph);
}

/**
 * The counts of an entity's relationships by type and of its neighbours by kind, each a button that narrows the list
 * below to that type or to the relationships with that kind at the other end (a hub has hundreds of relationships).
 */
function relationshipFilters(entity) {
  if (entity.relationships.totalCount <= 1) return '';
  const chip = (attribute, value, label, count, title) => `<button type="button" data-action="filter"
    data-${attribute}="${escapeHtml(value)}" aria-pressed="false" title="${escapeHtml(title)}">${label} <b>${count}</b></button>`;
  return `<div class="filters">
      <div role="group" aria-label="Relationships by type">${entity.relationshipCounts.map((c) => chip('filter-type', c.type,
        `<span class="type">${escapeHtml(c.type)}</span>`, c.count, `Only the ${c.count} ${c.type} relationships`)).join('')}</div>
      <div role="group" aria-label="Neighbours by kind">${entity.neighborCounts.map((c) => chip('filter-kind', c.kind,
        escapeHtml(c.kind.toLowerCase()), c.count, `Only the relationships with the ${c.count} neighbours of this kind`)).join('')}</div>
    </div>`;
}

function relationshipsHeading(total, listed = total) {
  return `Relationships (${listed === total ? total : `${listed} of ${total}`}${state.asOf ? ` as of ${state.asOf}` : ''})`;
}

/** Narrows the list of relationships to a type or a kind of neighbour, or, clicked again, lists them all again. */
async function filterRelationships(button) {
  const pressed = button.getAttribute('aria-pressed') === 'true';
  const { filterType, filterKind } = button.dataset;
  listFilter = pressed ? { types: null, otherKinds: null } : { types: filterType ? [filterType] : null, otherKinds: filterKind ? [filterKind] : null };
  const generation = selecting;
  const list = await relationshipsPage(null);
  if (generation !== selecting || !list) return;
  document.querySelectorAll('#panel .filters button').forEach((chip) => chip.setAttribute('aria-pressed', String(chip === button && !pressed)));
  const total = Number($('relationships-heading').dataset.total);
  $('relationships-heading').textContent = relationshipsHeading(total, list.totalCount);
  $('panel').querySelector('ul.relationships').innerHTML = relationshipRows(list, list.edges.length);
}

/**
 * A page of an entity's timeline: each entry's date is a button that shows the graph as of that date (its first day:
 * a relationship dated 2013 holds from 1 January), then the relationship's type and its other end.
 */
function timelineRows(entries) {
  const page = entries.slice(0, TIMELINE_PAGE);
  const rows = page.map((t) => `
    <li>
      <button type="button" class="date" data-action="as-of" data-date="${escapeHtml(t.date.earliest)}"
        title="Show the graph as of ${escapeHtml(t.date.earliest)}"${t.date.earliest === state.asOf ? ' aria-pressed="true"' : ''}>${escapeHtml(t.date.text)}</button>
      <span><a href="#" class="type" data-relationship="${escapeHtml(t.relationship.id)}"
        title="This relationship's details">${escapeHtml(t.relationship.type)}</a> ${t.direction === 'OUT' ? '→' : '←'}
        <a href="#" data-entity="${escapeHtml(t.node.id)}">${escapeHtml(t.node.name)}</a></span>
    </li>`).join('');
  return entries.length > TIMELINE_PAGE
    ? `${rows}<li class="more"><button type="button" data-action="more-timeline" data-after="${escapeHtml(page.at(-1).cursor)}">Show later entries</button></li>`
    : rows;
}

function relationshipDetails(relationship) {
  const end = (entity) =>
    `<a href="#" data-entity="${escapeHtml(entity.id)}">${escapeHtml(entity.name)}</a> <span class="kind">${escapeHtml(entity.kind)}</span>`;
  return `
    <h2 id="relationship-type">${escapeHtml(relationship.type)}</h2>
    <div class="kind">relationship</div>
    <p class="ends">${end(relationship.from)} → ${end(relationship.to)}</p>
    <p>${escapeHtml(relationship.about)}</p>
    ${facts(relationship)}
    <h3>Sources</h3>
    <ul class="sources">${relationship.sources.map((s) => `<li>${citation(s)}</li>`).join('')}</ul>`;
}

/** What else is known of an entity or a relationship: other names, when it held, its properties. */
function facts(item) {
  return `<dl>
      ${item.aliases?.length ? `<dt>Also</dt><dd>${item.aliases.map(escapeHtml).join(', ')}</dd>` : ''}
      ${when(item.validTime) ? `<dt>When</dt><dd>${escapeHtml(when(item.validTime))}</dd>` : ''}
      ${item.properties.map((p) => `<dt>${escapeHtml(p.key)}</dt><dd>${escapeHtml(p.value)}</dd>`).join('')}
    </dl>`;
}

$('panel').addEventListener('click', async (event) => {
  const target = event.target.closest('a[data-entity], a[data-relationship], a[data-document], [data-action]');
  if (!target) return;
  event.preventDefault();
  const action = target.dataset.action;
  try {
    if (target.dataset.entity) await show(target.dataset.entity);
    else if (target.dataset.document) await showCitation(target.dataset.document, Number(target.dataset.paragraph));
    else if (target.dataset.relationship) await select(target.dataset.relationship);
    else if (action === 'expand') await expand(state.selected);
    else if (action === 'more') await showNextPage(target, nextRelationships);
    else if (action === 'filter') await filterRelationships(target);
    else if (action === 'more-supports') await showNextPage(target, nextSupports);
    else if (action === 'paragraph') await narrowSupports(Number(target.dataset.paragraph));
    else if (action === 'more-timeline') await showNextPage(target, nextTimelineEntries);
    else if (action === 'as-of') await setAsOf(target.dataset.date);
    else if (action === 'from' || action === 'to') await setEnd(action, state.selected);
    else if (action === 'other-paths') await showOtherPaths();
    else if (action === 'draw-path') {
      connection.drawn = state.way = Number(target.dataset.path);
      remember();
      drawPath(connection.paths[connection.drawn]);
      showConnection();
    }
  } catch (error) { status(error.message); }
});

/** The next page of one of the selected entity's lists, in place of the button that asked for it. */
async function showNextPage(button, nextRows) {
  button.disabled = true;
  const generation = selecting;
  let rows;
  try {
    rows = await nextRows(button.dataset.after, button.closest('ul, ol'));
  } finally {
    // Asked again after a failure; replaced below after a success.
    button.disabled = false;
  }
  if (generation !== selecting || rows === null) return;
  button.closest('li').outerHTML = rows;
}

/** A page of the selected entity's relationships, narrowed as the list is: the first (after null) or the next. */
async function relationshipsPage(after) {
  const { entity } = await gql(MORE_RELATIONSHIPS, { id: state.selected, asOf: state.asOf, after, ...listFilter });
  return entity?.relationships ?? null;
}

async function nextRelationships(after, list) {
  const page = await relationshipsPage(after);
  return page && relationshipRows(page, list.querySelectorAll('li:not(.more)').length + page.edges.length);
}

async function nextTimelineEntries(after) {
  const { entity } = await gql(MORE_TIMELINE, { id: state.selected, after });
  return entity ? timelineRows(entity.timeline) : null;
}

// ---- connecting two entities ------------------------------------------------------------------

const PATH_STEPS = `fragment PathSteps on Path {
  length
  steps {
    direction
    from { id name kind }
    to { id name kind }
    relationship { id type description from { id } to { id } validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

// A connection follows only the types shown, as the drawing does; it passes through entities of any kind, since the
// shortest path cannot be asked to avoid kinds, and the other ways then go where it goes.
const SHORTEST_PATH = `query Connect($from: ID!, $to: ID!, $asOf: Date, $types: [RelationshipType!]) {
  shortestPath(from: $from, to: $to, asOf: $asOf, types: $types) { ...PathSteps }
}
${PATH_STEPS}`;

// Other ways between the two ends, asked for only when the user wants them: simple paths up to two steps longer than
// the shortest (and no longer than it may be), shortest first.
const OTHER_WAYS = 8;
const OTHER_PATHS = `query OtherPaths($from: ID!, $to: ID!, $asOf: Date, $types: [RelationshipType!], $maxLength: Int!) {
  paths(from: $from, to: $to, asOf: $asOf, types: $types, maxLength: $maxLength, first: ${OTHER_WAYS}) { hasMore truncated paths { ...PathSteps } }
}
${PATH_STEPS}`;
const SHORTEST_PATH_REACH = 6;

// The paths of the connection's panel, the shortest first: the one drawn is marked, and the others can be drawn instead.
// Whether more ways exist than are listed, and whether the search for them was cut short, is said with the list.
let connection = { paths: [], drawn: 0, hasMore: false, truncated: false };

async function setEnd(end, id) {
  state[end] = id;
  state.way = 0;
  remember();
  showEnd(end);
  if (state.from && state.to) await connect();
}

function showEnd(end) {
  const slot = $(end === 'from' ? 'connect-from' : 'connect-to');
  const id = state[end];
  slot.textContent = id ? cy.getElementById(id).data('name') || id : `${end}…`;
  slot.classList.toggle('set', Boolean(id));
}

async function connect() {
  const generation = drawing;
  const { shortestPath } = await gql(SHORTEST_PATH, { from: state.from, to: state.to, asOf: state.asOf, types: await shownTypes() });
  if (generation !== drawing) return;
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
  const link = (entity) => `<a href="#" data-entity="${escapeHtml(entity.id)}">${escapeHtml(entity.name)}</a>`;
  const steps = drawn.steps.map((s) => `
    <li>${link(s.from)} <a href="#" class="type" data-relationship="${escapeHtml(s.relationship.id)}"
      title="This relationship's details">${escapeHtml(s.relationship.type)}</a> ${link(s.to)}
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
async function showOtherPaths() {
  const generation = drawing;
  const shortest = connection.paths[0];
  const maxLength = Math.min(shortest.length + 2, SHORTEST_PATH_REACH);
  const { paths } = await gql(OTHER_PATHS, { from: state.from, to: state.to, asOf: state.asOf, types: await shownTypes(), maxLength });
  if (generation !== drawing || connection.paths[0] !== shortest) return;
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

$('clear-path').addEventListener('click', () => {
  state.from = state.to = null;
  state.way = 0;
  remember();
  cy.elements().removeClass('path');
  showEnd('from');
  showEnd('to');
  $('path-panel')?.replaceChildren();
});

// ---- search with suggestions ------------------------------------------------------------------

const SEARCH = `query Suggest($text: String!) { search(text: $text, first: 8) { matchedName match entity { id name kind } } }`;
let searchTimer;
let searchSeq = 0;

$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = $('search').value.trim();
  if (!text) { $('suggestions').hidden = true; return; }
  searchTimer = setTimeout(async () => {
    const seq = ++searchSeq;
    const { search } = await gql(SEARCH, { text });
    if (seq !== searchSeq) return; // a newer keystroke has already asked again
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
  }, 150);
});

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

// ---- graph interaction and time ---------------------------------------------------------------

cy.on('tap', 'node, edge', (event) => select(event.target.id()).catch((error) => status(error.message)));
cy.on('dbltap', 'node', (event) => expand(event.target.id()).catch((error) => status(error.message)));

async function setAsOf(date) {
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

// ---- the drawing's tools ----------------------------------------------------------------------

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

// ---- the view in the address ------------------------------------------------------------------
// The view (the centres drawn, how deep, the kinds and types hidden, what is selected, the date, the two ends
// of a connection and which way between them is drawn) is kept in the address's fragment, so it can be bookmarked, shared and opened again; each
// entity shown is a new entry in the browser's history, so Back returns to the one shown before.

function viewAddress() {
  const view = new URLSearchParams();
  state.centres.forEach((id) => view.append('centre', id));
  for (const key of ['selected', 'asOf', 'from', 'to']) if (state[key]) view.set(key, state[key]);
  if (state.way) view.set('way', String(state.way));
  if (state.depth !== 1) view.set('depth', String(state.depth));
  state.hiddenKinds.forEach((kind) => view.append('hide', kind));
  state.hiddenTypes.forEach((type) => view.append('hideType', type));
  return `#${view}`;
}

function remember({ newEntry = false } = {}) {
  const address = viewAddress();
  if (address === (location.hash || '#')) return;
  if (newEntry) history.pushState(null, '', address);
  else history.replaceState(null, '', address);
}

/** Draws the view the address names (on opening it, and on Back and Forward). */
async function restore() {
  const view = new URLSearchParams(location.hash.slice(1));
  drawing++;
  selecting++;
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
