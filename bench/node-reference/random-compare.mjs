// Random queries of the load mix's fields, asked of two servers over the same graph; their answers must
// be equal. The fixed mix (compare.mjs) checks six answers; this draws many, with the arguments varied
// (centres, depths and caps of neighbourhoods, pairs and lengths of paths, search texts, page sizes and
// cursors), so two independent implementations of the same rules check each other where the mix does not.
// Usage: node random-compare.mjs <port A> <port B> <seed.json> [count] [seed]
// Prints each difference (the first ten in full) and a summary; exits 1 if any answer differs.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const [portA, portB, file, count = '500', seed = '1'] = process.argv.slice(2);
const { entities } = JSON.parse(readFileSync(file, 'utf8'));
const kinds = [...new Set(entities.map((e) => e.kind))];

// A small deterministic generator (mulberry32), so a run can be repeated.
let state = Number(seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (items) => items[between(0, items.length - 1)];
// Skewed towards the first entities of each kind, which the generator makes hubs, and otherwise any.
const anyEntity = () => (random() < 0.3 ? entities[between(0, Math.min(entities.length - 1, 500))] : pick(entities));
const cursor = (id) => Buffer.from(`e:${id}`).toString('base64url');
// A name's words in another order, some cut short, for matches by words.
const wordsShuffled = (name) => {
  const words = name.split(/\s+/).map((word) => (random() < 0.3 ? word.slice(0, between(1, word.length)) : word));
  for (let i = words.length - 1; i > 0; i--) {
    const j = between(0, i);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
};

const draws = [
  () => ({
    query: 'query N($id: ID!, $d: Int, $l: Int) { neighborhood(id: $id, depth: $d, limit: $l) { truncated nodes { distance entity { id name kind } } relationships { id type from { id } to { id } } } }',
    variables: { id: anyEntity().id, d: between(1, 3), l: pick([1, 2, 5, 20, 200, between(1, 500)]) },
  }),
  () => ({
    query: 'query P($a: ID!, $b: ID!, $m: Int) { shortestPath(from: $a, to: $b, maxLength: $m) { length steps { relationship { id type } from { id } to { id name } } } }',
    variables: { a: anyEntity().id, b: anyEntity().id, m: between(1, 6) },
  }),
  () => {
    const name = pick(entities).name.toLowerCase();
    const start = between(0, Math.max(0, name.length - 3));
    const way = random();
    const text = way < 0.2 ? name : way < 0.45 ? wordsShuffled(name) : name.slice(start, start + between(3, 10));
    return { query: 'query S($t: String!, $f: Int) { search(text: $t, first: $f) { match entity { id name kind } } }', variables: { t: text, f: between(1, 40) } };
  },
  () => ({
    query: 'query L($k: EntityKind, $f: Int, $a: String) { entities(kind: $k, first: $f, after: $a) { pageInfo { endCursor hasNextPage } edges { cursor node { id name } } } }',
    variables: { k: random() < 0.2 ? null : pick(kinds), f: between(1, 60), a: random() < 0.2 ? null : cursor(pick(entities).id) },
  }),
  () => ({
    query: 'query E($id: ID!, $f: Int) { entity(id: $id) { id kind name relationships(first: $f) { edges { relationship { id type from { id } to { id } } node { id kind name } } } } }',
    variables: { id: random() < 0.05 ? 'no-such-entity' : anyEntity().id, f: between(0, 40) },
  }),
];

const ask = async (port, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
};

let differences = 0;
const asked = new Map();
for (let i = 0; i < Number(count); i++) {
  const which = between(0, draws.length - 1);
  const { query, variables } = draws[which]();
  const body = JSON.stringify({ query, variables });
  const [a, b] = await Promise.all([ask(portA, body), ask(portB, body)]);
  const field = query.match(/\{ (\w+)\(/)[1];
  asked.set(field, (asked.get(field) ?? 0) + 1);
  if (a.status === 200 && b.status === 200 && !a.json.errors && !b.json.errors && isDeepStrictEqual(a.json, b.json)) continue;
  differences++;
  if (differences <= 10) console.log(`DIFFERENT ${body}\n  A (${a.status}): ${JSON.stringify(a.json).slice(0, 1500)}\n  B (${b.status}): ${JSON.stringify(b.json).slice(0, 1500)}`);
}
console.log(`${Number(count)} random queries (${[...asked].map(([f, n]) => `${f} ${n}`).join(', ')}): ${differences} different`);
process.exit(differences === 0 ? 0 : 1);
