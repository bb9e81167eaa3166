// The reference server's graph: entities and relationships in id order (a position is an ordinal),
// adjacency as flat rows of ordinals, and the same traversal, search and paging rules as Graph's own
// index, so both servers give the same answer to the load run's queries (compare.mjs checks that).
import { SearchNames } from './search.mjs';

const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class SeedGraph {
  constructor(seed) {
    this.entities = seed.entities
      .map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases ?? [], ordinal: 0 }))
      .sort(byId);
    this.entities.forEach((e, i) => { e.ordinal = i; });
    const ordinalOf = new Map(this.entities.map((e) => [e.id, e.ordinal]));
    this.ordinalOf = ordinalOf;

    const relationships = seed.relationships.slice().sort(byId);
    const count = relationships.length;
    this.relationshipId = new Array(count);
    this.relationshipType = new Array(count);
    this.from = new Int32Array(count);
    this.to = new Int32Array(count);
    relationships.forEach((r, i) => {
      this.relationshipId[i] = r.id;
      this.relationshipType[i] = r.type;
      this.from[i] = ordinalOf.get(r.from);
      this.to[i] = ordinalOf.get(r.to);
    });
    [this.outStart, this.outRelationship, this.outOther] = rows(this.entities.length, this.from, this.to);
    [this.inStart, this.inRelationship, this.inOther] = rows(this.entities.length, this.to, this.from);

    this.byKind = new Map();
    for (const entity of this.entities) {
      if (!this.byKind.has(entity.kind)) this.byKind.set(entity.kind, []);
      this.byKind.get(entity.kind).push(entity);
    }

    this.search = new SearchNames(this.entities);
    // Per-entity marks for the traversals, cleared after each use by the entities they touched.
    this.side = new Int8Array(this.entities.length);
    this.stepTo = new Int32Array(this.entities.length);
    this.previous = new Int32Array(this.entities.length);
  }

  entity(id) {
    const ordinal = this.ordinalOf.get(id);
    return ordinal === undefined ? null : this.entities[ordinal];
  }

  // A relationship as the object GraphQL reads: built per answer, not kept for all million.
  relationship(ordinal) {
    return { id: this.relationshipId[ordinal], type: this.relationshipType[ordinal], from: this.entities[this.from[ordinal]], to: this.entities[this.to[ordinal]] };
  }

  // Calls visit(relationship, other) for each relationship of the entity, both directions merged in
  // relationship order, a self-loop once; stops early when visit returns false.
  steps(entity, visit) {
    let o = this.outStart[entity];
    const oEnd = this.outStart[entity + 1];
    let i = this.inStart[entity];
    const iEnd = this.inStart[entity + 1];
    while (o < oEnd || i < iEnd) {
      let relationship, other;
      if (i >= iEnd || (o < oEnd && this.outRelationship[o] <= this.inRelationship[i])) {
        relationship = this.outRelationship[o];
        other = this.outOther[o++];
        if (i < iEnd && this.inRelationship[i] === relationship) i++;
      } else {
        relationship = this.inRelationship[i];
        other = this.inOther[i++];
      }
      if (visit(relationship, other) === false) return;
    }
  }
}

function rows(entityCount, start, other) {
  const rowStart = new Int32Array(entityCount + 1);
  for (let r = 0; r < start.length; r++) rowStart[start[r] + 1]++;
  for (let e = 1; e <= entityCount; e++) rowStart[e] += rowStart[e - 1];
  const next = rowStart.slice(0, entityCount);
  const relationship = new Int32Array(start.length);
  const others = new Int32Array(start.length);
  for (let r = 0; r < start.length; r++) {
    const at = next[start[r]]++;
    relationship[at] = r;
    others[at] = other[r];
  }
  return [rowStart, relationship, others];
}
