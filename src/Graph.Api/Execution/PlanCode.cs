using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Graph.Api.Execution;

/// <summary>Writes one object of a plan's type: the plan's own code (<see cref="PlanCode"/>).</summary>
internal delegate void PlanWriter(PlanRunner runner, JsonOutput writer, object? source, int depth);

/// <summary>
/// Makes a plan's code: a method that writes what <see cref="PlanRunner"/> would write for the plan, with the walk over the
/// plan unrolled. Each field's function (a lambda of the schema's) is called directly, where the runner calls it through a
/// delegate behind a virtual call, so a short function is compiled into the method and reading an id is a load, not two
/// calls. A list of objects is looped over in the method. An object of leaves only whose plan was known when the code was
/// made (an entity at a relationship's end, <c>{ id }</c>) is written in place, behind a check that the runner found that
/// plan for it; any other object goes to the runner, and so to its own plan's code. A field with a resolver of its own, a
/// list that is not an array and an object of a plan not seen before are the runner's too. A neighbourhood's answer writes
/// some 3,500 objects and reads some 7,000 fields, and the walk around them was most of its time (bench/HISTORY.md, round 62).
/// </summary>
internal sealed class PlanCode
{
    /// <summary>The blocks one object may be written in place by, one per distinct plan; other plans go to the runner.</summary>
    private const int MaxBlocks = 4;

    private static readonly MethodInfo WriteRaw = typeof(JsonOutput).GetMethod(nameof(JsonOutput.WriteRaw), [typeof(ReadOnlySpan<byte>)])!;
    private static readonly MethodInfo WriteStartArray = typeof(JsonOutput).GetMethod(nameof(JsonOutput.WriteStartArray))!;
    private static readonly MethodInfo WriteSeparator = typeof(JsonOutput).GetMethod(nameof(JsonOutput.WriteSeparator))!;
    private static readonly MethodInfo WriteEndArray = typeof(JsonOutput).GetMethod(nameof(JsonOutput.WriteEndArray))!;
    private static readonly MethodInfo AsSpan = typeof(ReadOnlySpan<byte>).GetMethod("op_Implicit", [typeof(byte[])])!;
    private static readonly MethodInfo WriteResult = typeof(PlanRunner).GetMethod(nameof(PlanRunner.WriteResult))!;
    private static readonly MethodInfo WriteField = typeof(PlanRunner).GetMethod(nameof(PlanRunner.WriteField))!;
    private static readonly MethodInfo WriteValue = typeof(PlanRunner).GetMethod(nameof(PlanRunner.WriteValue))!;
    private static readonly MethodInfo WriteObject = typeof(PlanRunner).GetMethod(nameof(PlanRunner.WriteObject))!;
    private static readonly MethodInfo PlanOf = typeof(PlanRunner).GetMethod(nameof(PlanRunner.PlanOf))!;
    private static readonly MethodInfo ThrowIfCancelled = typeof(PlanRunner).GetMethod(nameof(PlanRunner.ThrowIfCancelled))!;

    // The method's arguments: its constants (the delegate is closed over them), then PlanWriter's.
    private const byte Runner = 1, Writer = 2, Source = 3, Depth = 4;

    private readonly List<object> constants = [];
    private readonly ILGenerator il;
    private readonly DynamicMethod method;

    private PlanCode(SelectionPlan plan)
    {
        method = new DynamicMethod($"Write {plan.Type.Name}", typeof(void),
            [typeof(object[]), typeof(PlanRunner), typeof(JsonOutput), typeof(object), typeof(int)], typeof(PlanCode).Module, skipVisibility: true);
        il = method.GetILGenerator();
    }

    /// <summary>The plan's code, or null where code cannot be made here (no runtime compiler): the runner then walks the plan.</summary>
    public static PlanWriter? Make(SelectionPlan plan)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled) return null;
        var code = new PlanCode(plan);
        var source = code.il.DeclareLocal(typeof(object));
        code.il.Emit(OpCodes.Ldarg_S, Source);
        code.il.Emit(OpCodes.Stloc, source);
        code.EmitFields(plan, new ObjectSource(source), 0);
        code.il.Emit(OpCodes.Ret);
        return code.method.CreateDelegate<PlanWriter>(code.constants.ToArray());
    }

    /// <summary>The plan's fields for the object in <paramref name="source"/>, <paramref name="nesting"/> objects below the method's own.</summary>
    private void EmitFields(SelectionPlan plan, ObjectSource source, int nesting)
    {
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            EmitWriteRaw(plan.Names[i]);
            var field = plan.Fields[i];
            if (field.Leaf is { } leaf)
            {
                // writer.Write…(read(source)[, leaf])
                il.Emit(OpCodes.Ldarg_S, Writer);
                EmitRead(leaf.Function, source);
                if (leaf.WriteMethod.IsStatic) EmitConstant(leaf);
                il.Emit(leaf.WriteMethod.IsStatic ? OpCodes.Call : OpCodes.Callvirt, leaf.WriteMethod);
            }
            else if (field.Reader is { } reader)
            {
                var type = EmitRead(reader.Function, source);
                if (type.IsValueType) il.Emit(OpCodes.Box, type);
                var value = il.DeclareLocal(typeof(object));
                il.Emit(OpCodes.Stloc, value);
                EmitResult(value, field, nesting);
            }
            else
            {
                // runner.WriteField(source, plan, i, depth)
                il.Emit(OpCodes.Ldarg_S, Runner);
                il.Emit(OpCodes.Ldloc, source.Value);
                EmitConstant(plan);
                il.Emit(OpCodes.Ldc_I4, i);
                EmitDepth(nesting);
                il.Emit(OpCodes.Callvirt, WriteField);
            }
        }

        EmitWriteRaw(plan.Closing);
    }

    /// <summary>A field's value: an object or a list of objects written here, anything else by the runner.</summary>
    private void EmitResult(LocalBuilder value, FieldPlan field, int nesting)
    {
        var shape = field.Shape!;
        if (shape.IsComposite)
        {
            EmitObject(value, shape, field, nesting);
        }
        else if (shape.Item is { IsComposite: true } item)
        {
            EmitList(value, item, field, nesting);
        }
        else
        {
            EmitWriteResult(value, field, nesting);
        }
    }

    // runner.WriteResult(value, field, depth): the runner writes the value by its shape.
    private void EmitWriteResult(LocalBuilder value, FieldPlan field, int nesting)
    {
        il.Emit(OpCodes.Ldarg_S, Runner);
        il.Emit(OpCodes.Ldloc, value);
        EmitConstant(field);
        EmitDepth(nesting);
        il.Emit(OpCodes.Callvirt, WriteResult);
    }

    /// <summary>A list of objects: an array is looped over here; anything else (null, another kind of list) goes to the runner.</summary>
    private void EmitList(LocalBuilder value, OutputShape item, FieldPlan field, int nesting)
    {
        var array = il.DeclareLocal(typeof(object[]));
        var index = il.DeclareLocal(typeof(int));
        var element = il.DeclareLocal(typeof(object));
        var notArray = il.DefineLabel();
        var end = il.DefineLabel();
        var next = il.DefineLabel();
        var check = il.DefineLabel();
        var first = il.DefineLabel();

        // An array of objects (of any class: a relationship's list is a RelationshipNode[]), as the runner walks it.
        il.Emit(OpCodes.Ldloc, value);
        il.Emit(OpCodes.Isinst, typeof(object[]));
        il.Emit(OpCodes.Stloc, array);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Brfalse, notArray);

        il.Emit(OpCodes.Ldarg_S, Runner);
        il.Emit(OpCodes.Callvirt, ThrowIfCancelled);
        il.Emit(OpCodes.Ldarg_S, Writer);
        il.Emit(OpCodes.Callvirt, WriteStartArray);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Stloc, index);
        il.Emit(OpCodes.Br, check);

        il.MarkLabel(next);
        il.Emit(OpCodes.Ldloc, index);
        il.Emit(OpCodes.Brfalse, first);
        il.Emit(OpCodes.Ldarg_S, Writer);
        il.Emit(OpCodes.Callvirt, WriteSeparator);
        il.MarkLabel(first);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Ldloc, index);
        il.Emit(OpCodes.Ldelem_Ref);
        il.Emit(OpCodes.Stloc, element);
        EmitObject(element, item, field, nesting);
        il.Emit(OpCodes.Ldloc, index);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, index);

        il.MarkLabel(check);
        il.Emit(OpCodes.Ldloc, index);
        il.Emit(OpCodes.Ldloc, array);
        il.Emit(OpCodes.Ldlen);
        il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Blt, next);
        il.Emit(OpCodes.Ldarg_S, Writer);
        il.Emit(OpCodes.Callvirt, WriteEndArray);
        il.Emit(OpCodes.Br, end);

        il.MarkLabel(notArray);
        EmitWriteResult(value, field, nesting);
        il.MarkLabel(end);
    }

    /// <summary>
    /// One object value of a composite shape. Its plan is found by the runner (the type resolved and checked as the engine
    /// would); where it is a plan already known, the object is written here, else the runner writes it. Known plans that
    /// write the same bytes (an entity's <c>{ id }</c> under each of its kinds) share one block.
    /// </summary>
    private void EmitObject(LocalBuilder value, OutputShape shape, FieldPlan field, int nesting)
    {
        var isNull = il.DefineLabel();
        var end = il.DefineLabel();
        var plan = il.DeclareLocal(typeof(SelectionPlan));

        il.Emit(OpCodes.Ldloc, value);
        il.Emit(OpCodes.Brfalse, isNull);

        // plan = runner.PlanOf(value, shape, field)
        il.Emit(OpCodes.Ldarg_S, Runner);
        il.Emit(OpCodes.Ldloc, value);
        EmitConstant(shape);
        EmitConstant(field);
        il.Emit(OpCodes.Callvirt, PlanOf);
        il.Emit(OpCodes.Stloc, plan);

        foreach (var block in Blocks(field, shape))
        {
            var written = il.DefineLabel();
            var skip = il.DefineLabel();
            foreach (var known in block)
            {
                il.Emit(OpCodes.Ldloc, plan);
                EmitConstant(known);
                il.Emit(OpCodes.Beq, written);
            }

            il.Emit(OpCodes.Br, skip);
            il.MarkLabel(written);
            EmitFields(block[0], new ObjectSource(value), nesting + 1);
            il.Emit(OpCodes.Br, end);
            il.MarkLabel(skip);
        }

        // runner.WriteObject(value, plan, depth + 1)
        il.Emit(OpCodes.Ldarg_S, Runner);
        il.Emit(OpCodes.Ldloc, value);
        il.Emit(OpCodes.Ldloc, plan);
        EmitDepth(nesting + 1);
        il.Emit(OpCodes.Callvirt, WriteObject);
        il.Emit(OpCodes.Br, end);

        // runner.WriteValue(null, shape, field, depth): null, or the engine's error where the schema forbids it.
        il.MarkLabel(isNull);
        il.Emit(OpCodes.Ldarg_S, Runner);
        il.Emit(OpCodes.Ldnull);
        EmitConstant(shape);
        EmitConstant(field);
        EmitDepth(nesting);
        il.Emit(OpCodes.Callvirt, WriteValue);
        il.MarkLabel(end);
    }

    /// <summary>
    /// The plans known for the field's objects that are written in place, grouped by the bytes they write: plans of leaves
    /// only (an entity's <c>{ id }</c>, <c>{ id name kind }</c>). A larger object is written by its own plan's code, through
    /// the runner: a relationship written in place made the answer slower, likely because a method that large spent the
    /// compiler's budget for taking calls in (bench/HISTORY.md, round 62).
    /// </summary>
    private static List<List<SelectionPlan>> Blocks(FieldPlan field, OutputShape shape)
    {
        var blocks = new List<List<SelectionPlan>>();
        var known = shape.Object is { } type ? [field.PlanFor(type)] : field.KnownPlans;
        foreach (var plan in known.Where(p => p.AllLeaves))
        {
            if (blocks.Find(b => SameBytes(b[0], plan)) is { } same) same.Add(plan);
            else if (blocks.Count < MaxBlocks) blocks.Add([plan]);
        }

        return blocks;
    }

    // Two plans of leaves only that write the same names with leaves that write alike.
    private static bool SameBytes(SelectionPlan a, SelectionPlan b) =>
        a.Fields.Length == b.Fields.Length
        && a.Names.Zip(b.Names).All(n => n.First.AsSpan().SequenceEqual(n.Second))
        && a.Fields.Zip(b.Fields).All(f => f.First.Leaf!.WritesAs(f.Second.Leaf!));

    private void EmitWriteRaw(byte[] bytes)
    {
        il.Emit(OpCodes.Ldarg_S, Writer);
        EmitConstant(bytes);
        il.Emit(OpCodes.Call, AsSpan);
        il.Emit(OpCodes.Callvirt, WriteRaw);
    }

    /// <summary>
    /// Calls a field's function on the source, leaving its value on the stack. A lambda's method is called directly, on
    /// its closure object, so the compiler can take its body in; any other delegate is invoked. Returns the value's type.
    /// </summary>
    private Type EmitRead(Delegate function, ObjectSource source)
    {
        var target = function.Method;
        var parameters = target.GetParameters();
        if (function.HasSingleTarget && parameters.Length == 1 && !target.IsVirtual && target.DeclaringType is { IsValueType: false }
            && (target.IsStatic ? function.Target is null : function.Target is not null))
        {
            if (!target.IsStatic) EmitConstant(function.Target!);
            EmitSource(source, parameters[0].ParameterType);
            il.Emit(OpCodes.Call, target);
            return target.ReturnType;
        }

        var invoke = function.GetType().GetMethod(nameof(Action.Invoke))!;
        EmitConstant(function);
        EmitSource(source, invoke.GetParameters()[0].ParameterType);
        il.Emit(OpCodes.Callvirt, invoke);
        return invoke.ReturnType;
    }

    // The source as the function's parameter type: checked as the runner's cast checks it (a wrong type throws, and the
    // request goes to the engine).
    private void EmitSource(ObjectSource source, Type type)
    {
        if (type == typeof(object))
        {
            il.Emit(OpCodes.Ldloc, source.Value);
            return;
        }

        // Cast once per object and type, and kept: the fields of one object mostly read it as one type.
        if (!source.Typed.TryGetValue(type, out var typed))
        {
            typed = source.Typed[type] = il.DeclareLocal(type);
            il.Emit(OpCodes.Ldloc, source.Value);
            il.Emit(OpCodes.Unbox_Any, type);
            il.Emit(OpCodes.Stloc, typed);
        }

        il.Emit(OpCodes.Ldloc, typed);
    }

    /// <summary>
    /// The object a plan's fields are read from: a local of the method, and the same object already cast to each type a
    /// field's function took it as. Its fields are written one after the other, so the first cast comes before every use.
    /// </summary>
    private sealed class ObjectSource(LocalBuilder value)
    {
        public LocalBuilder Value { get; } = value;

        public Dictionary<Type, LocalBuilder> Typed { get; } = [];
    }

    private void EmitDepth(int nesting)
    {
        il.Emit(OpCodes.Ldarg_S, Depth);
        if (nesting == 0) return;
        il.Emit(OpCodes.Ldc_I4, nesting);
        il.Emit(OpCodes.Add);
    }

    /// <summary>
    /// A constant of the code, from the array its delegate is closed over. Not cast: the array holds what was put there, of
    /// its own type, and a cast the compiler cannot see through is a call (with a type test against an array type, a fifth
    /// of the time, measured).
    /// </summary>
    private void EmitConstant(object value)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, constants.Count);
        il.Emit(OpCodes.Ldelem_Ref);
        constants.Add(value);
    }
}
