using Graph.Api.Import;

namespace Graph.Api.Tests.Import;

/// <summary>What validating an import gave, as lines to compare: its rows if accepted, every error in order if refused.</summary>
internal static class ImportOutcome
{
    public static List<string> Of(GraphImportValidator validator, SeedFile file)
    {
        try
        {
            var (entities, relationships) = validator.Validate(file);
            return
            [
                "accepted",
                .. entities.Select(e => $"{e.Id} {e.Kind} {e.Name}"),
                .. relationships.Select(r => $"{r.Id} {r.Type} {r.FromId} {r.ToId} {r.ValidFrom} {r.ValidTo} {string.Join(";", r.Sources)}"),
            ];
        }
        catch (ImportRejectedException rejected)
        {
            return ["rejected", .. rejected.Errors.Select(e => $"{e.Code} {e.Path} {e.Message}")];
        }
    }
}
