using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// Query texts kept by the SHA-256 of their UTF-8 bytes, for automatic persisted queries (Apollo's protocol,
/// version 1, which urql's clients speak too): a client sends the hash alone and, when told the hash is not
/// known, the hash with the text; from then on the hash alone is enough, so a large query travels as 64
/// characters and a GET of it fits in a short URL that caches can key. A text is kept only once its hash
/// has been checked and its operation has run, so nothing kept is a text that fails to parse or validate,
/// and no hash can be made to stand for another text. Bounded by <see cref="PersistedQueryOptions.MaxCharacters"/>.
/// An operator's file of trusted documents (<see cref="TrustedDocuments"/>) is known from the start, and may be the only documents that run.
/// </summary>
internal sealed class PersistedQueries(IOptions<PersistedQueryOptions> options) : IDisposable
{
    /// <summary>The length of a SHA-256 written in hexadecimal.</summary>
    public const int HashLength = 64;

    private readonly MemoryCache texts = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxCharacters });
    private readonly TrustedDocuments trusted = TrustedDocuments.Read(options.Value);

    public bool Enabled { get; } = options.Value.Enabled;

    /// <summary>Only the trusted documents run (<see cref="PersistedQueryOptions.OnlyTrustedDocuments"/>).</summary>
    public bool OnlyTrusted { get; } = options.Value.OnlyTrustedDocuments;

    /// <summary>The trusted document or the text kept under the hash (lower-case hexadecimal), or null when there is none.</summary>
    public string? Find(string hash) => trusted.Find(hash) ?? (texts.TryGetValue(hash, out string? text) ? text : null);

    /// <summary>Whether the text is one of the trusted documents, exactly.</summary>
    public bool IsTrusted(string text) => trusted.Holds(text);

    /// <summary>
    /// Keeps a text under its hash, once checked with <see cref="IsHashOf"/> and run. A trusted document is known
    /// already (and when only those run, no other text gets this far).
    /// </summary>
    public void Keep(string hash, string text)
    {
        if (trusted.Find(hash) is null) texts.Set(hash, text, new MemoryCacheEntryOptions { Size = HashLength + text.Length });
    }

    /// <summary>Whether the text has the form of a SHA-256: 64 hexadecimal digits, in either case.</summary>
    public static bool IsHashForm(ReadOnlySpan<char> text)
    {
        if (text.Length != HashLength) return false;
        foreach (var digit in text)
        {
            if (!char.IsAsciiHexDigit(digit)) return false;
        }

        return true;
    }

    /// <summary>True when the hash (lower-case hexadecimal) is the SHA-256 of the text's UTF-8 bytes.</summary>
    public static bool IsHashOf(string hash, string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest).Equals(hash, StringComparison.Ordinal);
    }

    public void Dispose() => texts.Dispose();
}
