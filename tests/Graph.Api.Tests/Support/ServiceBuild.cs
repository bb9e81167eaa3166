using Graph.Api.Tests.Schema;

namespace Graph.Api.Tests.Support;

/// <summary>Graph.Api.dll as built for the same configuration as these tests (Debug or Release), to run as a process of its own.</summary>
internal static class ServiceBuild
{
    public static string Path
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var (framework, configuration) = (tests.Name, tests.Parent!.Name);
            var service = System.IO.Path.Combine(SchemaContractTests.RepositoryRoot(), "src", "Graph.Api", "bin", configuration, framework, "Graph.Api.dll");
            return File.Exists(service) ? service : throw new FileNotFoundException("The service's build was not found next to the tests'.", service);
        }
    }
}
