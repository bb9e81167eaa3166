using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Storage;

/// <summary>Which EF Core provider holds the graph (<c>Graph:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Graph:Storage";

    /// <summary>Only <c>InMemory</c> ships today; the name selects a provider so others can be added.</summary>
    [Required]
    [AllowedValues("InMemory")]
    public string Provider { get; set; } = "InMemory";

    /// <summary>
    /// Whether the store outlives the process. The in-memory provider's does not (each host has its own root),
    /// so a write it has begun can be dropped when the service stops: nothing of it is left to be read.
    /// </summary>
    public bool IsDurable => Provider != "InMemory";

    /// <summary>The in-memory database name; each name is a separate store.</summary>
    [Required]
    public string DatabaseName { get; set; } = "graph";
}
