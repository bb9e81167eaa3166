using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Graph.Api.Model;

namespace Graph.Api.Import;

/// <summary>
/// The checks of single values in an import (ids, texts, properties, dates, ends, sources), each
/// reporting what is wrong to this instance's <see cref="Errors"/>. The validator gives each thread its
/// own instance (<see cref="ForAnotherThread"/>); all of them share the entities known so far and the
/// caches of parsed dates and shared citation lists, which are safe to use from several threads.
/// </summary>
internal sealed partial class ImportChecks
{
    /// <summary>The longest description or text property, in characters.</summary>
    public const int MaxDescriptionLength = 2000;
    private const int MaxProperties = 30;
    private const int MaxNumberDigits = 15;
    private const string NotAValue = "A property value is a string, a finite number or a boolean.";

    private readonly Shared shared;

    public ImportChecks() => shared = new Shared();

    private ImportChecks(Shared shared) => this.shared = shared;

    /// <summary>What this instance found wrong, in the order it was checked.</summary>
    public List<ImportError> Errors { get; } = [];

    /// <summary>Every entity a relationship may end at, by id. Filled before relationships are checked, read-only after.</summary>
    public Dictionary<string, End> Ends => shared.Ends;

    /// <summary>
    /// The file's entities that are ends, by their position in the file (no id where the entity there is
    /// not one). Filled with <see cref="Ends"/>; lets an end found by position (<see cref="EntityIdTable"/>)
    /// skip the lookup by id.
    /// </summary>
    public (string? Id, End End)[] EndsByPosition { get => shared.EndsByPosition; set => shared.EndsByPosition = value; }

    /// <summary>Each document's paragraph count (null when it does not say). Filled with <see cref="Ends"/>.</summary>
    public Dictionary<string, int?> DocumentParagraphs => shared.DocumentParagraphs;

    /// <summary>An instance for another thread: its own errors, everything else shared.</summary>
    public ImportChecks ForAnotherThread() => new(shared);

    /// <summary>An entity a relationship may end at: its kind, and a number standing for its id in the duplicate check.</summary>
    public readonly record struct End(EntityKind Kind, int Number);

    private sealed class Shared
    {
        public Dictionary<string, End> Ends { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int?> DocumentParagraphs { get; } = new(StringComparer.Ordinal);

        public (string? Id, End End)[] EndsByPosition { get; set; } = [];

        // Most relationships cite one paragraph that many others cite too: rows citing the same paragraph
        // share one list (a million relationships held a million lists of one citation each).
        public ConcurrentDictionary<(string Document, int Paragraph), IReadOnlyList<Citation>> SingleCitations { get; } = new();

        // Dates repeat across an import (thousands of distinct texts in a million rows): each is parsed once,
        // and numbered, so the duplicate check compares numbers instead of hashing the text again.
        public ConcurrentDictionary<string, (PartialDate? Date, int Number)> ParsedDates { get; } = new(StringComparer.Ordinal);

        public int DatesNumbered;
    }

    // \z, not $: in .NET, $ also matches before a final newline, so "belarus\n" passed as an id.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]{0,49}\z")]
    private static partial Regex PropertyKeyPattern();

    public void Fail(string code, ImportPath path, string message) => Errors.Add(new ImportError(code, path.ToString(), message));

    /// <summary>The id when it is well formed, else null (reported). Whether it is free is the caller's question.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    public string? WellFormedId(string? id, ImportPath path)
    {
        if (id is not null && id.Length <= 100 && IdPattern().IsMatch(id)) return id;
        Fail("INVALID_ID", path, "An id is 1 to 100 lowercase letters, digits and single hyphens, like 'great-stone-park'.");
        return null;
    }

    public void FailTaken(string id, ImportPath path) => Errors.Add(Taken(id, path));

    public static ImportError Taken(string id, ImportPath path) => new("DUPLICATE_ID", path.ToString(), $"The id '{id}' is already taken.");

    /// <summary>
    /// The entity a relationship ends at, if there is one with that id. <paramref name="position"/> is where
    /// the file's reader found the id among the file's entities (-1: not looked for), trusted only when the
    /// entity there is an end with this very id string; otherwise the id is looked up.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    public End? CheckEnd(string? id, int position, ImportPath path)
    {
        var byPosition = EndsByPosition;
        if ((uint)position < (uint)byPosition.Length && id is not null && ReferenceEquals(byPosition[position].Id, id)) return byPosition[position].End;
        if (id is not null && Ends.TryGetValue(id, out var end)) return end;
        Fail("UNKNOWN_ENTITY", path, $"No entity has the id '{id}'.");
        return null;
    }

    [MethodImpl(LoadingCode.Optimised)]
    public string? CheckText(string? text, ImportPath path, int maxLength, bool required)
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

    [MethodImpl(LoadingCode.Optimised)]
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }

    [MethodImpl(LoadingCode.Optimised)]
    public TypedProperty[] CheckProperties(Dictionary<string, JsonElement>? properties, ImportPath path)
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
                JsonValueKind.Number => CheckNumber(value, path.Dot(key)) is { } number ? new TypedProperty(key, PropertyValueType.Number, number) : null,
                JsonValueKind.True or JsonValueKind.False => new TypedProperty(key, PropertyValueType.Boolean, value.GetBoolean() ? "true" : "false"),
                _ => null,
            };
            if (property is null && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)) Fail("IMPORT_INVALID", path.Dot(key), NotAValue);
            if (property is not null) result.Add(property);
        }

        return result.Count == 0 ? [] : result.ToArray();
    }

    /// <summary>
    /// A number's text as stored, when a double holds it: one of up to 15 significant digits always comes
    /// back as written. A longer one was stored rounded (12345678901234567890 as 1.2345678901234567E+19),
    /// so it is refused, and can be given as a string.
    /// </summary>
    private string? CheckNumber(JsonElement value, ImportPath path)
    {
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Fail("IMPORT_INVALID", path, NotAValue);
            return null;
        }

        var text = value.GetRawText();
        var exponent = text.AsSpan().IndexOfAny('e', 'E');
        var digits = (exponent < 0 ? text : text[..exponent]).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Trim('0').Length;
        if (digits <= MaxNumberDigits) return number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Fail("IMPORT_INVALID", path, $"A number keeps at most {MaxNumberDigits} significant digits, and this one has {digits}; give it as a string.");
        return null;
    }

    /// <summary>
    /// A document's paragraph count, if it gives one: a whole number from 1 that fits the schema's Int
    /// (3.5 was cut to 3, 0 refused every citation of the document, and 1e10 came out as a negative count).
    /// </summary>
    public int? CheckParagraphs(IReadOnlyList<TypedProperty> properties, ImportPath path)
    {
        if (properties.Find("paragraphs") is not { } given) return null;
        if (properties.Number("paragraphs") is { } count && count == Math.Floor(count) && count is >= 1 and <= int.MaxValue) return (int)count;
        Fail("IMPORT_INVALID", path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A document's 'paragraphs' is a whole number from 1 to {int.MaxValue:N0}, not {given.Value}."));
        return null;
    }

    /// <summary>
    /// The start and end texts when they are well formed (reported otherwise), each with its number: equal
    /// texts, and only they, share a number (-1 for none), so the duplicate check compares numbers. A text
    /// is looked up once for both.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    public (string? From, string? To, int FromNumber, int ToNumber) CheckTime(string? validFrom, string? validTo, string? at, ImportPath path)
    {
        if (at is not null && (validFrom is not null || validTo is not null))
        {
            Fail("INVALID_DATE", path, "Give either 'at' (a point in time) or 'validFrom'/'validTo', not both.");
            return (null, null, -1, -1);
        }

        var from = at ?? validFrom;
        var to = at ?? validTo;
        (PartialDate? Date, int Number) start = (null, -1), end = (null, -1);
        if (from is not null && (start = Parsed(from)).Date is null) Fail("INVALID_DATE", path.Dot(at is null ? "validFrom" : "at"), $"'{from}' is not YYYY, YYYY-MM or YYYY-MM-DD.");
        // A point in time ends where it starts.
        if (at is not null) end = start;
        else if (to is not null && (end = Parsed(to)).Date is null) Fail("INVALID_DATE", path.Dot("validTo"), $"'{to}' is not YYYY, YYYY-MM or YYYY-MM-DD.");
        if (start.Date is not null && end.Date is not null && start.Date.Earliest > end.Date.Latest) Fail("INVALID_DATE", path, "The start is after the end.");
        return (from, to, start.Number, end.Number);
    }

    // Two threads meeting a new text at once may both parse it; only one result is kept, and both get that one.
    [MethodImpl(LoadingCode.Optimised)]
    private (PartialDate? Date, int Number) Parsed(string text) =>
        shared.ParsedDates.GetOrAdd(text, static (t, s) => (PartialDate.TryParse(t, out var date) ? date : null, Interlocked.Increment(ref s.DatesNumbered)), shared);

    [MethodImpl(LoadingCode.Optimised)]
    public IReadOnlyList<Citation> CheckSources(IReadOnlyList<SeedCitation?>? sources, ImportPath path)
    {
        if (sources is null || sources.Count == 0)
        {
            Fail("SOURCE_REQUIRED", path, "Every relationship cites at least one source document and paragraph.");
            return [];
        }

        if (sources.Count == 1)
        {
            if (CheckSource(sources[0], path.At(0)) is not { } only) return [];
            return shared.SingleCitations.GetOrAdd(only, static c => [new Citation(c.Document, c.Paragraph)]);
        }

        var result = new List<Citation>(sources.Count);
        for (var j = 0; j < sources.Count; j++)
        {
            if (CheckSource(sources[j], path.At(j)) is { } cited) result.Add(new Citation(cited.Document, cited.Paragraph));
        }

        return result.ToArray();
    }

    [MethodImpl(LoadingCode.Optimised)]
    private (string Document, int Paragraph)? CheckSource(SeedCitation? source, ImportPath at)
    {
        if (source is null)
        {
            Fail("IMPORT_INVALID", at, "A source is an object with a 'document' and a 'paragraph'.");
            return null;
        }

        if (source.Document is not { } document || !Ends.TryGetValue(document, out var end) || end.Kind != EntityKind.Document)
        {
            Fail("UNKNOWN_SOURCE", at.Dot("document"), source.Document is null ? "A source names its 'document'." : $"'{source.Document}' is not a DOCUMENT entity.");
            return null;
        }

        var count = DocumentParagraphs.GetValueOrDefault(document);
        if (source.Paragraph is not { } paragraph || paragraph < 1 || (count is { } max && paragraph > max))
        {
            Fail("UNKNOWN_SOURCE", at.Dot("paragraph"), $"The paragraph must be a number from 1{(count is { } m ? $" to {m}" : "")}.");
            return null;
        }

        return (document, paragraph);
    }
}
