// Neighbourhood and shortest path with Graph's rules and its default caps (10,000 entities visited,
// 200,000 relationships scanned).
const maxVisited = 10_000;
const maxScanned = 200_000;

export function neighborhood(graph, center, depth, limit) {
  const kept = graph.side;
  kept[center] = 1;
  const order = [center];
  const distances = [0];
  let truncated = false;
  let visited = 0;
  let scanned = 0;
  let levelStart = 0;
  for (let level = 1; level <= depth && levelStart < order.length && !truncated; level++) {
    const levelEnd = order.length;
    for (let f = levelStart; f < levelEnd && !truncated; f++) {
      graph.steps(order[f], (relationship, other) => {
        if (kept[other]) return true;
        if (order.length >= limit || ++visited > maxVisited || ++scanned > maxScanned) { truncated = true; return false; }
        kept[other] = 1;
        order.push(other);
        distances.push(level);
        return true;
      });
    }
    levelStart = levelEnd;
  }

  const relationships = [];
  for (const entity of order) {
    const start = graph.outStart[entity];
    const end = graph.outStart[entity + 1];
    scanned += end - start;
    if (scanned > maxScanned) { truncated = true; break; }
    for (let p = start; p < end; p++) {
      if (kept[graph.outOther[p]]) relationships.push(graph.relationship(graph.outRelationship[p]));
    }
  }

  for (const entity of order) kept[entity] = 0;
  const nodes = order.map((entity, i) => ({ distance: distances[i], entity: graph.entities[entity] }));
  return { truncated, nodes, relationships };
}

const forward = 1;
const backward = 2;

// Bidirectional breadth-first search growing the smaller frontier; null when there is no path.
export function shortestPath(graph, from, to, maxLength) {
  if (from === to) return { length: 0, steps: [] };
  const { side, stepTo, previous } = graph;
  const touched = [from, to];
  side[from] = forward; stepTo[from] = -1;
  side[to] = backward; stepTo[to] = -1;
  let forwardFrontier = [from];
  let backwardFrontier = [to];
  let depths = 0;
  let visited = 0;
  let scanned = 0;
  let path = null;
  try {
    while (forwardFrontier.length > 0 && backwardFrontier.length > 0 && depths < maxLength && path === null) {
      const growForward = forwardFrontier.length <= backwardFrontier.length;
      const frontier = growForward ? forwardFrontier : backwardFrontier;
      const mySide = growForward ? forward : backward;
      const next = [];
      for (const entity of frontier) {
        graph.steps(entity, (relationship, other) => {
          if (++scanned > maxScanned) { path = undefined; return false; }
          const reached = side[other];
          if (reached === mySide) return true;
          if (reached !== 0) {
            path = growForward ? join(graph, entity, relationship, other) : join(graph, other, relationship, entity);
            return false;
          }
          if (++visited > maxVisited) { path = undefined; return false; }
          side[other] = mySide; stepTo[other] = relationship; previous[other] = entity;
          touched.push(other);
          next.push(other);
          return true;
        });
        if (path !== null) break;
      }
      if (growForward) forwardFrontier = next; else backwardFrontier = next;
      depths++;
    }
    return path ? { length: path.length, steps: path } : null;
  } finally {
    for (const entity of touched) side[entity] = 0;
  }
}

function join(graph, near, meeting, far) {
  const { stepTo, previous, entities } = graph;
  const steps = [];
  for (let entity = near; stepTo[entity] >= 0; entity = previous[entity]) {
    steps.push({ relationship: graph.relationship(stepTo[entity]), from: entities[previous[entity]], to: entities[entity] });
  }
  steps.reverse();
  steps.push({ relationship: graph.relationship(meeting), from: entities[near], to: entities[far] });
  for (let entity = far; stepTo[entity] >= 0; entity = previous[entity]) {
    steps.push({ relationship: graph.relationship(stepTo[entity]), from: entities[entity], to: entities[previous[entity]] });
  }
  return steps;
}
