using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Graph.Api.Search;

/// <summary>
/// Folds text for matching: accents removed, case folded, punctuation and dashes turned into single spaces,
/// so "Great-Stone", "great stone" and "GREAT STÓNE" all read "great stone".
/// </summary>
public static class TextNormalizer
{
    [MethodImpl(LoadingCode.Optimised)]
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0) folded.Append(' ');
                pendingSpace = false;
                folded.Append(char.ToLowerInvariant(c));
            }
            else
            {
                // Apostrophes join ("Xi's" → "xis") rather than split words.
                pendingSpace |= c is not ('\'' or '\u2019');
            }
        }

        return folded.ToString();
    }
}
