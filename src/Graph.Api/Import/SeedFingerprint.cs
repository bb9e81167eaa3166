using System.IO.Hashing;

namespace Graph.Api.Import;

/// <summary>
/// What a seed snapshot must match to stand in for the seed file: the file's length and a 128-bit hash
/// of its bytes, and the build of this service that read and validated it (a new build may read or
/// check the format differently, so its snapshots are never trusted by another).
/// </summary>
internal sealed record SeedFingerprint(Guid Build, long Length, UInt128 Hash)
{
    /// <summary>This build's id: the module version id, which the compiler changes with any change to the code.</summary>
    public static Guid CurrentBuild { get; } = typeof(SeedFingerprint).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>The fingerprint of the file as it is now (XxHash128 reads 180 MB in about a tenth of a second).</summary>
    public static SeedFingerprint Of(string path)
    {
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        hash.Append(stream);
        return new SeedFingerprint(CurrentBuild, stream.Length, hash.GetCurrentHashAsUInt128());
    }
}
