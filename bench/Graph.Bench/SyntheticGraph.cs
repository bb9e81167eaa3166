using System.Globalization;
using System.Text.Json;
using Graph.Api.Import;
using Graph.Api.Model;

namespace Graph.Bench;

/// <summary>
/// Writes a deterministic synthetic graph in the seed import format: the same arguments always give
/// the same file. Relationship types respect the vocabulary's kinds; a fifth of all relationships
/// end at a small set of hubs so degrees are skewed as in real knowledge graphs.
/// </summary>
internal static class SyntheticGraph
{
    /// <summary>
    /// Raised whenever the output changes, and part of the name of every file kept between runs
    /// (here and in bench/load/prepare.sh), so an older file is never taken for a new one. 2: a
    /// symmetric type joins a pair once (round 37).
    /// </summary>
    public const int Version = 2;

    private static readonly (EntityKind Kind, string Prefix, double Share)[] Kinds =
    [
        (EntityKind.Country, "country", 0.01), (EntityKind.Person, "person", 0.20), (EntityKind.Organization, "org", 0.20),
        (EntityKind.Project, "project", 0.14), (EntityKind.Event, "event", 0.15), (EntityKind.Topic, "topic", 0.20),
        (EntityKind.Place, "place", 0.09), (EntityKind.Agreement, "agreement", 0.01),
    ];

    private static readonly string[] Words = ["amber", "birch", "cobalt", "delta", "ember", "falcon", "granite", "harbor", "iris", "juniper", "krypton", "lumen", "meridian", "nova", "onyx", "prairie", "quartz", "river", "summit", "tundra"];

    public static void Write(string path, int entityCount, int relationshipCount, int seed = 20261128)
    {
        var random = new Random(seed);
        var byKind = new Dictionary<EntityKind, List<string>>();
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("format", GraphImportValidator.Format);
        json.WriteStartArray("entities");
        json.WriteStartObject();
        json.WriteString("id", "synthetic-source");
        json.WriteString("kind", "DOCUMENT");
        json.WriteString("name", "Synthetic source document");
        json.WriteStartObject("properties");
        json.WriteNumber("paragraphs", 1000);
        json.WriteEndObject();
        json.WriteEndObject();
        for (var i = 0; i < entityCount; i++)
        {
            var (kind, prefix, _) = PickKind(random);
            var id = $"{prefix}-{i:D7}";
            (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("kind", ConstantCase.Name(kind));
            json.WriteString("name", $"{Capitalised(Words[random.Next(Words.Length)])} {Capitalised(Words[random.Next(Words.Length)])} {i}");
            if (i % 3 == 0)
            {
                json.WriteStartArray("aliases");
                json.WriteStringValue($"{prefix.ToUpperInvariant()} {i}");
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("relationships");
        var seen = new HashSet<(int, string, string)>();
        var written = 0;
        for (var attempt = 0; written < relationshipCount && attempt < relationshipCount * 4; attempt++)
        {
            var info = RelationshipVocabulary.All[random.Next(RelationshipVocabulary.All.Count)];
            var from = PickEnd(random, byKind, info.FromKinds, hub: false);
            var to = PickEnd(random, byKind, info.ToKinds, hub: random.NextDouble() < 0.2);
            if (from is null || to is null || from == to) continue;
            // A symmetric type joins a pair once, whichever way round: both ways would be one fact twice, which the import refuses.
            var (first, second) = info.Symmetric && string.CompareOrdinal(from, to) > 0 ? (to, from) : (from, to);
            if (!seen.Add(((int)info.Type, first, second))) continue;
            json.WriteStartObject();
            json.WriteString("id", $"rel-{written:D8}");
            json.WriteString("type", ConstantCase.Name(info.Type));
            json.WriteString("from", from);
            json.WriteString("to", to);
            var year = 1990 + random.Next(36);
            switch (random.Next(4))
            {
                case 0: json.WriteString("at", year.ToString(CultureInfo.InvariantCulture)); break;
                case 1: json.WriteString("validFrom", $"{year}-{1 + random.Next(12):D2}"); break;
                case 2: json.WriteString("validFrom", $"{year}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}"); json.WriteString("validTo", (year + 1 + random.Next(5)).ToString(CultureInfo.InvariantCulture)); break;
                default: break;
            }

            if (info.Type == RelationshipType.Invests)
            {
                json.WriteStartObject("properties");
                json.WriteNumber("amount", random.Next(1, 1000) * 1_000_000L);
                json.WriteString("currency", "USD");
                json.WriteEndObject();
            }

            json.WriteStartArray("sources");
            json.WriteStartObject();
            json.WriteString("document", "synthetic-source");
            json.WriteNumber("paragraph", 1 + random.Next(1000));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            written++;
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (EntityKind, string, double) PickKind(Random random)
    {
        var roll = random.NextDouble();
        foreach (var kind in Kinds)
        {
            if ((roll -= kind.Share) < 0) return kind;
        }

        return Kinds[^1];
    }

    private static string? PickEnd(Random random, Dictionary<EntityKind, List<string>> byKind, IReadOnlyList<EntityKind> kinds, bool hub)
    {
        var kind = kinds[random.Next(kinds.Count)];
        if (!byKind.TryGetValue(kind, out var ids) || ids.Count == 0) return null;
        // Hubs: the first 50 entities of a kind draw a fifth of all relationships.
        return ids[random.Next(hub ? Math.Min(50, ids.Count) : ids.Count)];
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
