using System.ComponentModel;

namespace Graph.Api.Model;

/// <summary>The type of a property's value, so clients need not guess from the text.</summary>
public enum PropertyValueType
{
    [Description("A string.")]
    Text,
    [Description("A number; see numberValue.")]
    Number,
    [Description("true or false; see booleanValue.")]
    Boolean,
}
