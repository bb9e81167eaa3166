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
        Field<NonNullGraphType<StringGraphType>>("key").Description("The property's name, e.g. amount.").ResolveSource(s => s.Key);
        Field<NonNullGraphType<PropertyValueTypeType>>("type").Description("The type of the value.").ResolveSource(s => s.Type);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value as text, whatever its type.").ResolveSource(s => s.Value);
        Field<FloatGraphType>("numberValue").Description("The value when it is a NUMBER, else null.")
            .ResolveSource(s => s.Type == PropertyValueType.Number ? double.Parse(s.Value, CultureInfo.InvariantCulture) : (double?)null);
        Field<BooleanGraphType>("booleanValue").Description("The value when it is a BOOLEAN, else null.")
            .ResolveSource(s => s.Type == PropertyValueType.Boolean ? s.Value == "true" : (bool?)null);
    }
}
