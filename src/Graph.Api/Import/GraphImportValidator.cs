using System.Text.Json;
using System.Text.RegularExpressions;
using Graph.Api.Model;
using Graph.Api.Storage;

namespace Graph.Api.Import;

/// <summary>
/// Checks a whole import before anything is written, so an import is applied completely or not at all.
/// Ids already in the store count as taken; relationships may point at stored entities.
/// </summary>
internal sealed partial class GraphImportValidator(IReadOnlyDictionary<string, EntityKind> storedEntities, IReadOnlySet<string> storedRelationshipIds)
{
    public const int MaxErrors = 20;
    private const int MaxNameLength = 200;
    private const int MaxDescriptionLength = 2000;
    private const int MaxAliases = 20;
    private const int MaxProperties = 30;

    private readonly List<ImportError> errors = [];

    // Most relationships cite one paragraph that many others cite too: rows citing the same paragraph
    // share one list (a million relationships held a million lists of one citation each).
    private readonly Dictionary<(string Document, int Paragraph), IReadOnlyList<Citation>> singleCitations = [];

    // Dates repeat across an import (thousands of distinct texts in a million rows): each is parsed once,
    // and numbered, so the duplicate check compares numbers instead of hashing the text again.
    private readonly Dictionary<string, (PartialDate? Date, int Number)> parsedDates = new(StringComparer.Ordinal);

    /// <summary>An entity a relationship may end at: its kind, and a number standing for its id in the duplicate check.</summary>
    private readonly record struct End(EntityKind Kind, int Number);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]{0,49}$")]
    private static partial Regex PropertyKeyPattern();

    public (List<EntityRecord> Entities, List<RelationshipRecord> Relationships) Validate(SeedFile file)
    {
        var entitySeeds = file.Entities ?? [];
        var relationshipSeeds = file.Relationships ?? [];
        // Sized up front: growing sets of a million entries copied them again and again, most of it in the large object heap.
        var ends = new Dictionary<string, End>(storedEntities.Count + entitySeeds.Count, StringComparer.Ordinal);
        foreach (var (storedId, storedKind) in storedEntities) ends[storedId] = new End(storedKind, ends.Count);
        var entities = new List<EntityRecord>(entitySeeds.Count);
        var newIds = new HashSet<string>(entitySeeds.Count + relationshipSeeds.Count, StringComparer.Ordinal);
        var documentParagraphs = new Dictionary<string, int?>(StringComparer.Ordinal);

        for (var i = 0; i < entitySeeds.Count; i++)
        {
            var seed = entitySeeds[i];
            var path = new ImportPath("entities", i);
            if (seed is null) { Fail("IMPORT_INVALID", path, "An entity must be an object."); continue; }
            var id = CheckNewId(seed.Id, path.Dot("id"), newIds);
            var kindOk = ConstantCase.TryParse<EntityKind>(seed.Kind, out var kind);
            if (!kindOk) Fail("UNKNOWN_ENTITY_KIND", path.Dot("kind"), $"'{seed.Kind}' is not an entity kind; use one of {string.Join(", ", Enum.GetValues<EntityKind>().Select(ConstantCase.Name))}.");
            var name = CheckText(seed.Name, path.Dot("name"), MaxNameLength, required: true);
            var aliases = (seed.Aliases ?? []).Select((a, j) => CheckText(a, path.Dot("aliases").At(j), MaxNameLength, required: true)).ToList();
            if (aliases.Count > MaxAliases) Fail("IMPORT_INVALID", path.Dot("aliases"), $"At most {MaxAliases} aliases.");
            var description = CheckText(seed.Description, path.Dot("description"), MaxDescriptionLength, required: false);
            var properties = CheckProperties(seed.Properties, path.Dot("properties"));
            var (from, to) = CheckTime(seed.ValidFrom, seed.ValidTo, seed.At, path);
            if (id is null || !kindOk || name is null) continue;

            ends[id] = new End(kind, ends.Count);
            if (kind == EntityKind.Document)
            {
                documentParagraphs[id] = (int?)properties.Number("paragraphs");
            }

            entities.Add(new EntityRecord
            {
                Id = id, Kind = kind, Name = name, Aliases = aliases.Count == 0 ? [] : aliases.OfType<string>().ToArray(),
                Description = description ?? "", Properties = properties, ValidFrom = from, ValidTo = to,
            });
        }

        var relationships = new List<RelationshipRecord>(relationshipSeeds.Count);
        // A relationship's type, ends and date texts, as numbers: hashing four strings per row was most of the check's time.
        var seen = new HashSet<(RelationshipType, int, int, int, int)>(relationshipSeeds.Count);
        for (var i = 0; i < relationshipSeeds.Count; i++)
        {
            var seed = relationshipSeeds[i];
            var path = new ImportPath("relationships", i);
            if (seed is null) { Fail("IMPORT_INVALID", path, "A relationship must be an object."); continue; }
            var id = CheckNewId(seed.Id, path.Dot("id"), newIds);
            var typeOk = ConstantCase.TryParse<RelationshipType>(seed.Type, out var type);
            if (!typeOk) Fail("UNKNOWN_RELATIONSHIP_TYPE", path.Dot("type"), $"'{seed.Type}' is not a relationship type; query relationshipTypes for the vocabulary.");
            var fromEnd = CheckEnd(seed.From, path.Dot("from"), ends);
            var toEnd = CheckEnd(seed.To, path.Dot("to"), ends);
            if (seed.From is not null && seed.From == seed.To) Fail("SELF_LOOP", path, "A relationship must join two different entities.");
            if (typeOk && fromEnd?.Kind is { } f && toEnd?.Kind is { } t && !RelationshipVocabulary.Allows(type, f, t))
                Fail("KIND_NOT_ALLOWED", path.Dot("type"), $"{seed.Type} cannot join a {ConstantCase.Name(f)} to a {ConstantCase.Name(t)}.");
            var description = CheckText(seed.Description, path.Dot("description"), MaxDescriptionLength, required: false);
            var properties = CheckProperties(seed.Properties, path.Dot("properties"));
            var (from, to) = CheckTime(seed.ValidFrom, seed.ValidTo, seed.At, path);
            var sources = CheckSources(seed.Sources, path.Dot("sources"), ends, documentParagraphs);
            if (id is null || !typeOk || fromEnd is not { } start || toEnd is not { } end) continue;
            if (!seen.Add((type, start.Number, end.Number, DateNumber(from), DateNumber(to))))
                Fail("DUPLICATE_RELATIONSHIP", path, $"The same {seed.Type} from '{seed.From}' to '{seed.To}' with the same dates is already in this import.");

            relationships.Add(new RelationshipRecord
            {
                Id = id, Type = type, FromId = seed.From!, ToId = seed.To!, Description = description,
                ValidFrom = from, ValidTo = to, Properties = properties, Sources = sources,
            });
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors.Take(MaxErrors).ToList());
        }

        return (entities, relationships);
    }

    private void Fail(string code, ImportPath path, string message) => errors.Add(new ImportError(code, path.ToString(), message));

    private string? CheckNewId(string? id, ImportPath path, HashSet<string> newIds)
    {
        if (id is null || id.Length > 100 || !IdPattern().IsMatch(id))
        {
            Fail("INVALID_ID", path, "An id is 1 to 100 lowercase letters, digits and single hyphens, like 'great-stone-park'.");
            return null;
        }

        if (storedEntities.ContainsKey(id) || storedRelationshipIds.Contains(id) || !newIds.Add(id))
        {
            Fail("DUPLICATE_ID", path, $"The id '{id}' is already taken.");
            return null;
        }

        return id;
    }

    private End? CheckEnd(string? id, ImportPath path, Dictionary<string, End> ends)
    {
        if (id is not null && ends.TryGetValue(id, out var end)) return end;
        Fail("UNKNOWN_ENTITY", path, $"No entity has the id '{id}'.");
        return null;
    }

    private string? CheckText(string? text, ImportPath path, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Fail("IMPORT_INVALID", path, "This text is required.");
            return null;
        }

        if (text.Length > maxLength) Fail("TEXT_TOO_LONG", path, $"At most {maxLength} characters.");
        else if (text.Contains('\0', StringComparison.Ordinal) || !IsWellFormed(text)) Fail("INVALID_TEXT", path, "Text must be well-formed Unicode without NUL characters.");
        else return text.Normalize(System.Text.NormalizationForm.FormC).Trim();
        return null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }

    private TypedProperty[] CheckProperties(Dictionary<string, JsonElement>? properties, ImportPath path)
    {
        // No properties (most rows) is one shared empty list.
        if (properties is null || properties.Count == 0) return [];
        var result = new List<TypedProperty>();
        if (properties.Count > MaxProperties) Fail("IMPORT_INVALID", path, $"At most {MaxProperties} properties.");
        foreach (var (key, value) in properties)
        {
            if (!PropertyKeyPattern().IsMatch(key)) { Fail("IMPORT_INVALID", path.Dot(key), "A property key is a letter followed by up to 49 letters, digits or underscores."); continue; }
            TypedProperty? property = value.ValueKind switch
            {
                JsonValueKind.String => CheckText(value.GetString(), path.Dot(key), MaxDescriptionLength, required: true) is { } s ? new TypedProperty(key, PropertyValueType.Text, s) : null,
                JsonValueKind.Number when value.TryGetDouble(out var n) && double.IsFinite(n) => new TypedProperty(key, PropertyValueType.Number, n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                JsonValueKind.True or JsonValueKind.False => new TypedProperty(key, PropertyValueType.Boolean, value.GetBoolean() ? "true" : "false"),
                _ => null,
            };
            if (property is null && value.ValueKind != JsonValueKind.String) Fail("IMPORT_INVALID", path.Dot(key), "A property value is a string, a finite number or a boolean.");
            if (property is not null) result.Add(property);
        }

        return result.Count == 0 ? [] : result.ToArray();
    }

    private (string? From, string? To) CheckTime(string? validFrom, string? validTo, string? at, ImportPath path)
    {
        if (at is not null && (validFrom is not null || validTo is not null))
        {
            Fail("INVALID_DATE", path, "Give either 'at' (a point in time) or 'validFrom'/'validTo', not both.");
            return (null, null);
        }

        var from = at ?? validFrom;
        var to = at ?? validTo;
        PartialDate? start = null, end = null;
        if (from is not null && (start = Date(from)) is null) Fail("INVALID_DATE", path.Dot(at is null ? "validFrom" : "at"), $"'{from}' is not YYYY, YYYY-MM or YYYY-MM-DD.");
        if (to is not null && at is null && (end = Date(to)) is null) Fail("INVALID_DATE", path.Dot("validTo"), $"'{to}' is not YYYY, YYYY-MM or YYYY-MM-DD.");
        if (start is not null && end is not null && start.Earliest > end.Latest) Fail("INVALID_DATE", path, "The start is after the end.");
        return (from, to);
    }

    private PartialDate? Date(string text) => Parsed(text).Date;

    /// <summary>The number of a date's text (-1 for none); equal texts, and only they, share a number.</summary>
    private int DateNumber(string? text) => text is null ? -1 : Parsed(text).Number;

    private (PartialDate? Date, int Number) Parsed(string text)
    {
        if (!parsedDates.TryGetValue(text, out var parsed))
        {
            parsedDates[text] = parsed = (PartialDate.TryParse(text, out var date) ? date : null, parsedDates.Count);
        }

        return parsed;
    }

    private IReadOnlyList<Citation> CheckSources(IReadOnlyList<SeedCitation?>? sources, ImportPath path, Dictionary<string, End> ends, Dictionary<string, int?> paragraphs)
    {
        if (sources is null || sources.Count == 0)
        {
            Fail("SOURCE_REQUIRED", path, "Every relationship cites at least one source document and paragraph.");
            return [];
        }

        if (sources.Count == 1)
        {
            if (CheckSource(sources[0], path.At(0), ends, paragraphs) is not { } only) return [];
            if (!singleCitations.TryGetValue(only, out var shared)) singleCitations[only] = shared = [new Citation(only.Document, only.Paragraph)];
            return shared;
        }

        var result = new List<Citation>(sources.Count);
        for (var j = 0; j < sources.Count; j++)
        {
            if (CheckSource(sources[j], path.At(j), ends, paragraphs) is { } cited) result.Add(new Citation(cited.Document, cited.Paragraph));
        }

        return result.ToArray();
    }

    private (string Document, int Paragraph)? CheckSource(SeedCitation? source, ImportPath at, Dictionary<string, End> ends, Dictionary<string, int?> paragraphs)
    {
        if (source?.Document is not { } document || !ends.TryGetValue(document, out var end) || end.Kind != EntityKind.Document)
        {
            Fail("UNKNOWN_SOURCE", at.Dot("document"), $"'{source?.Document}' is not a DOCUMENT entity.");
            return null;
        }

        var count = paragraphs.GetValueOrDefault(document);
        if (source.Paragraph is not { } paragraph || paragraph < 1 || (count is { } max && paragraph > max))
        {
            Fail("UNKNOWN_SOURCE", at.Dot("paragraph"), $"The paragraph must be a number from 1{(count is { } m ? $" to {m}" : "")}.");
            return null;
        }

        return (document, paragraph);
    }
}
