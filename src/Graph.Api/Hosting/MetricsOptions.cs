using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Hosting;

/// <summary>Metrics for Prometheus to scrape (<c>Graph:Metrics</c>).</summary>
public sealed class GraphMetricsOptions
{
    public const string Section = "Graph:Metrics";

    /// <summary>Serve the metrics. Off where the port faces the public and no proxy keeps the path to the operator.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where they are served: a path of its own, starting with '/'.</summary>
    [RegularExpression("^/[A-Za-z0-9._~/-]*$", ErrorMessage = "Graph:Metrics:Path must be a path starting with '/', of letters, digits and . _ ~ / - only.")]
    public string Path { get; set; } = "/metrics";
}
