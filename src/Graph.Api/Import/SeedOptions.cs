using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Import;

/// <summary>The graph loaded into an empty store at startup (<c>Graph:Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "Graph:Seed";

    /// <summary>Load the seed into an empty store; off for a service that starts empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The import file, relative to the application folder unless absolute.</summary>
    public string Path { get; set; } = "seed/china-belarus.json";

    /// <summary>
    /// A file for a binary snapshot of the seed's validated rows, relative to the application folder unless
    /// absolute; empty for none. A start whose seed file and build match the snapshot loads the rows from it
    /// instead of reading and checking the JSON; any other start reads the seed and then writes the snapshot.
    /// </summary>
    public string? SnapshotPath { get; set; }

    /// <summary>Rows saved to the store at a time while the seed is written (after the index already serves it).</summary>
    [Range(1, int.MaxValue)]
    public int SaveBatchRows { get; set; } = 50_000;

    /// <summary>The seed file as a full path.</summary>
    public string SeedFile() => InApplicationFolder(Path);

    /// <summary>The snapshot file as a full path, or null when snapshots are off (no path, or a blank one).</summary>
    public string? SnapshotFile() => string.IsNullOrWhiteSpace(SnapshotPath) ? null : InApplicationFolder(SnapshotPath);

    /// <summary>A configured path as a full one: relative paths are in the application folder.</summary>
    public static string InApplicationFolder(string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(AppContext.BaseDirectory, path);
}
