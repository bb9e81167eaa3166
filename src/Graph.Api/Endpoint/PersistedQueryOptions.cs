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

    /// <summary>
    /// A file of trusted documents, relative to the application folder: a JSON object whose members are each a
    /// query text under its SHA-256 (<c>{"5c0a…": "query Partners { … }"}</c>), as GraphQL Code Generator's client
    /// preset writes <c>persisted-documents.json</c>. Its documents are always known, never let go, and do not
    /// count towards <see cref="MaxCharacters"/>. A file that cannot be read, or a member whose name is not its
    /// text's SHA-256, stops the start.
    /// </summary>
    public string? DocumentsPath { get; set; }

    /// <summary>
    /// Run only the documents of <see cref="DocumentsPath"/>, whether sent by hash or as text; any other text is
    /// refused with <c>QUERY_NOT_IN_SAFELIST</c>, and no text is kept from requests. For an endpoint that serves
    /// only its own frontends. Needs <see cref="DocumentsPath"/>.
    /// </summary>
    public bool OnlyTrustedDocuments { get; set; }
}
