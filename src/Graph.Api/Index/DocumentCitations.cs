using System.Runtime.CompilerServices;

namespace Graph.Api.Index;

/// <summary>
/// The relationships citing each document, and each paragraph of it, as ordinals in id order. A
/// document's list alone left a paragraph to be found by reading the sources of every relationship
/// citing the document: for one cited a million times, half a second a request with its total.
/// </summary>
internal sealed class DocumentCitations
{
    private readonly Dictionary<string, Cited> byDocument;

    /// <param name="relationships">Every relationship, read from its row (no node is made).</param>
    [MethodImpl(LoadingCode.Optimised)]
    public DocumentCitations(RelationshipTable relationships)
    {
        var building = new Dictionary<string, Building>(StringComparer.Ordinal);
        // Most relationships cite the same document as the one before: its lists are found again without hashing its id.
        Building? lists = null;
        for (var ordinal = 0; ordinal < relationships.Count; ordinal++)
        {
            // By index: an enumerator of the interface would be an object per relationship.
            var sources = relationships.Values.Sources(in relationships.RowOf(ordinal));
            for (var i = 0; i < sources.Count; i++)
            {
                var citation = sources[i];
                if (lists is null || !ReferenceEquals(citation.DocumentId, lists.DocumentId))
                {
                    if (!building.TryGetValue(citation.DocumentId, out lists)) building[citation.DocumentId] = lists = new Building(citation.DocumentId);
                }

                lists.Add(ordinal, citation.Paragraph);
            }
        }

        byDocument = building.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.Ordinal);
    }

    /// <summary>The relationships citing the document, or only that paragraph of it, as ordinals in id order.</summary>
    public int[] Of(string documentId, int? paragraph) =>
        !byDocument.TryGetValue(documentId, out var cited) ? []
        : paragraph is not { } number ? cited.All
        : cited.ByParagraph.GetValueOrDefault(number, []);

    private sealed record Cited(int[] All, Dictionary<int, int[]> ByParagraph);

    private sealed class Building(string documentId)
    {
        private readonly List<int> all = [];
        private readonly Dictionary<int, List<int>> byParagraph = [];

        public string DocumentId { get; } = documentId;

        public void Add(int ordinal, int paragraph)
        {
            if (!byParagraph.TryGetValue(paragraph, out var cited)) byParagraph[paragraph] = cited = [];
            AddOnce(all, ordinal);
            AddOnce(cited, ordinal);
        }

        public Cited Build() => new([.. all], byParagraph.ToDictionary(p => p.Key, p => p.Value.ToArray()));

        // Ordinals arrive in order, so a relationship citing the document (or paragraph) twice would be the last one added.
        private static void AddOnce(List<int> ordinals, int ordinal)
        {
            if (ordinals.Count == 0 || ordinals[^1] != ordinal) ordinals.Add(ordinal);
        }
    }
}
