// What the explorer asks of the GraphQL endpoint, every document in one place: the fragments a list's rows share
// are written once, and no part of the page builds a query from pieces at run time.

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int!, $asOf: Date, $kinds: [EntityKind!], $types: [RelationshipType!]) {
  neighborhood(id: $id, depth: $depth, limit: 150, asOf: $asOf, kinds: $kinds, types: $types) {
    truncated
    nodes { entity { id name kind } }
    relationships { id type from { id } to { id } }
  }
}`;

// An entity's relationships are listed a page at a time: a hub of a large graph has hundreds.
export const RELATIONSHIPS_PAGE = 10;
const RELATIONSHIP_ROWS = `fragment RelationshipRows on RelationshipConnection {
  totalCount
  pageInfo { endCursor hasNextPage }
  edges {
    direction
    node { id name kind }
    relationship { id type description validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

// An entity's dated relationships in date order, whatever the date set: each date is a way to travel to it. One entry
// more than is shown is asked for, to know whether there is a next page (a timeline is a list, not a connection).
export const TIMELINE_PAGE = 10;
const TIMELINE_ROWS = `fragment TimelineRows on TimelineEntry {
  cursor
  date { text earliest }
  direction
  node { id name }
  relationship { id type }
}`;

export const MORE_TIMELINE = `query MoreTimeline($id: ID!, $after: String!) {
  entity(id: $id) { timeline(first: ${TIMELINE_PAGE + 1}, after: $after) { ...TimelineRows } }
}
${TIMELINE_ROWS}`;

// The relationships a source document supports, a page at a time, all of them or those citing one paragraph.
const SUPPORT_ROWS = `fragment SupportRows on CitedRelationshipConnection {
  totalCount
  pageInfo { endCursor hasNextPage }
  edges {
    node { id type description from { id name } to { id name } validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

export const MORE_SUPPORTS = `query MoreSupports($id: ID!, $asOf: Date, $after: String, $paragraph: Int) {
  entity(id: $id) { ... on Document { supports(first: ${RELATIONSHIPS_PAGE}, after: $after, asOf: $asOf, paragraph: $paragraph) { ...SupportRows } } }
}
${SUPPORT_ROWS}`;

// Ids are unique across entities and relationships, so one selection, and one query, serves both.
export const DETAILS = `query Details($id: ID!, $asOf: Date) {
  node(id: $id) {
    __typename
    ... on Entity {
      id name kind description aliases
      properties { key value }
      validTime { start { text } end { text } pointInTime }
      relationships(first: ${RELATIONSHIPS_PAGE}, asOf: $asOf) { ...RelationshipRows }
      relationshipCounts(asOf: $asOf) { type count }
      neighborCounts(asOf: $asOf) { kind count }
      timeline(first: ${TIMELINE_PAGE + 1}) { ...TimelineRows }
    }
    ... on Document {
      paragraphCount
      supports(first: ${RELATIONSHIPS_PAGE}, asOf: $asOf) { ...SupportRows }
    }
    ... on Relationship {
      id type
      # An entity's description is never null and a relationship's may be: under one name the two would clash.
      about: description
      validTime { start { text } end { text } pointInTime }
      properties { key value }
      sources { paragraph document { id name } }
      from { id name kind }
      to { id name kind }
    }
  }
}
${RELATIONSHIP_ROWS}
${TIMELINE_ROWS}
${SUPPORT_ROWS}`;

// A page of the selected entity's relationships, the first (no cursor) or a later one, of one type or with one kind of
// entity at the other end when the list is narrowed to it.
export const MORE_RELATIONSHIPS = `query MoreRelationships($id: ID!, $asOf: Date, $after: String, $types: [RelationshipType!], $otherKinds: [EntityKind!]) {
  entity(id: $id) {
    relationships(first: ${RELATIONSHIPS_PAGE}, after: $after, asOf: $asOf, types: $types, otherKinds: $otherKinds) { ...RelationshipRows }
  }
}
${RELATIONSHIP_ROWS}`;

const PATH_STEPS = `fragment PathSteps on Path {
  length
  steps {
    direction
    from { id name kind }
    to { id name kind }
    relationship { id type description from { id } to { id } validTime { start { text } end { text } pointInTime } sources { paragraph document { id name } } }
  }
}`;

// A connection follows only the types shown, as the drawing does; it passes through entities of any kind, since the
// shortest path cannot be asked to avoid kinds, and the other ways then go where it goes.
export const SHORTEST_PATH = `query Connect($from: ID!, $to: ID!, $asOf: Date, $types: [RelationshipType!]) {
  shortestPath(from: $from, to: $to, asOf: $asOf, types: $types) { ...PathSteps }
}
${PATH_STEPS}`;

// Other ways between the two ends, asked for only when the user wants them: simple paths up to two steps longer than
// the shortest (and no longer than it may be), shortest first.
const OTHER_WAYS = 8;
export const OTHER_PATHS = `query OtherPaths($from: ID!, $to: ID!, $asOf: Date, $types: [RelationshipType!], $maxLength: Int!) {
  paths(from: $from, to: $to, asOf: $asOf, types: $types, maxLength: $maxLength, first: ${OTHER_WAYS}) { hasMore truncated paths { ...PathSteps } }
}
${PATH_STEPS}`;
export const SEARCH = `query Suggest($text: String!) { search(text: $text, first: 8) { matchedName match entity { id name kind } } }`;
