namespace Graph.Api.Index;

/// <summary>A document whose citations a seed snapshot keeps: its id, how many relationships cite it, and how many cite each paragraph.</summary>
internal sealed record KeptDocument(string Id, int Count, IReadOnlyList<(int Paragraph, int Count)> Paragraphs);
