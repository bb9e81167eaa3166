namespace Graph.Api.Import;

/// <summary>
/// Where a value sits in an import file, e.g. <c>relationships[12].sources[0].document</c>. Kept as
/// parts and formatted only when an error is reported: a million valid items then cost no strings.
/// </summary>
internal readonly record struct ImportPath(string Collection, int Index, string? Member = null, int? Item = null, string? ItemMember = null)
{
    /// <summary>A named part below this one: the item's member first, then a member of a list element.</summary>
    public ImportPath Dot(string name) => Member is null ? this with { Member = name } : this with { ItemMember = name };

    /// <summary>An element of the list this path names.</summary>
    public ImportPath At(int item) => this with { Item = item };

    public override string ToString()
    {
        var text = $"{Collection}[{Index}]";
        if (Member is not null) text += $".{Member}";
        if (Item is { } item) text += $"[{item}]";
        if (ItemMember is not null) text += $".{ItemMember}";
        return text;
    }
}
