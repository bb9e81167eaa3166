// What every part of the explorer shares: the view's state, the page's elements, the GraphQL client and the
// formatting of text and dates.

export const KIND_COLORS = {
  COUNTRY: '#d9534f', PERSON: '#f0ad4e', ORGANIZATION: '#5bc0de', AGREEMENT: '#5cb85c', PROJECT: '#8e44ad',
  EVENT: '#e67e22', TOPIC: '#2c7be5', PLACE: '#16a085', DOCUMENT: '#7f8c8d',
};

export const state = { centres: [], selected: null, from: null, to: null, way: 0, asOf: null, depth: 1, hiddenKinds: [], hiddenTypes: [] };
export const $ = (id) => document.getElementById(id);
export const EMPTY_PANEL = $('panel').innerHTML;
// Bumped by each new drawing (and the panel by each new selection), and by each view read from the address: an
// answer that comes back after a newer one was asked for is dropped, so a slow answer cannot redraw over Back.
export const latest = { drawing: 0, selecting: 0 };

// Every relationship type, asked for once, the first time a type is hidden: the neighbourhood takes the types to follow.
// A failed answer is not kept, so the next time asks again.
let relationshipTypes = null;
export const allRelationshipTypes = () => (relationshipTypes ??= gql('{ relationshipTypes { type } }')
  .then((data) => data.relationshipTypes.map((t) => t.type))
  .catch((error) => { relationshipTypes = null; throw error; }));

// An answer of 503 (the graph still loading, or the service too busy) or 429 (this client asking too fast) names in
// Retry-After when to ask again: the page waits that long, a few seconds at most each time and about a minute in all,
// rather than show an error the user can do nothing about but wait.
const RETRIES = 15;
const LONGEST_WAIT_SECONDS = 4;

export async function gql(query, variables = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const named = Number(response.headers.get('Retry-After'));
    if ((response.status === 503 || response.status === 429) && named > 0 && attempt < RETRIES) {
      const seconds = Math.min(named, LONGEST_WAIT_SECONDS);
      const waiting = `The service ${response.status === 503 ? 'is not ready' : 'asks this page to slow down'}; asking again in ${seconds} s.`;
      status(waiting);
      await new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });
      if ($('status').textContent === waiting) status('');
      continue;
    }

    // An answer that is not GraphQL's JSON (a proxy's error page, say) is reported by its status, not as a parse error.
    const body = await response.json().catch(() => null);
    if (!body) throw new Error(`The service answered ${response.status} ${response.statusText}`.trim() + '.');
    if (body.errors) throw new Error(body.errors.map((e) => `${e.message} (${e.extensions?.code})`).join('; '));
    return body.data;
  }
}

export function status(text) { $('status').textContent = text; }

export const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function when(validTime) {
  if (!validTime?.start && !validTime?.end) return '';
  if (validTime.pointInTime) return validTime.start.text;
  return `${validTime.start?.text ?? '…'} – ${validTime.end?.text ?? 'now'}`;
}

/** The relationship types not hidden, to follow; null, which asks for every type, when none is hidden. */
export async function shownTypes() {
  return state.hiddenTypes.length ? (await allRelationshipTypes()).filter((type) => !state.hiddenTypes.includes(type)) : null;
}
