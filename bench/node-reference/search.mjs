// Name search with Graph's rules: text folded (accents dropped, case folded, punctuation to single
// spaces, apostrophes joining); exact, then prefix, then contains, then every word in any order;
// shorter names first, then entity order; one hit per entity. Prefixes are a binary search over the
// sorted names, "contains" checks only the names holding every three-letter run of the text: the
// rarest run's list, filtered by the other runs. A run held by at least one name in 64 is also kept as a bit set (one bit per name),
// so checking it is one array read; a rarer run's list is walked with a cursor, since the candidates
// come in ascending order.
const rank = { EXACT: 0, PREFIX: 1, CONTAINS: 2 };

export function fold(text) {
  const decomposed = text.normalize('NFKD');
  let folded = '';
  let pendingSpace = false;
  for (const c of decomposed) {
    const code = c.charCodeAt(0);
    const ascii = code < 128;
    if (!ascii && /\p{M}/u.test(c)) continue;
    const letterOrDigit = ascii
      ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
      : /[\p{L}\p{Nd}]/u.test(c);
    if (letterOrDigit) {
      if (pendingSpace && folded.length > 0) folded += ' ';
      pendingSpace = false;
      folded += c.toLowerCase();
    } else {
      pendingSpace ||= !(c === "'" || c === '\u2019');
    }
  }
  return folded;
}

export class SearchNames {
  constructor(entities) {
    const names = [];
    for (const entity of entities) {
      for (const original of [entity.name, ...entity.aliases]) {
        const folded = fold(original);
        if (folded.length > 0) names.push({ folded, entity });
      }
    }
    names.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.entity.ordinal - b.entity.ordinal));
    this.names = names;

    const postings = new Map();
    names.forEach(({ folded }, i) => {
      for (let at = 0; at + 3 <= folded.length; at++) {
        const run = folded.substring(at, at + 3);
        let list = postings.get(run);
        if (list === undefined) postings.set(run, (list = []));
        if (list.length === 0 || list[list.length - 1] !== i) list.push(i);
      }
    });
    this.runs = new Map();
    for (const [run, list] of postings) {
      let bits = null;
      if (list.length * 64 >= names.length) {
        bits = new Uint32Array((names.length + 31) >>> 5);
        for (const i of list) bits[i >>> 5] |= 1 << (i & 31);
      }
      this.runs.set(run, { list: Int32Array.from(list), bits });
    }
  }

  find(text, first) {
    const query = fold(text);
    if (query.length === 0 || first <= 0) return [];
    const { names } = this;
    const candidates = [];
    const prefixEnd = this.lowerBound(query + '\uffff');
    for (let i = this.lowerBound(query); i < prefixEnd; i++) {
      candidates.push({ match: names[i].folded.length === query.length ? 'EXACT' : 'PREFIX', name: i });
    }

    if (candidates.length < first && query.length >= 3) {
      const runs = [];
      for (let at = 0; at + 3 <= query.length; at++) {
        const run = this.runs.get(query.substring(at, at + 3));
        if (run === undefined) { runs.length = 0; runs.push({ list: new Int32Array(0) }); break; }
        runs.push(run);
      }
      runs.sort((a, b) => a.list.length - b.list.length);
      const sets = runs.slice(1).filter((run) => run.bits !== null).map((run) => run.bits);
      const lists = runs.slice(1).filter((run) => run.bits === null).map((run) => run.list);
      const cursors = new Int32Array(lists.length);
      for (const i of runs[0].list) {
        if (!holdsAll(i, sets, lists, cursors)) continue;
        const folded = names[i].folded;
        if (!folded.startsWith(query) && folded.includes(query)) candidates.push({ match: 'CONTAINS', name: i });
      }
    }

    candidates.sort((a, b) => rank[a.match] - rank[b.match]
      || names[a.name].folded.length - names[b.name].folded.length
      || names[a.name].entity.ordinal - names[b.name].entity.ordinal
      || a.name - b.name);
    const hits = [];
    for (const { match, name } of candidates) {
      if (hits.length === first) break;
      const entity = names[name].entity;
      if (!hits.some((hit) => hit.entity === entity)) hits.push({ match, entity });
    }
    if (hits.length < first) this.addWordMatches(query, hits, first);
    return hits;
  }

  // A page left short gets the names holding every word of a text of several, in any order (WORDS): a word
  // of three letters or more anywhere in the name, a shorter one at the start of one of its words; a text
  // with no word of three letters gets none. Every name is checked: this reference only has to agree.
  addWordMatches(query, hits, first) {
    const words = [...new Set(query.split(' '))];
    if (!query.includes(' ') || !words.some((word) => word.length >= 3)) return;
    const holdsAll = (folded) => words.every((word) => (word.length >= 3
      ? folded.includes(word)
      : folded.startsWith(word) || folded.includes(` ${word}`)));
    const taken = new Set(hits.map((hit) => hit.entity));
    const { names } = this;
    const matching = [];
    names.forEach(({ folded, entity }, i) => {
      if (!taken.has(entity) && holdsAll(folded)) matching.push(i);
    });
    matching.sort((a, b) => names[a].folded.length - names[b].folded.length
      || names[a].entity.ordinal - names[b].entity.ordinal
      || a - b);
    for (const i of matching) {
      if (hits.length === first) break;
      const { entity } = names[i];
      if (!taken.has(entity)) {
        taken.add(entity);
        hits.push({ match: 'WORDS', entity });
      }
    }
  }

  lowerBound(text) {
    let low = 0;
    let high = this.names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.names[mid].folded < text) low = mid + 1; else high = mid;
    }
    return low;
  }
}

function holdsAll(name, sets, lists, cursors) {
  for (const bits of sets) {
    if ((bits[name >>> 5] & (1 << (name & 31))) === 0) return false;
  }
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k];
    let at = cursors[k];
    while (at < list.length && list[at] < name) at++;
    cursors[k] = at;
    if (at === list.length || list[at] !== name) return false;
  }
  return true;
}
