using System.Runtime.CompilerServices;

namespace Graph.Api.Index;

/// <summary>
/// The relationships citing each document, and each paragraph of it, as ordinals in id order. A
/// document's list alone left a paragraph to be found by reading the sources of every relationship
/// citing the document: for one cited a million times, half a second a request with its total.
/// Worked out from every row, or taken as a seed snapshot keeps it (<see cref="Kept"/>), whose lists are read where they
/// are mapped: working them out read all 24 MB of a million rows as a restart became ready.
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

    private DocumentCitations(Dictionary<string, Cited> byDocument) => this.byDocument = byDocument;

    /// <summary>
    /// The lists as a seed snapshot keeps them (<see cref="Layout"/>): one after another in <paramref name="ordinals"/>, each
    /// document's own list first, then its paragraphs' in the order given. The lists must be in id order, as the snapshot's check
    /// makes sure; a document or a paragraph of one given twice is refused.
    /// </summary>
    public static DocumentCitations Kept(IReadOnlyList<KeptDocument> documents, ReadOnlyMemory<int> ordinals)
    {
        var byDocument = new Dictionary<string, Cited>(documents.Count, StringComparer.Ordinal);
        var next = 0;
        foreach (var document in documents)
        {
            var all = new CitedList(ordinals.Slice(next, document.Count));
            next += document.Count;
            var byParagraph = new Dictionary<int, CitedList>(document.Paragraphs.Count);
            foreach (var (paragraph, count) in document.Paragraphs)
            {
                if (!byParagraph.TryAdd(paragraph, new CitedList(ordinals.Slice(next, count)))) throw new InvalidDataException("A paragraph's citations are kept twice.");
                next += count;
            }

            if (!byDocument.TryAdd(document.Id, new Cited(all, byParagraph))) throw new InvalidDataException("A document's citations are kept twice.");
        }

        return new DocumentCitations(byDocument);
    }

    /// <summary>
    /// Every document with its list's length and its paragraphs' (by number), in the order a snapshot keeps the lists: documents
    /// by id, paragraphs by number; with each list, for the writer, in the same order.
    /// </summary>
    public IEnumerable<(KeptDocument Document, IEnumerable<CitedList> Lists)> Layout() =>
        byDocument.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var paragraphs = p.Value.ByParagraph.OrderBy(q => q.Key).ToList();
            return (new KeptDocument(p.Key, p.Value.All.Ordinals.Length, [.. paragraphs.Select(q => (q.Key, q.Value.Ordinals.Length))]),
                paragraphs.Select(q => q.Value).Prepend(p.Value.All));
        });

    /// <summary>The relationships citing the document, or only that paragraph of it, as ordinals in id order.</summary>
    public CitedList Of(string documentId, int? paragraph) =>
        !byDocument.TryGetValue(documentId, out var cited) ? CitedList.None
        : paragraph is not { } number ? cited.All
        : cited.ByParagraph.GetValueOrDefault(number, CitedList.None);

    private sealed record Cited(CitedList All, Dictionary<int, CitedList> ByParagraph);

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

        public Cited Build() => new(new CitedList(all.ToArray()), byParagraph.ToDictionary(p => p.Key, p => new CitedList(p.Value.ToArray())));

        // Ordinals arrive in order, so a relationship citing the document (or paragraph) twice would be the last one added.
        private static void AddOnce(List<int> ordinals, int ordinal)
        {
            if (ordinals.Count == 0 || ordinals[^1] != ordinal) ordinals.Add(ordinal);
        }
    }
}
