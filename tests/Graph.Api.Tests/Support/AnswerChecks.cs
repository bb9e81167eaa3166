using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Support;

internal static class AnswerChecks
{
    /// <summary>
    /// What any answer must be, however odd the request: no 5xx, and every error with a stable code that is not
    /// INTERNAL, which is what an unforeseen exception in a resolver becomes.
    /// </summary>
    public static void AssertNoFault(int status, JsonArray? errors, string context)
    {
        Assert.True(status < 500, context);
        foreach (var error in errors ?? [])
        {
            var code = error?["extensions"]?["code"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(code), context);
            Assert.True(code != "INTERNAL", context);
        }
    }
}
