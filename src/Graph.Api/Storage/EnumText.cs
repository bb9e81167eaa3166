using System.Collections.Frozen;

namespace Graph.Api.Storage;

/// <summary>
/// An enum value's name as stored, one shared string per value: <see cref="Enum.ToString()"/> makes
/// a new string on every call, which for a million relationship rows meant a million copies of a
/// few dozen type names.
/// </summary>
internal static class EnumText<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => v.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
