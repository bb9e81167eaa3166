using System.Globalization;
using Graph.Api.Model;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Relationships;

internal sealed class PropertyType : ObjectGraphType<TypedProperty>
{
    public PropertyType()
    {
        Name = "Property";
        Description = "A typed fact on an entity or relationship, such as an amount, a currency or an ISO code.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The property's name, e.g. amount.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<PropertyValueTypeType>>("type").Description("The type of the value.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value as text, whatever its type.").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("numberValue").Description("The value when it is a NUMBER, else null.")
            .Resolve(c => c.Source.Type == PropertyValueType.Number ? double.Parse(c.Source.Value, CultureInfo.InvariantCulture) : null);
        Field<BooleanGraphType>("booleanValue").Description("The value when it is a BOOLEAN, else null.")
            .Resolve(c => c.Source.Type == PropertyValueType.Boolean ? c.Source.Value == "true" : null);
    }
}
