namespace ScalingFit.Laws.Formulas;

/// <summary>One step of a <see cref="FormulaProgram"/>: Dest = Op(A, B, C, D) (operands as <see cref="FormulaProgram"/> references).</summary>
internal readonly record struct Instruction(Op Op, int Dest, int A, int B, int C, int D, double Value);

/// <summary>
/// A flat list of instructions computing a set of output nodes for every run: the nodes that depend
/// on no input (the uniform part: parameters, exp(ln A)…) once per evaluation into scalars, the
/// others per run into slots, reused once a value is dead. A reference r ≥ 0 is slot r; r &lt; 0 is
/// scalar ~r. The same program runs in two ways: compiled by <see cref="ExpressionCompiler"/>, or
/// interpreted over blocks of runs by <see cref="TapeEvaluator"/>.
/// </summary>
internal sealed class FormulaProgram
{
    private FormulaProgram(Instruction[] uniform, Instruction[] varying, (int Slot, int Input, bool Log)[] loads, int[] outputs, int scalars, int slots)
    {
        Uniform = uniform;
        Varying = varying;
        Loads = loads;
        Outputs = outputs;
        ScalarCount = scalars;
        SlotCount = slots;
    }

    /// <summary>Instructions computed once per evaluation into scalars (Param reads θ[Value as index]).</summary>
    public Instruction[] Uniform { get; }

    /// <summary>Instructions computed for every run, into slots.</summary>
    public Instruction[] Varying { get; }

    /// <summary>Slots filled with an input column or its logarithm before the per-run instructions.</summary>
    public (int Slot, int Input, bool Log)[] Loads { get; }

    /// <summary>A reference for each output node.</summary>
    public int[] Outputs { get; }

    public int ScalarCount { get; }

    public int SlotCount { get; }

    /// <summary>The number of instructions run per run.</summary>
    public int Length => Varying.Length;

    public static FormulaProgram Build(IReadOnlyList<Node> outputs)
    {
        // Every node the outputs need, in creation order (arguments before their users).
        var needed = new SortedDictionary<int, Node>();
        var stack = new Stack<Node>(outputs);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!needed.TryAdd(n.Id, n)) continue;
            foreach (var a in n.Args) stack.Push(a);
        }
        var order = needed.Values.ToList();
        var refOf = new Dictionary<int, int>();
        var uniform = new List<Instruction>();
        int scalars = 0;
        foreach (var n in order.Where(n => n.Uniform))
        {
            int dest = scalars++;
            refOf[n.Id] = ~dest;
            uniform.Add(n.Op switch
            {
                Op.Const => new Instruction(Op.Const, dest, 0, 0, 0, 0, n.Value),
                Op.Param => new Instruction(Op.Param, dest, n.Index, 0, 0, 0, 0),
                _ => new Instruction(n.Op, dest, Ref(n, 0), Ref(n, 1), Ref(n, 2), Ref(n, 3), n.Value),
            });
        }

        // Last use of each varying node, for slot reuse; outputs live to the end.
        var varying = order.Where(n => !n.Uniform).ToList();
        var position = varying.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var lastUse = varying.ToDictionary(n => n.Id, n => position[n.Id]);
        foreach (var n in varying)
            foreach (var a in n.Args.Where(a => !a.Uniform)) lastUse[a.Id] = Math.Max(lastUse[a.Id], position[n.Id]);
        foreach (var o in outputs.Where(o => !o.Uniform)) lastUse[o.Id] = int.MaxValue;

        // Inputs and their logarithms get slots of their own, filled before the instructions run.
        var free = new Stack<int>();
        int slots = 0;
        var code = new List<Instruction>();
        var loads = new List<(int, int, bool)>();
        foreach (var n in varying.Where(n => n.Op is Op.Input or Op.LogInput))
        {
            refOf[n.Id] = slots;
            loads.Add((slots++, n.Index, n.Op == Op.LogInput));
        }
        for (int i = 0; i < varying.Count; i++)
        {
            var n = varying[i];
            if (n.Op is Op.Input or Op.LogInput) continue;
            int dest = free.Count > 0 ? free.Pop() : slots++;
            code.Add(new Instruction(n.Op, dest, Ref(n, 0), Ref(n, 1), Ref(n, 2), Ref(n, 3), n.Value));
            refOf[n.Id] = dest;
            // Arguments whose last use is here die now (after the destination was taken, so it never aliases an argument).
            foreach (var a in n.Args.Where(a => !a.Uniform && a.Op is not (Op.Input or Op.LogInput)).Distinct())
                if (lastUse[a.Id] == i) free.Push(refOf[a.Id]);
            if (lastUse[n.Id] == i) free.Push(dest);
        }
        return new FormulaProgram([.. uniform], [.. code], [.. loads], outputs.Select(o => refOf[o.Id]).ToArray(), scalars, slots);

        int Ref(Node n, int k) => k < n.Args.Length ? refOf[n.Args[k].Id] : 0;
    }
}
