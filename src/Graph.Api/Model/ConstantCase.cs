using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;

namespace Graph.Api.Model;

/// <summary>Enum names as GraphQL and the import format spell them: PARTY_TO, not PartyTo.</summary>
public static class ConstantCase
{
    public static string Of(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }

    [MethodImpl(LoadingCode.Optimised)]
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        return name is not null && Names<T>.ByName.TryGetValue(name, out value);
    }

    public static string Name<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().ToFrozenDictionary(v => Of(v.ToString()), StringComparer.Ordinal);

        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Of(v.ToString()));
    }
}
