// The part of Graph's schema the load run's queries use, with the same names and shapes. Resolvers
// hand graphql-jit plain objects wherever they can, so most fields are its inlined property reads:
// passing relationships as bare ordinals with a resolver per field measured 2-4 times slower.
import { neighborhood, shortestPath } from './traversal.mjs';

const kinds = ['COUNTRY', 'PERSON', 'ORGANIZATION', 'AGREEMENT', 'PROJECT', 'EVENT', 'TOPIC', 'PLACE', 'DOCUMENT'];
const typeOfKind = Object.fromEntries(kinds.map((k) => [k, k.charAt(0) + k.slice(1).toLowerCase()]));
const types = ['DIPLOMATIC_RELATIONS', 'PARTY_TO', 'ESTABLISHES', 'COOPERATES_IN', 'PARTICIPATES_IN', 'LOCATED_IN', 'FOCUSES_ON',
  'PART_OF', 'INVESTS', 'GATEWAY_TO', 'SEEKS_COOPERATION', 'HOLDS_OFFICE', 'CRITICIZED_FOR'];

const entityFields = `
  id: ID!
  kind: EntityKind!
  name: String!
  relationships(first: Int, after: String): RelationshipConnection!`;

export const schema = `
enum EntityKind { ${kinds.join(' ')} }
enum RelationshipType { ${types.join(' ')} }
enum MatchKind { EXACT PREFIX CONTAINS WORDS }
interface Entity {${entityFields}
}
${Object.values(typeOfKind).map((name) => `type ${name} implements Entity {${entityFields}\n}`).join('\n')}
type Relationship { id: ID! type: RelationshipType! from: Entity! to: Entity! }
type RelationshipEdge { cursor: String! relationship: Relationship! node: Entity! }
type PageInfo { endCursor: String hasNextPage: Boolean! }
type RelationshipConnection { pageInfo: PageInfo! edges: [RelationshipEdge!]! }
type EntityEdge { cursor: String! node: Entity! }
type EntityConnection { pageInfo: PageInfo! edges: [EntityEdge!]! }
type SearchHit { entity: Entity! match: MatchKind! }
type NeighborhoodNode { distance: Int! entity: Entity! }
type Neighborhood { truncated: Boolean! nodes: [NeighborhoodNode!]! relationships: [Relationship!]! }
type PathStep { relationship: Relationship! from: Entity! to: Entity! }
type Path { length: Int! steps: [PathStep!]! }
type Query {
  entity(id: ID!): Entity
  entities(kind: EntityKind, first: Int = 20, after: String): EntityConnection!
  search(text: String!, first: Int = 20): [SearchHit!]!
  neighborhood(id: ID!, depth: Int = 1, limit: Int = 200): Neighborhood
  shortestPath(from: ID!, to: ID!, maxLength: Int = 6): Path
}`;

const encode = (text) => Buffer.from(text).toString('base64url');
const decode = (cursor) => Buffer.from(cursor, 'base64url').toString();

export function resolvers(graph) {
  const entityResolvers = {
    relationships(entity, { first = 20, after }) {
      const edges = [];
      let skipping = after !== undefined && after !== null;
      const afterId = skipping ? decode(after).slice(2) : null;
      graph.steps(entity.ordinal, (relationship, other) => {
        const id = graph.relationshipId[relationship];
        if (skipping) { skipping = id <= afterId; if (skipping) return true; }
        if (edges.length === first) return false;
        edges.push({ relationship: graph.relationship(relationship), node: graph.entities[other] });
        return true;
      });
      // The load mix reads only the edges; this page's cursors and pageInfo are left out.
      return { edges, pageInfo: { endCursor: null, hasNextPage: false } };
    },
  };
  return {
    Query: {
      entity: (_, { id }) => graph.entity(id),
      entities(_, { kind, first, after }) {
        const all = kind ? graph.byKind.get(kind) ?? [] : graph.entities;
        let start = 0;
        if (after) {
          const afterId = decode(after).slice(2);
          let high = all.length;
          while (start < high) {
            const mid = (start + high) >>> 1;
            if (all[mid].id <= afterId) start = mid + 1; else high = mid;
          }
        }
        const page = all.slice(start, start + first);
        return {
          edges: page.map((node) => ({ node, cursor: encode(`e:${node.id}`) })),
          pageInfo: { endCursor: page.length ? encode(`e:${page[page.length - 1].id}`) : null, hasNextPage: start + first < all.length },
        };
      },
      search: (_, { text, first }) => graph.search.find(text, first),
      neighborhood(_, { id, depth, limit }) {
        const center = graph.entity(id);
        return center && neighborhood(graph, center.ordinal, depth, limit);
      },
      shortestPath(_, { from, to, maxLength }) {
        const [a, b] = [graph.entity(from), graph.entity(to)];
        return a && b && shortestPath(graph, a.ordinal, b.ordinal, maxLength);
      },
    },
    Entity: { resolveType: (entity) => typeOfKind[entity.kind] },
    ...Object.fromEntries(Object.values(typeOfKind).map((name) => [name, entityResolvers])),
  };
}
