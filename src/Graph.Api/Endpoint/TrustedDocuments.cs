using System.Collections.Frozen;
using System.Text.Json;
using Graph.Api.Import;
using Microsoft.Extensions.Options;

namespace Graph.Api.Endpoint;

/// <summary>
/// The operator's trusted documents (<see cref="PersistedQueryOptions.DocumentsPath"/>): query texts by their
/// SHA-256, read once at start. Each name must be its text's hash, so a client's hash finds the text it was made
/// from; a file that breaks that, or cannot be read, stops the start with the reason rather than serving a part of it.
/// </summary>
internal sealed class TrustedDocuments
{
    private static readonly TrustedDocuments None = new(FrozenDictionary<string, string>.Empty);
    private static readonly JsonSerializerOptions StrictJson = new() { AllowDuplicateProperties = false };
    private readonly FrozenDictionary<string, string> byHash;
    private readonly FrozenSet<string> texts;

    private TrustedDocuments(FrozenDictionary<string, string> byHash)
    {
        this.byHash = byHash;
        texts = byHash.Values.ToFrozenSet(StringComparer.Ordinal);
    }

    public string? Find(string hash) => byHash.GetValueOrDefault(hash);

    public bool Holds(string text) => texts.Contains(text);

    public static TrustedDocuments Read(PersistedQueryOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DocumentsPath))
        {
            return options.OnlyTrustedDocuments ? throw Refused("Graph:PersistedQueries:OnlyTrustedDocuments needs Graph:PersistedQueries:DocumentsPath, the file of the documents that may run.") : None;
        }

        var path = SeedOptions.InApplicationFolder(options.DocumentsPath);
        Dictionary<string, string> documents;
        try
        {
            documents = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(path), StrictJson)
                ?? throw new JsonException("the file holds null");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Refused($"Graph:PersistedQueries:DocumentsPath: {path} cannot be read as an object of query texts by their SHA-256 ({ex.Message}).");
        }

        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in documents)
        {
            var hash = name.ToLowerInvariant();
            if (!PersistedQueries.IsHashForm(name) || !PersistedQueries.IsHashOf(hash, text ?? ""))
            {
                throw Refused($"Graph:PersistedQueries:DocumentsPath: in {path}, the member '{name}' is not the SHA-256 of its text.");
            }

            byHash[hash] = text!;
        }

        return new TrustedDocuments(byHash.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static OptionsValidationException Refused(string reason) => new(Options.DefaultName, typeof(PersistedQueryOptions), [reason]);
}
