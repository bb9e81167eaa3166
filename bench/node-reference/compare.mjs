// Checks that two servers give the same answer to each request body: node compare.mjs <port A> <port B> <body.json>...
// Exits 1 on the first difference, so a load run never compares servers doing different work.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const [portA, portB, ...bodies] = process.argv.slice(2);
const ask = async (port, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
};
let same = true;
for (const file of bodies) {
  const body = readFileSync(file, 'utf8');
  const [a, b] = await Promise.all([ask(portA, body), ask(portB, body)]);
  const equal = a.status === 200 && b.status === 200 && !a.json.errors && isDeepStrictEqual(a.json, b.json);
  console.log(`${equal ? 'same' : 'DIFFERENT'}  ${file} (${JSON.stringify(a.json).length} bytes)`);
  same &&= equal;
}
process.exit(same ? 0 : 1);
