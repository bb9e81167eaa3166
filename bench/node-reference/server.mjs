// A tuned Node GraphQL server (fastify + mercurius with graphql-jit) over the same seed file and
// queries as Graph, for a side-by-side load run on the same machine. Not part of the product.
// Usage: node server.mjs <seed.json> [port] [workers]; listens on 127.0.0.1 and logs when it is ready.
// With workers > 1 it forks that many processes (node:cluster), each holding its own copy of the graph.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { SeedGraph } from './graph.mjs';
import { schema, resolvers } from './schema.mjs';

const [file, port = '5097', workers = '1'] = process.argv.slice(2);
if (cluster.isPrimary && Number(workers) > 1) {
  for (let i = 0; i < Number(workers); i++) cluster.fork();
} else {
  await serve();
}

async function serve() {
  const started = performance.now();
  let graph = new SeedGraph(JSON.parse(readFileSync(file, 'utf8')));
  const app = Fastify({ logger: false });
  // jit: 1 compiles a query with graphql-jit from its first use on; mercurius caches parsed and validated documents.
  app.register(mercurius, { schema, resolvers: resolvers(graph), jit: 1, path: '/graphql' });
  graph = null;
  await app.listen({ host: '127.0.0.1', port: Number(port) });
  globalThis.gc?.();
  const rss = Math.round(process.memoryUsage().rss / 1048576);
  console.log(`ready after ${((performance.now() - started) / 1000).toFixed(1)} s, RSS ${rss} MiB`);
}
