using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Endpoint;

/// <summary>Automatic persisted queries (<c>Graph:PersistedQueries</c>): whether they are kept, and how much of them.</summary>
public sealed class PersistedQueryOptions
{
    public const string Section = "Graph:PersistedQueries";

    /// <summary>
    /// Keep query texts under their hashes and answer requests that send only the hash. Off, such a request
    /// is refused with <c>PERSISTED_QUERY_NOT_SUPPORTED</c>, which tells Apollo's and urql's clients to stop sending hashes alone.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How much the kept texts may hold, in characters, each counting its text and its 64-character hash.
    /// When full, the texts asked for least recently are let go; a client whose hash is no longer known sends the text again.
    /// </summary>
    [Range(1024, 1_000_000_000)]
    public long MaxCharacters { get; set; } = 4_000_000;
}
