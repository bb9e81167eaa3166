using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Graph.Api.Index;
using Graph.Api.Schema;
using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>
/// A leaf field read straight from its parent value and written without boxing: the field's own
/// typed function (<see cref="SourceResolver{TSource,TValue}"/>) is called and its string, int,
/// boolean or enum value goes to the writer. Built once per plan for the common cases; any other
/// field takes the general path.
/// </summary>
internal abstract class TypedLeaf(OutputShape shape, Delegate function)
{
    protected OutputShape Shape { get; } = shape;

    /// <summary>
    /// Whether the leaf always writes a string and writes only its content: the plan writes the
    /// quotes, joined to the punctuation and names around them (<see cref="SelectionPlan.Names"/>).
    /// </summary>
    public virtual bool InsideQuotes => false;

    /// <summary>Writes the value; a null where the schema forbids one hands the request back to the engine.</summary>
    public abstract void Write(JsonOutput writer, object? source);

    /// <summary>The field's typed function, <c>Func&lt;TSource, TValue&gt;</c> or <see cref="Utf8Reader{TSource}"/>, for a plan's code to call (<see cref="PlanCode"/>).</summary>
    public Delegate Function { get; } = function;

    /// <summary>
    /// How <see cref="Write"/> writes the value the function returned, for a plan's code to call: an instance method of
    /// <see cref="JsonOutput"/> taking the value, or a static method taking the writer, the value and this leaf.
    /// </summary>
    public abstract MethodInfo WriteMethod { get; }

    /// <summary>Whether the two leaves write the same bytes for a source: the same function, written the same way.</summary>
    public bool WritesAs(TypedLeaf other) =>
        GetType() == other.GetType() && Function.Method == other.Function.Method && Function.Target == other.Function.Target
        && Shape.Scalar == other.Shape.Scalar && Shape.NonNull == other.Shape.NonNull;

    public static TypedLeaf? For(ISourceReader reader, OutputShape shape)
    {
        if (shape.Scalar is not { } scalar || reader.Function.GetType() is not { IsGenericType: true } function) return null;
        var (source, value) = (function.GenericTypeArguments[0], function.GenericTypeArguments[1]);
        if (reader.Encoded is { } encoded && scalar is StringGraphType or IdGraphType)
        {
            return (TypedLeaf?)Activator.CreateInstance(typeof(EncodedLeaf<>).MakeGenericType(source), encoded, shape);
        }

        var leaf = scalar switch
        {
            StringGraphType or IdGraphType when value == typeof(string) => typeof(StringLeaf<>),
            IntGraphType when value == typeof(int) => typeof(IntLeaf<>),
            BooleanGraphType when value == typeof(bool) => typeof(BooleanLeaf<>),
            EnumerationGraphType when value.IsEnum && Enum.GetUnderlyingType(value) == typeof(int) => typeof(EnumLeaf<,>),
            _ => null,
        };
        if (leaf is null) return null;
        var type = leaf.IsGenericTypeDefinition && leaf.GetGenericArguments().Length == 2 ? leaf.MakeGenericType(source, value) : leaf.MakeGenericType(source);
        return (TypedLeaf?)Activator.CreateInstance(type, reader.Function, shape);
    }

    private static MethodInfo Writes(string name, Type value) => typeof(JsonOutput).GetMethod(name, [value])!;

    private sealed class StringLeaf<TSource>(Func<TSource, string?> read, OutputShape shape) : TypedLeaf(shape, read)
    {
        public override MethodInfo WriteMethod => typeof(StringLeaf<TSource>).GetMethod(nameof(WriteText))!;

        public override void Write(JsonOutput writer, object? source) => WriteText(writer, read((TSource)source!), this);

        public static void WriteText(JsonOutput writer, string? text, StringLeaf<TSource> leaf)
        {
            if (text is not null) writer.WriteStringValue(text);
            else if (leaf.Shape.NonNull) throw new FallBackException("null in a non-null position");
            else writer.WriteNullValue();
        }
    }

    /// <summary>A string kept encoded as JSON text: copied as it is, between the plan's quotes.</summary>
    private sealed class EncodedLeaf<TSource>(Utf8Reader<TSource> read, OutputShape shape) : TypedLeaf(shape, read)
    {
        public override bool InsideQuotes => true;

        public override MethodInfo WriteMethod => Writes(nameof(JsonOutput.WriteRaw), typeof(ReadOnlySpan<byte>));

        public override void Write(JsonOutput writer, object? source) => writer.WriteRaw(read((TSource)source!));
    }

    private sealed class IntLeaf<TSource>(Func<TSource, int> read, OutputShape shape) : TypedLeaf(shape, read)
    {
        public override MethodInfo WriteMethod => Writes(nameof(JsonOutput.WriteNumberValue), typeof(int));

        public override void Write(JsonOutput writer, object? source) => writer.WriteNumberValue(read((TSource)source!));
    }

    private sealed class BooleanLeaf<TSource>(Func<TSource, bool> read, OutputShape shape) : TypedLeaf(shape, read)
    {
        public override MethodInfo WriteMethod => Writes(nameof(JsonOutput.WriteBooleanValue), typeof(bool));

        public override void Write(JsonOutput writer, object? source) => writer.WriteBooleanValue(read((TSource)source!));
    }

    /// <summary>An enum value written by its GraphQL name, looked up by the value's number, between the plan's quotes.</summary>
    private sealed class EnumLeaf<TSource, TEnum>(Func<TSource, TEnum> read, OutputShape shape) : TypedLeaf(shape, read)
        where TEnum : struct, Enum
    {
        private readonly JsonEncodedText?[] names = Names((EnumerationGraphType)shape.Scalar!);

        public override bool InsideQuotes => true;

        public override MethodInfo WriteMethod => typeof(EnumLeaf<TSource, TEnum>).GetMethod(nameof(WriteName))!;

        public override void Write(JsonOutput writer, object? source) => WriteName(writer, read((TSource)source!), this);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WriteName(JsonOutput writer, TEnum value, EnumLeaf<TSource, TEnum> leaf)
        {
            // The factory admits only enums over int, so the value is its number.
            var number = Unsafe.As<TEnum, int>(ref value);
            var names = leaf.names;
            if ((uint)number < (uint)names.Length && names[number] is { } name) writer.WriteRaw(name.EncodedUtf8Bytes);
            else throw new FallBackException("enum value without a name");
        }

        private static JsonEncodedText?[] Names(EnumerationGraphType enumeration)
        {
            var named = enumeration.Values.Where(v => v.Value is TEnum).Select(v => (Number: Convert.ToInt32(v.Value, null), v.Name)).ToList();
            var names = new JsonEncodedText?[named.Count == 0 ? 0 : Math.Clamp(named.Max(v => v.Number) + 1, 0, 256)];
            foreach (var (number, name) in named)
            {
                if (number >= 0 && number < names.Length) names[number] ??= JsonEncodedText.Encode(name, JsonText.Encoder);
            }

            return names;
        }
    }
}
