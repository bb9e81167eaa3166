using System.Text;
using Graph.Api.Import;
using Graph.Api.Index;
using Graph.Api.Model;
using Graph.Api.Storage;
using Graph.Api.Tests.Schema;

namespace Graph.Api.Tests.Import;

/// <summary>
/// The essay's seed broken at random (JSON tokens and values inserted, cut, repeated and spliced) is
/// either refused by the import's checks, with the reasons, or read, checked and indexed: never a
/// crash that would stop a start with a stack trace instead of a reason. Read whole and in runs.
/// </summary>
public sealed class SeedFuzzTests
{
    private const int FilesPerSeed = 300;

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "0", "-1", "1e400", "2147483648", "\"\"", "\"\\ud800\"", "\"\\u0000\"",
        "\"x\"", "\"2013-02-30\"", "\"2013\"", "\"1992-01-27\"", "\"COUNTRY\"", "\"PARTY_TO\"", "\"china\"", "\"belarus\"", "[]", "{}",
        "/*c*/", "\"validTo\":\"1990\",", "\"paragraph\":0,", "\"from\":\"china\",", "\"id\":\"china\",", "\"properties\":{\"a\":[1]},",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Broken_seeds_are_refused_with_reasons_or_indexed(int seed)
    {
        var source = File.ReadAllText(Path.Combine(SchemaContractTests.RepositoryRoot(), "seed", "china-belarus.json"));
        var random = new Random(seed);
        var (refused, indexed) = (0, 0);
        for (var i = 0; i < FilesPerSeed; i++)
        {
            var text = new StringBuilder(source);
            for (var edits = random.Next(1, 5); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 30), text.Length - at)); break;
                    case 1: text.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                    case 2: text.Insert(at, source.AsSpan(random.Next(source.Length - 200), random.Next(1, 200))); break;
                    default: text[at] = (char)random.Next(0x20, 0x7f); break;
                }
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            try
            {
                // Runs of 2 KB, so the relationships are read in runs side by side as a large file's are.
                var file = SeedReader.Read(bytes, runBytes: 2048, blockBytes: 512);
                var (entities, relationships) = new GraphImportValidator(new Dictionary<string, EntityKind>(), new HashSet<string>()).Validate(file);
                GraphIndex.Build(entities.Select(RecordMapping.ToEntity), relationships, RecordMapping.ForIndex());
                indexed++;
            }
            catch (ImportRejectedException rejected)
            {
                Assert.NotEmpty(rejected.Errors);
                refused++;
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}, file {i}: {ex}\n{text}");
            }
        }

        Assert.True(refused > 0 && indexed > 0, $"{refused} refused, {indexed} indexed: the mutations no longer reach both outcomes");
    }
}
