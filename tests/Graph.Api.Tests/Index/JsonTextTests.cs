using Graph.Api.Index;

namespace Graph.Api.Tests.Index;

/// <summary>
/// A relationship's id is kept only as its JSON text: the text must give the id back, and sort against any string as
/// the id itself would, escaped or beyond ASCII as much as plain.
/// </summary>
public sealed class JsonTextTests
{
    private static readonly string[] Texts =
    [
        "", "a", "ab", "abc", "a\"", "a\\b", "a\\", "ab\u0001", "a\tb", "aé", "ab-é", "Беларусь", "Беларусь-1", "中国–白俄罗斯工业园",
        "z😀", "z\uE000", "z\uFFFF", "rel-1", "rel-10", "rel-2", "rel-00000000", "rel-00000001", "zz", "<html> & 'apostrophe'",
    ];

    [Fact]
    public void The_text_gives_back_the_string_it_was_made_from()
    {
        var block = new JsonTextBlock(Texts.Length, i => Texts[i]).LaidOut(null);
        for (var i = 0; i < Texts.Length; i++) Assert.Equal(Texts[i], block.Write(i, Texts[i]).Decoded());
    }

    [Fact]
    public void The_text_sorts_against_any_string_as_its_string_does()
    {
        var block = new JsonTextBlock(Texts.Length, i => Texts[i]).LaidOut(null);
        var texts = Texts.Select((text, i) => block.Write(i, text)).ToArray();

        for (var i = 0; i < Texts.Length; i++)
        {
            foreach (var other in Texts)
            {
                Assert.True(
                    Math.Sign(string.CompareOrdinal(Texts[i], other)) == Math.Sign(texts[i].CompareOrdinal(other)),
                    $"'{Texts[i]}' against '{other}': {texts[i].CompareOrdinal(other)}, expected the sign of {string.CompareOrdinal(Texts[i], other)}");
            }
        }
    }
}
