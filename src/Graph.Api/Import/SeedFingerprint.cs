using System.IO.Hashing;

namespace Graph.Api.Import;

/// <summary>
/// What a seed snapshot must match to stand in for the seed file: the file's length and a 128-bit hash
/// of its bytes (<see cref="PiecewiseHash"/>), and the build of this service that read and validated it (a new build may read or
/// check the format differently, so its snapshots are never trusted by another).
/// </summary>
internal sealed record SeedFingerprint(Guid Build, long Length, UInt128 Hash)
{
    /// <summary>
    /// This build's id: a hash of the module version ids (which the compiler changes with any change to the
    /// code) of the service, of the JSON reader that parses the seed, and of the runtime's core library, so
    /// that a runtime or package update counts as a new build too.
    /// </summary>
    public static Guid CurrentBuild { get; } = BuildId(typeof(SeedFingerprint), typeof(System.Text.Json.Utf8JsonReader), typeof(object));

    private static Guid BuildId(params Type[] parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts) hash.Append(part.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        return new Guid(hash.GetCurrentHash());
    }

    /// <summary>The fingerprint of the file as it is now, hashed on every core (<see cref="PiecewiseHash"/>).</summary>
    public static SeedFingerprint Of(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(file);
        return new SeedFingerprint(CurrentBuild, length, PiecewiseHash.Of(file, 0, length));
    }
}
