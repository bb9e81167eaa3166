import { escapeHtml, gql, state } from './common.js';
import { MORE_TIMELINE, TIMELINE_PAGE } from './queries.js';
import { entityLink, relationshipLink } from './links.js';

// An entity's timeline in the panel: its dated relationships in date order, whatever the date set.

/**
 * A page of an entity's timeline: each entry's date is a button that shows the graph as of that date (its first day:
 * a relationship dated 2013 holds from 1 January), then the relationship's type and its other end.
 */
export function timelineRows(entries) {
  const page = entries.slice(0, TIMELINE_PAGE);
  const rows = page.map((t) => `
    <li>
      <button type="button" class="date" data-action="as-of" data-date="${escapeHtml(t.date.earliest)}"
        title="Show the graph as of ${escapeHtml(t.date.earliest)}"${t.date.earliest === state.asOf ? ' aria-pressed="true"' : ''}>${escapeHtml(t.date.text)}</button>
      <span>${relationshipLink(t.relationship)} ${t.direction === 'OUT' ? '→' : '←'} ${entityLink(t.node)}</span>
    </li>`).join('');
  return entries.length > TIMELINE_PAGE
    ? `${rows}<li class="more"><button type="button" data-action="more-timeline" data-after="${escapeHtml(page.at(-1).cursor)}">Show later entries</button></li>`
    : rows;
}

export async function nextTimelineEntries(after) {
  const { entity } = await gql(MORE_TIMELINE, { id: state.selected, after });
  return entity ? timelineRows(entity.timeline) : null;
}
