import { state } from './common.js';

// The view (the centres drawn, how deep, the kinds and types hidden, what is selected, the date, the two ends of a
// connection and which way between them is drawn) is kept in the address's fragment, so it can be bookmarked, shared
// and opened again; each entity shown is a new entry in the browser's history, so Back returns to the one shown before.

export function viewAddress() {
  const view = new URLSearchParams();
  state.centres.forEach((id) => view.append('centre', id));
  for (const key of ['selected', 'asOf', 'from', 'to']) if (state[key]) view.set(key, state[key]);
  if (state.way) view.set('way', String(state.way));
  if (state.depth !== 1) view.set('depth', String(state.depth));
  state.hiddenKinds.forEach((kind) => view.append('hide', kind));
  state.hiddenTypes.forEach((type) => view.append('hideType', type));
  return `#${view}`;
}

export function remember({ newEntry = false } = {}) {
  const address = viewAddress();
  if (address === (location.hash || '#')) return;
  if (newEntry) history.pushState(null, '', address);
  else history.replaceState(null, '', address);
}
