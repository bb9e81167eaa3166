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
    // Folded on the stack up to this length; longer text (rare: names are at most 200 characters) on the heap.
    private const int StackChars = 256;

    public static string Normalize(string text) => Ascii.IsValid(text) ? FoldAscii(text) : FoldAny(text);

    /// <summary>Any text: decomposed (compatibility forms too), marks dropped, letters and digits lowercased, the rest a single space between words.</summary>
    [MethodImpl(LoadingCode.Optimised)]
    internal static string FoldAny(string text)
    {
        var decomposed = Decomposed(text);
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

    /// <summary>
    /// The text in compatibility decomposition. Normalisation refuses text holding half of a surrogate pair,
    /// which a query's string can escape (the same escape in a request's JSON is refused with the request);
    /// such a half is replaced first, as decoding UTF-8 replaces a broken sequence (with U+FFFD), and then
    /// folds like punctuation.
    /// </summary>
    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKD);
        }
    }

    /// <summary>
    /// ASCII text, folded as <see cref="FoldAny"/> folds it without its work: ASCII has nothing to decompose
    /// and no marks, and its letters and digits are A–Z, a–z and 0–9. Most names are ASCII; folding the
    /// 133k names of 100k entities the general way made four objects a name, on memory a start has not
    /// touched yet, which is costly (bench/HISTORY.md, round 32). Text that is already folded comes back as it is.
    /// </summary>
    [MethodImpl(LoadingCode.Optimised)]
    private static string FoldAscii(string text)
    {
        var folded = text.Length <= StackChars ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Each letter or digit is one character, and a space stands for at least one other: never longer than the text.
                if (pendingSpace && length > 0) folded[length++] = ' ';
                pendingSpace = false;
                folded[length++] = char.IsAsciiLetterUpper(c) ? (char)(c + ('a' - 'A')) : c;
            }
            else
            {
                pendingSpace |= c != '\'';
            }
        }

        return folded[..length].SequenceEqual(text) ? text : new string(folded[..length]);
    }
}
