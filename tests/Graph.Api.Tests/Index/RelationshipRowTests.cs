using Graph.Api.Index;
using Graph.Api.Model;

namespace Graph.Api.Tests.Index;

/// <summary>A row keeps its id's block, its id's length and its type in one number: each must come back as given, up to its limit.</summary>
public sealed class RelationshipRowTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(RelationshipRow.MaxIdBlocks - 1, RelationshipRow.MaxIdLength, int.MaxValue)]
    [InlineData(2_730, 10_922, 123_456)]
    public void Every_field_reads_back_as_given(int block, int length, int start)
    {
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            var row = new RelationshipRow(block, start, length, type, RelationshipValues.None, int.MaxValue, 7, 1 << 30);

            Assert.Equal((block, start, length, type), (row.IdBlock, row.IdStart, row.IdLength, row.Type));
            Assert.Equal((RelationshipValues.None, int.MaxValue, 7, 1 << 30), (row.Description, row.ValidTime, row.Properties, row.Sources));
        }
    }

    [Fact]
    public void A_block_length_or_type_past_what_the_row_holds_is_refused_not_cut()
    {
        var type = RelationshipType.PartyTo;
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelationshipRow(RelationshipRow.MaxIdBlocks, 0, 1, type, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelationshipRow(-1, 0, 1, type, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelationshipRow(0, 0, RelationshipRow.MaxIdLength + 1, type, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelationshipRow(0, 0, -1, type, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelationshipRow(0, 0, 1, (RelationshipType)64, 0, 0, 0, 0));
    }

    [Fact]
    public void A_row_is_24_bytes() => Assert.Equal(24, System.Runtime.CompilerServices.Unsafe.SizeOf<RelationshipRow>());
}
