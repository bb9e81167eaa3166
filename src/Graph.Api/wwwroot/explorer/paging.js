import { latest } from './common.js';

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
