using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Great-Stone", "great stone")]
    [InlineData("GREAT STÓNE", "great stone")]
    [InlineData("  GREAT   stóne ", "great stone")]
    [InlineData("China–Belarus Industrial Park", "china belarus industrial park")]
    [InlineData("Łódź", "łodz")]
    [InlineData("---", "")]
    [InlineData("  China–Belarus   Industrial Park. ", "china belarus industrial park")]
    [InlineData("Xi's 2015 visit", "xis 2015 visit")]
    [InlineData("Xi’s visit", "xis visit")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ №5", "fullwidth no5")]
    [InlineData("Беларусь", "беларусь")]
    [InlineData("great stone", "great stone")]
    [InlineData("", "")]
    public void Folds_case_accents_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, TextNormalizer.Normalize(text));

    [Fact]
    public void Ascii_text_is_folded_as_the_general_way_folds_it()
    {
        // Every ASCII character, in texts shorter and longer than the fast path keeps on the stack.
        var random = new Random(11);
        for (var sample = 0; sample < 20_000; sample++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(sample % 10 == 0 ? 400 : 40)).Select(_ => Letter(random))]);
            Assert.Equal(TextNormalizer.FoldAny(text), TextNormalizer.Normalize(text));
        }
    }

    // Letters, digits, spaces and apostrophes more often than the other characters, so words form.
    private static char Letter(Random random) => random.Next(4) switch
    {
        0 => (char)random.Next(128),
        1 => " '-.A"[random.Next(5)],
        _ => "abcXYZ019"[random.Next(9)],
    };
}
