import { $, escapeHtml, gql, latest, state, status, when } from './common.js';
import { DETAILS, MORE_RELATIONSHIPS } from './queries.js';
import { remember } from './address.js';
import { cy, expand, show } from './drawing.js';
import { citation, entityLink, relationshipLink, sourcesOf } from './links.js';
import { listHeading, nextPageItem, showNextPage } from './paging.js';
import { nextTimelineEntries, timelineRows } from './timeline.js';
import { documentSupports, narrowSupports, nextSupports, showCitation } from './supports.js';
import { drawWay, setEnd, showOtherPaths } from './connection.js';
import { setAsOf } from './controls.js';

// The details panel: the entity or relationship selected, an entity's relationships and what narrows them.

// What the selected entity's list of relationships is narrowed to: one type, or one kind of entity at the other end.
// A new selection lists them all again.
let listFilter = { types: null, otherKinds: null };

/** Shows the details of an entity, or of a relationship (a link clicked in the drawing or in a list), in the panel. */
export async function select(id) {
  state.selected = id;
  remember();
  cy.elements().unselect();
  cy.getElementById(id).select();
  const generation = ++latest.selecting;
  listFilter = { types: null, otherKinds: null };
  const { node } = await gql(DETAILS, { id, asOf: state.asOf });
  if (generation !== latest.selecting) return;
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
      ${relationshipLink(e.relationship)} ${e.direction === 'OUT' ? '→' : '←'} ${entityLink(e.node)}
      <div>${escapeHtml(e.relationship.description)}</div>
      <div class="when">${escapeHtml(when(e.relationship.validTime))}</div>
      <div class="source">${sourcesOf(e.relationship)}</div>
    </li>`).join('');
  return rows + nextPageItem('more', connection, shown);
}

function entityDetails(entity) {
  const relationships = entity.relationships;
  // A source document is linked by what it supports, not by relationships of its own: it lists those instead.
  const linked = relationships.totalCount > 0 || !entity.supports;
  return `
    <h2 id="entity-name">${escapeHtml(entity.name)}</h2>
    <div class="kind">${escapeHtml(entity.kind)}</div>
    <p>${escapeHtml(entity.description)}</p>
    ${linked ? `<div class="actions">
      <button type="button" data-action="expand">Expand neighbours</button>
      <button type="button" data-action="from">Connect from here</button>
      <button type="button" data-action="to">Connect to here</button>
    </div>` : ''}
    ${facts(entity)}
    ${linked ? `<h3 id="relationships-heading" data-total="${relationships.totalCount}">${listHeading('Relationships', relationships.totalCount)}</h3>
    ${relationshipFilters(entity)}
    <ul class="relationships">${relationshipRows(relationships, relationships.edges.length)}</ul>` : ''}
    ${entity.timeline.length ? `<h3>Timeline</h3><ol class="timeline">${timelineRows(entity.timeline)}</ol>` : ''}
    ${entity.supports ? documentSupports(entity) : ''}`;
}

/**
 * The counts of an entity's relationships by type and of its neighbours by kind, each a button that narrows the list
 * below to that type or to the relationships with that kind at the other end (a hub has hundreds of relationships).
 */
function relationshipFilters(entity) {
  if (entity.relationships.totalCount <= 1) return '';
  const chip = (attribute, value, label, count, title) => `<button type="button" data-action="filter"
    data-${attribute}="${escapeHtml(value)}" aria-pressed="false" title="${escapeHtml(title)}">${label} <b>${count}</b></button>`;
  return `<div class="filters relationship-filters">
      <div role="group" aria-label="Relationships by type">${entity.relationshipCounts.map((c) => chip('filter-type', c.type,
        `<span class="type">${escapeHtml(c.type)}</span>`, c.count, `Only the ${c.count} ${c.type} relationships`)).join('')}</div>
      <div role="group" aria-label="Neighbours by kind">${entity.neighborCounts.map((c) => chip('filter-kind', c.kind,
        escapeHtml(c.kind.toLowerCase()), c.count, `Only the relationships with the ${c.count} neighbours of this kind`)).join('')}</div>
    </div>`;
}

/** Narrows the list of relationships to a type or a kind of neighbour, or, clicked again, lists them all again. */
async function filterRelationships(button) {
  const pressed = button.getAttribute('aria-pressed') === 'true';
  const { filterType, filterKind } = button.dataset;
  listFilter = pressed ? { types: null, otherKinds: null } : { types: filterType ? [filterType] : null, otherKinds: filterKind ? [filterKind] : null };
  const generation = latest.selecting;
  const list = await relationshipsPage(null);
  if (generation !== latest.selecting || !list) return;
  document.querySelectorAll('#panel .relationship-filters button').forEach((chip) => chip.setAttribute('aria-pressed', String(chip === button && !pressed)));
  const total = Number($('relationships-heading').dataset.total);
  $('relationships-heading').textContent = listHeading('Relationships', total, list.totalCount);
  $('panel').querySelector('ul.relationships').innerHTML = relationshipRows(list, list.edges.length);
}

function relationshipDetails(relationship) {
  const end = (entity) => `${entityLink(entity)} <span class="kind">${escapeHtml(entity.kind)}</span>`;
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
    else if (action === 'more-timeline') await showNextPage(target, nextTimelineEntries);
    else if (action === 'as-of') await setAsOf(target.dataset.date);
    else if (action === 'from' || action === 'to') await setEnd(action, state.selected);
    else if (action === 'other-paths') await showOtherPaths();
    else if (action === 'draw-path') drawWay(Number(target.dataset.path));
  } catch (error) { status(error.message); }
});

$('panel').addEventListener('change', (event) => {
  if (event.target.id !== 'paragraph') return;
  narrowSupports(event.target.value ? Number(event.target.value) : null).catch((error) => status(error.message));
});

/** A page of the selected entity's relationships, narrowed as the list is: the first (after null) or the next. */
async function relationshipsPage(after) {
  const { entity } = await gql(MORE_RELATIONSHIPS, { id: state.selected, asOf: state.asOf, after, ...listFilter });
  return entity?.relationships ?? null;
}

async function nextRelationships(after, list) {
  const page = await relationshipsPage(after);
  return page && relationshipRows(page, list.querySelectorAll('li:not(.more)').length + page.edges.length);
}
