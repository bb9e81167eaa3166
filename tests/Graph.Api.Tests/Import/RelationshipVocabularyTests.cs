using Graph.Api.Model;

namespace Graph.Api.Tests.Import;

public sealed class RelationshipVocabularyTests
{
    [Fact]
    public void A_type_allows_exactly_the_kinds_it_lists_in_its_direction_and_is_symmetric_as_declared()
    {
        foreach (var info in RelationshipVocabulary.All)
        {
            Assert.Equal(info.Symmetric, RelationshipVocabulary.IsSymmetric(info.Type));
            foreach (var from in Enum.GetValues<EntityKind>())
            {
                foreach (var to in Enum.GetValues<EntityKind>())
                {
                    Assert.Equal(info.FromKinds.Contains(from) && info.ToKinds.Contains(to), RelationshipVocabulary.Allows(info.Type, from, to));
                }
            }
        }

        Assert.False(RelationshipVocabulary.Allows((RelationshipType)999, EntityKind.Country, EntityKind.Country));
        Assert.False(RelationshipVocabulary.Allows(RelationshipType.DiplomaticRelations, (EntityKind)40, EntityKind.Country));
    }
}
