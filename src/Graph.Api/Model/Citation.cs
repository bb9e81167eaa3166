namespace Graph.Api.Model;

/// <summary>Where a fact comes from: a source document (itself an entity) and a paragraph of it, counted from 1.</summary>
public sealed record Citation(string DocumentId, int Paragraph);
