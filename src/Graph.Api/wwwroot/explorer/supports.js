import { $, escapeHtml, gql, latest, state, when } from './common.js';
import { MORE_SUPPORTS } from './queries.js';
import { listHeading, nextPageItem } from './paging.js';
import { entityLink, relationshipLink, sourcesOf } from './links.js';
import { select } from './panel.js';

// A source document in the panel, and what it supports.

// The paragraph the selected document's list is narrowed to, or null for all of them; a new selection lists them all.
let supportsParagraph = null;

/**
 * What a source document supports, and a choice of its paragraphs that narrows the list to one: a list of choices
 * rather than a button each, since a long document has hundreds.
 */
export function documentSupports(source) {
  // A document newly shown lists all it supports.
  supportsParagraph = null;
  const paragraphs = Array.from({ length: source.paragraphCount ?? 0 }, (_, i) => i + 1);
  return `
    <h3 id="supports-heading" data-total="${source.supports.totalCount}">${listHeading('Supports', source.supports.totalCount)}</h3>
    <label class="paragraph">Supported by <select id="paragraph" aria-label="Only what this paragraph supports">
      <option value="">every paragraph</option>${paragraphs.map((p) => `<option value="${p}">paragraph ${p}</option>`).join('')}
    </select></label>
    <ul class="supports">${supportRows(source.supports, source.supports.edges.length)}</ul>`;
}

function supportRows(connection, shown) {
  const rows = connection.edges.map(({ node: r }) => `
    <li>
      ${relationshipLink(r)} ${entityLink(r.from)} → ${entityLink(r.to)}
      <div>${escapeHtml(r.description)}</div>
      <div class="when">${escapeHtml(when(r.validTime))}</div>
      <div class="source">${sourcesOf(r)}</div>
    </li>`).join('');
  return rows + nextPageItem('more-supports', connection, shown);
}

/** A page of what the selected document supports, narrowed as the list is: the first (after null) or the next. */
async function supportsPage(after) {
  const { entity } = await gql(MORE_SUPPORTS, { id: state.selected, asOf: state.asOf, after, paragraph: supportsParagraph });
  return entity?.supports ?? null;
}

export async function nextSupports(after, list) {
  const page = await supportsPage(after);
  return page && supportRows(page, list.querySelectorAll('li:not(.more)').length + page.edges.length);
}

/** Narrows the document's list to what one paragraph supports, or, with none (null), lists all it supports. */
export async function narrowSupports(paragraph) {
  supportsParagraph = paragraph;
  $('paragraph').value = paragraph ?? '';
  const generation = latest.selecting;
  const list = await supportsPage(null);
  if (generation !== latest.selecting || !list) return;
  $('supports-heading').textContent = listHeading('Supports', Number($('supports-heading').dataset.total), list.totalCount);
  $('panel').querySelector('ul.supports').innerHTML = supportRows(list, list.edges.length);
}

/** A citation followed: its document in the panel (the drawing stays as it is), narrowed to the paragraph cited. */
export async function showCitation(documentId, paragraph) {
  await select(documentId);
  if (state.selected === documentId && $('supports-heading')) await narrowSupports(paragraph);
}
