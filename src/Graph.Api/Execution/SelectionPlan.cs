using GraphQL.Types;

namespace Graph.Api.Execution;

/// <summary>The fields to write for one concrete object type, in response order, fragments already merged.</summary>
internal sealed class SelectionPlan(IObjectGraphType type, FieldPlan[] fields, int codeAfterRuns)
{
    private int runs;

    public IObjectGraphType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;

    /// <summary>
    /// The type's IsTypeOf when the engine would check each value with it (not when it skips the check),
    /// read once per plan rather than through the type's interface for every value.
    /// </summary>
    public Func<object, bool>? TypeCheck { get; } = type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck ? isTypeOf : null;

    /// <summary>
    /// What each field's value is written after, as one piece: the opening brace or the comma, the name,
    /// and the quotes of the string values on either side that a leaf leaves to the plan
    /// (<see cref="TypedLeaf.InsideQuotes"/>). Between two ids that is <c>","name":"</c>. An answer of a
    /// thousand small objects is mostly these pieces, so each copied in whole saves several small writes.
    /// </summary>
    public byte[][] Names { get; } = fields.Select((field, i) =>
        (byte[])[.. i == 0 ? "{"u8 : Quoted(fields[i - 1]) ? "\","u8 : ","u8, .. field.Key, .. Quoted(field) ? "\""u8 : []]).ToArray();

    /// <summary>What the object ends with: the last string's closing quote, if the plan writes it, and the brace.</summary>
    public byte[] Closing { get; } = fields.Length == 0 ? "{}"u8.ToArray() : Quoted(fields[^1]) ? "\"}"u8.ToArray() : "}"u8.ToArray();

    /// <summary>
    /// Whether every field is a typed leaf (<see cref="FieldPlan.Leaf"/>), as in an entity's <c>{ id name kind }</c> or a
    /// relationship end's <c>{ id }</c>: such an object calls no resolver, so the runner writes it without the checks around
    /// other objects, and a parent's code writes it in place (<see cref="PlanCode"/>).
    /// </summary>
    public bool AllLeaves { get; } = fields.All(field => field.Leaf is not null);

    /// <summary>
    /// The plan's own code (<see cref="PlanCode"/>), made once the plan has written <c>codeAfterRuns</c> objects
    /// (<see cref="CompiledExecutionOptions.CodeAfterRuns"/>); until then, or if it cannot be made, null, and
    /// <see cref="PlanRunner"/> walks the fields.
    /// </summary>
    public PlanWriter? Code { get; private set; }

    /// <summary>
    /// Counts an object written without code and makes the code on the count given. A plain count: two requests racing
    /// may lose a run, or both make the code, which is the same code either way.
    /// </summary>
    public void CountRun()
    {
        if (runs < codeAfterRuns && ++runs == codeAfterRuns) Code = PlanCode.Make(this);
    }

    /// <summary>
    /// The buffer to start the next response with (root plans only): a little over the last one's
    /// size, so a large response is not copied again each time its buffer doubles.
    /// </summary>
    public int ResponseSizeHint { get; set; } = 4096;

    private static bool Quoted(FieldPlan field) => field.Leaf is { InsideQuotes: true };
}
