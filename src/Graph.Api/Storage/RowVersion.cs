using System.Security.Cryptography;

namespace Graph.Api.Storage;

/// <summary>
/// New optimistic-concurrency tokens for rows. <see cref="Guid.NewGuid"/> asks the kernel for
/// randomness on every call, which cost seconds when a million rows are created in an import (and
/// again when EF Core materialises them); here each thread draws random bytes for 256 tokens at a
/// time from the same cryptographic source.
/// </summary>
internal static class RowVersion
{
    private const int Batch = 256;

    [ThreadStatic]
    private static byte[]? pool;

    [ThreadStatic]
    private static int next;

    public static Guid New()
    {
        if (pool is null || next == Batch)
        {
            pool ??= new byte[16 * Batch];
            RandomNumberGenerator.Fill(pool);
            next = 0;
        }

        return new Guid(pool.AsSpan(16 * next++, 16));
    }
}
