namespace Graph.Api.Import;

/// <summary>One reason an import was refused, with where in the file it was found.</summary>
public sealed record ImportError(string Code, string Path, string Message);

/// <summary>Raised when an import is refused as a whole; nothing of it was written.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : Exception($"The import was refused: {errors.Count} problem(s), first: {errors[0].Path}: {errors[0].Message}")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
