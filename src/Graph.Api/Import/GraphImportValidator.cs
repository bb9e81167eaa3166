using System.Runtime.CompilerServices;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>
/// Checks a whole import before anything is written, so an import is applied completely or not at all.
/// Ids already in the store count as taken; relationships may point at stored entities.
/// </summary>
/// <remarks>
/// Relationships are checked on every core, with the same answer as checking them one after another:
/// each row's own checks run in chunks in parallel; the two checks that depend on earlier rows (an id
/// used before, the same relationship given before) then run in one pass per share of the rows, each
/// share holding the rows whose key hashes to it, in row order; and the errors are put back in row order.
/// </remarks>
/// <param name="storedEntities">The store's entities by id: their ids are taken, and relationships may end at them.</param>
/// <param name="storedRelationshipIds">The store's relationship ids, which are taken too.</param>
/// <param name="rowsPerChunk">Rows one thread checks at a time; smaller in tests, to cut a small import into many chunks.</param>
/// <param name="shares">How many passes split the repeated-row checks (0: one per core).</param>
internal sealed class GraphImportValidator(
    IReadOnlyDictionary<string, EntityKind> storedEntities, IReadOnlySet<string> storedRelationshipIds,
    int rowsPerChunk = GraphImportValidator.RowsPerChunk, int shares = 0)
{
    public const int MaxErrors = 20;
    internal const int RowsPerChunk = 16_384;
    private const int MaxNameLength = 200;
    private const int MaxAliases = 20;

    /// <summary>The import format this service reads, as a file names it in <c>format</c>.</summary>
    public const string Format = "graph-seed/1";

    public (List<EntityRecord> Entities, List<RelationshipRecord> Relationships) Validate(SeedFile file) => Validate(file, out _);

    /// <summary>
    /// The import's rows once every check passes, and <paramref name="ends"/>: each relationship's ends as positions
    /// in the entities returned, for building an index without looking each end up again; null when a relationship
    /// ends at a stored entity, which has no such position.
    /// </summary>
    public (List<EntityRecord> Entities, List<RelationshipRecord> Relationships) Validate(SeedFile file, out RelationshipEnds? ends)
    {
        var entitySeeds = file.Entities ?? [];
        var relationshipSeeds = file.Relationships ?? [];
        var checks = new ImportChecks();
        // A later version of the format may mean something else by the same members: read as this one, it would be misread.
        if (file.Format is { } format && format != Format)
        {
            checks.Errors.Add(new ImportError("IMPORT_INVALID", "format", $"The format '{format}' is not one this service reads; it reads '{Format}' (or a file that names no format)."));
        }

        // Sized up front: a growing dictionary is copied again and again, for a large import in the large object heap.
        checks.Ends.EnsureCapacity(storedEntities.Count + entitySeeds.Count);
        foreach (var (storedId, storedKind) in storedEntities) checks.Ends[storedId] = new ImportChecks.End(storedKind, checks.Ends.Count);
        var entityIds = new HashSet<string>(entitySeeds.Count, StringComparer.Ordinal);
        checks.EndsByPosition = new (string?, ImportChecks.End)[entitySeeds.Count];
        var entities = CheckEntities(entitySeeds, checks, entityIds);

        var rows = CheckRelationships(relationshipSeeds, checks, entityIds);
        var shareCount = rows.Length < rowsPerChunk ? 1 : shares > 0 ? shares : Environment.ProcessorCount;
        var idRepeated = IdsRepeated(rows, shareCount);
        var relationshipRepeated = RelationshipsRepeated(rows, idRepeated, shareCount);

        var errors = Errors(checks.Errors, rows, idRepeated, relationshipRepeated, relationshipSeeds).Take(MaxErrors).ToList();
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        var relationships = new List<RelationshipRecord>(rows.Length);
        foreach (var row in rows) relationships.Add(row.Record!);
        // The file's entities are numbered after the stored ones, in the order they are returned.
        var firstOfFile = storedEntities.Count;
        ends = RelationshipEnds.Sized(rows.Length);
        for (var i = 0; i < rows.Length && ends is not null; i++)
        {
            var (from, to) = rows[i].Ends;
            if (from < firstOfFile || to < firstOfFile) ends = null;
            else (ends.From[i], ends.To[i]) = (from - firstOfFile, to - firstOfFile);
        }

        return (entities, relationships);
    }

    [MethodImpl(LoadingCode.Optimised)]
    private List<EntityRecord> CheckEntities(List<SeedEntity?> seeds, ImportChecks checks, HashSet<string> entityIds)
    {
        var entities = new List<EntityRecord>(seeds.Count);
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var path = new ImportPath("entities", i);
            if (seed is null) { checks.Fail("IMPORT_INVALID", path, "An entity must be an object."); continue; }
            var id = checks.WellFormedId(seed.Id, path.Dot("id"));
            if (id is not null && (IsStored(id) || !entityIds.Add(id))) { checks.FailTaken(id, path.Dot("id")); id = null; }
            var kindOk = ConstantCase.TryParse<EntityKind>(seed.Kind, out var kind);
            if (!kindOk) checks.Fail("UNKNOWN_ENTITY_KIND", path.Dot("kind"), $"'{seed.Kind}' is not an entity kind; use one of {string.Join(", ", Enum.GetValues<EntityKind>().Select(ConstantCase.Name))}.");
            var name = checks.CheckText(seed.Name, path.Dot("name"), MaxNameLength, required: true);
            var aliases = (seed.Aliases ?? []).Select((a, j) => checks.CheckText(a, path.Dot("aliases").At(j), MaxNameLength, required: true)).ToList();
            if (aliases.Count > MaxAliases) checks.Fail("IMPORT_INVALID", path.Dot("aliases"), $"At most {MaxAliases} aliases.");
            var description = checks.CheckText(seed.Description, path.Dot("description"), ImportChecks.MaxDescriptionLength, required: false);
            var properties = checks.CheckProperties(seed.Properties, path.Dot("properties"));
            var (from, to, _, _) = checks.CheckTime(seed.ValidFrom, seed.ValidTo, seed.At, path);
            if (id is null || !kindOk) continue;

            // Known as an end even when its texts are refused, so that its relationships are not refused as well, for an entity that is there.
            var end = new ImportChecks.End(kind, checks.Ends.Count);
            checks.Ends[id] = end;
            checks.EndsByPosition[i] = (id, end);
            if (kind == EntityKind.Document)
            {
                checks.DocumentParagraphs[id] = checks.CheckParagraphs(properties, path.Dot("properties").Dot("paragraphs"));
            }

            if (name is null) continue;

            entities.Add(new EntityRecord
            {
                Id = id, Kind = kind, Name = name, Aliases = aliases.Count == 0 ? [] : aliases.OfType<string>().ToArray(),
                Description = description ?? "", Properties = properties, ValidFrom = from, ValidTo = to,
            });
        }

        return entities;
    }

    private bool IsStored(string id) => storedEntities.ContainsKey(id) || storedRelationshipIds.Contains(id);

    /// <summary>Each relationship checked on its own, in chunks on every core (the entities are known and no longer change).</summary>
    private CheckedRelationship[] CheckRelationships(List<SeedRelationship?> seeds, ImportChecks checks, HashSet<string> entityIds)
    {
        var rows = new CheckedRelationship[seeds.Count];
        var chunks = seeds.Count / rowsPerChunk + (seeds.Count % rowsPerChunk == 0 ? 0 : 1);
        Parallel.For(0, chunks, [MethodImpl(LoadingCode.Optimised)] (chunk) =>
        {
            var mine = checks.ForAnotherThread();
            var end = (int)Math.Min((long)(chunk + 1) * rowsPerChunk, seeds.Count);
            for (var i = chunk * rowsPerChunk; i < end; i++)
            {
                mine.Errors.Clear();
                rows[i] = CheckRelationship(seeds[i], new ImportPath("relationships", i), mine, entityIds);
                if (mine.Errors.Count > 0) rows[i].Errors = [.. mine.Errors];
            }
        });
        return rows;
    }

    [MethodImpl(LoadingCode.Optimised)]
    private CheckedRelationship CheckRelationship(SeedRelationship? seed, ImportPath path, ImportChecks checks, HashSet<string> entityIds)
    {
        if (seed is null) { checks.Fail("IMPORT_INVALID", path, "A relationship must be an object."); return default; }
        var id = checks.WellFormedId(seed.Id, path.Dot("id"));
        if (id is not null && (IsStored(id) || entityIds.Contains(id))) { checks.FailTaken(id, path.Dot("id")); id = null; }
        var typeOk = ConstantCase.TryParse<RelationshipType>(seed.Type, out var type);
        if (!typeOk) checks.Fail("UNKNOWN_RELATIONSHIP_TYPE", path.Dot("type"), $"'{seed.Type}' is not a relationship type; query relationshipTypes for the vocabulary.");
        var fromEnd = checks.CheckEnd(seed.From, seed.FromEntity, path.Dot("from"));
        var toEnd = checks.CheckEnd(seed.To, seed.ToEntity, path.Dot("to"));
        if (seed.From is not null && seed.From == seed.To) checks.Fail("SELF_LOOP", path, "A relationship must join two different entities.");
        if (typeOk && fromEnd?.Kind is { } f && toEnd?.Kind is { } t && !RelationshipVocabulary.Allows(type, f, t))
            checks.Fail("KIND_NOT_ALLOWED", path.Dot("type"), $"{seed.Type} cannot join a {ConstantCase.Name(f)} to a {ConstantCase.Name(t)}.");
        var description = checks.CheckText(seed.Description, path.Dot("description"), ImportChecks.MaxDescriptionLength, required: false);
        var properties = checks.CheckProperties(seed.Properties, path.Dot("properties"));
        var (from, to, fromNumber, toNumber) = checks.CheckTime(seed.ValidFrom, seed.ValidTo, seed.At, path);
        var sources = checks.CheckSources(seed.Sources, path.Dot("sources"));

        var row = new CheckedRelationship { NewId = id, IdHash = id is null ? 0 : StringComparer.Ordinal.GetHashCode(id) };
        if (id is null || !typeOk || fromEnd is not { } start || toEnd is not { } end) return row;
        // A relationship's type, ends and date texts, as numbers: hashing four strings per row was most of the check's time.
        // A symmetric type states the same fact either way round, so its ends are a pair in a fixed order.
        var (first, second) = RelationshipVocabulary.IsSymmetric(type) && end.Number < start.Number ? (end.Number, start.Number) : (start.Number, end.Number);
        row.Key = (type, first, second, fromNumber, toNumber);
        row.Ends = (start.Number, end.Number);
        row.Record = new RelationshipRecord
        {
            Id = id, Type = type, FromId = seed.From!, ToId = seed.To!, Description = description,
            ValidFrom = from, ValidTo = to, Properties = properties, Sources = sources,
        };
        return row;
    }

    /// <summary>Which rows reuse the id of an earlier row: the first use of an id keeps it.</summary>
    private static bool[] IdsRepeated(CheckedRelationship[] rows, int shareCount)
    {
        var repeated = new bool[rows.Length];
        if (InIdOrder(rows)) return repeated;
        Parallel.For(0, shareCount, [MethodImpl(LoadingCode.Optimised)] (share) =>
        {
            var seen = new HashSet<string>(rows.Length / shareCount + 1, StringComparer.Ordinal);
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].NewId is { } id && Share(rows[i].IdHash, shareCount) == share && !seen.Add(id)) repeated[i] = true;
            }
        });
        return repeated;
    }

    /// <summary>
    /// Whether the rows' ids rise strictly, so none is repeated: an import written in id order (the usual
    /// case, and the order the index keeps) is checked with one comparison a row instead of a set of a
    /// million ids. Rows whose id is already refused take no part.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static bool InIdOrder(CheckedRelationship[] rows)
    {
        string? previous = null;
        foreach (var row in rows)
        {
            if (row.NewId is not { } id) continue;
            if (previous is not null && string.CompareOrdinal(previous, id) >= 0) return false;
            previous = id;
        }

        return true;
    }

    /// <summary>Which rows repeat an earlier row's type, ends (either way round for a symmetric type) and dates; a row whose id is taken takes no part.</summary>
    private static bool[] RelationshipsRepeated(CheckedRelationship[] rows, bool[] idRepeated, int shareCount)
    {
        var repeated = new bool[rows.Length];
        Parallel.For(0, shareCount, [MethodImpl(LoadingCode.Optimised)] (share) =>
        {
            var seen = new HashSet<(RelationshipType, int, int, int, int)>(rows.Length / shareCount + 1);
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].Record is null || idRepeated[i]) continue;
                var key = rows[i].Key;
                if (Share(key.GetHashCode(), shareCount) == share && !seen.Add(key)) repeated[i] = true;
            }
        });
        return repeated;
    }

    private static int Share(int hash, int shareCount) => (int)((uint)hash % (uint)shareCount);

    /// <summary>Every error in file order: the entities', then each row's (a reused id first, a repeated relationship last).</summary>
    private static IEnumerable<ImportError> Errors(List<ImportError> entityErrors, CheckedRelationship[] rows, bool[] idRepeated, bool[] relationshipRepeated,
        List<SeedRelationship?> seeds)
    {
        foreach (var error in entityErrors) yield return error;
        for (var i = 0; i < rows.Length; i++)
        {
            var path = new ImportPath("relationships", i);
            if (idRepeated[i]) yield return ImportChecks.Taken(rows[i].NewId!, path.Dot("id"));
            foreach (var error in rows[i].Errors ?? []) yield return error;
            if (relationshipRepeated[i])
            {
                var seed = seeds[i]!;
                yield return new ImportError("DUPLICATE_RELATIONSHIP", path.ToString(), RelationshipVocabulary.IsSymmetric(rows[i].Key.Type)
                    ? $"The same {seed.Type} between '{seed.From}' and '{seed.To}' with the same dates is already in this import, one way round or the other ({seed.Type} is symmetric)."
                    : $"The same {seed.Type} from '{seed.From}' to '{seed.To}' with the same dates is already in this import.");
            }
        }
    }
}
