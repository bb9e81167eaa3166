// Apollo Client's persisted-query link and urql's persistedExchange, each over POST and over GET, asking
// the service at the given address for three entities with one query; prints, as JSON, each run's requests
// (method, whether they carried the text, the status answered) and the names it got back.
// Usage: node persisted-queries.mjs <graphql url> <a word that makes this run's queries new>
import { ApolloClient, InMemoryCache, HttpLink, gql as apolloGql } from "@apollo/client/core/index.js";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries/index.js";
import { Client, fetchExchange, gql as urqlGql } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import { createHash } from "node:crypto";

const [url, run] = process.argv.slice(2);
const sha256 = text => createHash("sha256").update(text).digest("hex");
const ids = ["belarus", "china", "belarus"];

/** A fetch that notes each request before handing it on. */
function noting(requests) {
  return async (input, init) => {
    const target = String(input);
    const body = init?.body ? JSON.parse(init.body) : null;
    const withText = body ? typeof body.query === "string" : new URL(target).searchParams.has("query");
    const response = await fetch(input, init);
    requests.push({ method: init?.method ?? "GET", withText, status: response.status });
    return response;
  };
}

async function apollo(useGet) {
  const requests = [];
  const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: useGet })
    .concat(new HttpLink({ uri: url, fetch: noting(requests) }));
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const query = apolloGql(`query Apollo${useGet ? "Get" : "Post"}${run}($id: ID!) { entity(id: $id) { id name } }`);
  const names = [];
  for (const id of ids) {
    try {
      names.push((await client.query({ query, variables: { id }, fetchPolicy: "network-only" })).data.entity.name);
    } catch (error) {
      names.push(`error: ${error.message}`);
    }
  }
  return { client: "apollo", get: useGet, requests, names };
}

async function urql(useGet) {
  const requests = [];
  const client = new Client({
    url, fetch: noting(requests), requestPolicy: "network-only",
    exchanges: [persistedExchange({ preferGetForPersistedQueries: useGet, generateHash: async text => sha256(text) }), fetchExchange],
  });
  const query = urqlGql(`query Urql${useGet ? "Get" : "Post"}${run}($id: ID!) { entity(id: $id) { id name } }`);
  const names = [];
  for (const id of ids) {
    const result = await client.query(query, { id }).toPromise();
    names.push(result.error ? `error: ${result.error.message}` : result.data.entity.name);
  }
  return { client: "urql", get: useGet, requests, names };
}

const runs = [];
for (const useGet of [false, true]) {
  runs.push(await apollo(useGet));
  runs.push(await urql(useGet));
}
console.log(JSON.stringify(runs));
