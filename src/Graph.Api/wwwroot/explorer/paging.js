import { escapeHtml, latest, state } from './common.js';
import { RELATIONSHIPS_PAGE } from './queries.js';

// The panel's lists come a page at a time; a button at a list's end asks for the next page, which takes its place.

/** A list's heading with its count: all of it ("Supports (17)"), or how many of them are listed when it is narrowed. */
export function listHeading(label, total, listed = total) {
  return `${label} (${listed === total ? total : `${listed} of ${total}`}${state.asOf ? ` as of ${state.asOf}` : ''})`;
}

/** The button for the page after <shown> items of a connection, as the list's last item; nothing at the list's end. */
export function nextPageItem(action, connection, shown) {
  if (!connection.pageInfo.hasNextPage) return '';
  const left = connection.totalCount - shown;
  return `<li class="more"><button type="button" data-action="${action}" data-after="${escapeHtml(connection.pageInfo.endCursor)}">Show ${
    Math.min(left, RELATIONSHIPS_PAGE)} more of ${left}</button></li>`;
}

/** The next page of one of the selected entity's lists, in place of the button that asked for it. */
export async function showNextPage(button, nextRows) {
  button.disabled = true;
  const generation = latest.selecting;
  let rows;
  try {
    rows = await nextRows(button.dataset.after, button.closest('ul, ol'));
  } finally {
    // Asked again after a failure; replaced below after a success.
    button.disabled = false;
  }
  if (generation !== latest.selecting || rows === null) return;
  button.closest('li').outerHTML = rows;
}
