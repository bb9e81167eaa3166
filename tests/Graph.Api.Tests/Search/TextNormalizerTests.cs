using Graph.Api.Search;

namespace Graph.Api.Tests.Search;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Great-Stone", "great stone")]
    [InlineData("  GREAT   stóne ", "great stone")]
    [InlineData("China–Belarus Industrial Park", "china belarus industrial park")]
    [InlineData("Xi's", "xis")]
    [InlineData("Łódź", "łodz")]
    [InlineData("---", "")]
    public void Folds_case_accents_and_punctuation(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));
}
