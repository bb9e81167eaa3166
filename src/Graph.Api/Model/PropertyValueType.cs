namespace Graph.Api.Model;

/// <summary>The type of a property's value, so clients need not guess from the text.</summary>
public enum PropertyValueType
{
    Text,
    Number,
    Boolean,
}
