using System.Linq.Expressions;
using System.Reflection;

namespace ScalingFit.Laws.Formulas;

/// <summary>Σᵢ wᵢ·ρ(mᵢ − yᵢ) with gradient and Hessian over all runs, in one compiled loop.</summary>
/// <param name="theta">θ.</param>
/// <param name="columns">The inputs, one array per input.</param>
/// <param name="logColumns">Their logarithms.</param>
/// <param name="target">y in the residual space.</param>
/// <param name="weights">The runs' weights.</param>
/// <param name="delta">Huber's δ (+∞ for least squares).</param>
/// <param name="gradient">Filled when the program has gradient outputs.</param>
/// <param name="hessian">Filled (row-major, k × k) when the program has Hessian outputs.</param>
internal delegate double CompiledObjective(
    double[] theta, double[][] columns, double[][] logColumns, double[] target, double[] weights, double delta, double[] gradient, double[] hessian);

/// <summary>Every output of a program at one point.</summary>
internal delegate void CompiledPoint(double[] theta, double[] inputs, double[] logs, double[] outputs);

/// <summary>
/// Compiles a <see cref="FormulaProgram"/> with System.Linq.Expressions into a delegate: the
/// uniform part hoisted before the loop over runs, one vector local per instruction inside it (as
/// many runs per step as a vector holds), and the Huber (or least-squares) accumulation of value,
/// gradient and Hessian fused in: no tree walking and no call per run. Used where code can be
/// generated at run time (the JIT); under Native AOT <see cref="TapeEvaluator"/> runs the same
/// program instead.
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>
    /// The objective over all runs, vectorised: the loop takes as many runs per step as a vector
    /// holds (four on AVX2), every instruction a vector operation (<see cref="VectorOps"/>), and
    /// the arrays must be padded to a whole number of vectors (padding runs weigh 0).
    /// <paramref name="parameters"/> is k; the outputs are m, then k gradient entries, then the
    /// upper triangle of the Hessian row by row (as many as the program has).
    /// </summary>
    public static CompiledObjective Objective(FormulaProgram program, int parameters)
    {
        var theta = Expression.Parameter(typeof(double[]), "theta");
        var columns = Expression.Parameter(typeof(double[][]), "columns");
        var logColumns = Expression.Parameter(typeof(double[][]), "logColumns");
        var target = Expression.Parameter(typeof(double[]), "target");
        var weights = Expression.Parameter(typeof(double[]), "weights");
        var delta = Expression.Parameter(typeof(double), "delta");
        var gradientOut = Expression.Parameter(typeof(double[]), "gradient");
        var hessianOut = Expression.Parameter(typeof(double[]), "hessian");
        var vector = typeof(System.Numerics.Vector<double>);

        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();
        var scalars = Uniform(program, theta, body, locals);
        // Uniform values used per run, broadcast once.
        var broadcast = new Dictionary<int, ParameterExpression>();
        Expression Scalar(int reference)
        {
            if (broadcast.TryGetValue(reference, out var v)) return v;
            v = Expression.Variable(vector, $"b{~reference}");
            locals.Add(v);
            body.Add(Expression.Assign(v, Expression.Call(Vec(nameof(VectorOps.Broadcast)), scalars[~reference])));
            return broadcast[reference] = v;
        }
        foreach (var ins in program.Varying)
            foreach (int r in new[] { ins.A, ins.B, ins.C, ins.D }.Take(TapeEvaluator.Arity(ins.Op)))
                if (r < 0) Scalar(r);
        foreach (int r in program.Outputs)
            if (r < 0) Scalar(r);

        var loaded = program.Loads.Select(l => Expression.Variable(typeof(double[]), $"col{l.Slot}")).ToArray();
        for (int j = 0; j < loaded.Length; j++)
        {
            var (_, input, log) = program.Loads[j];
            body.Add(Expression.Assign(loaded[j], Expression.ArrayIndex(log ? logColumns : columns, Expression.Constant(input))));
        }
        locals.AddRange(loaded);

        int outputs = program.Outputs.Length;
        bool withGradient = outputs > 1, withHessian = outputs > 1 + parameters;
        var pairs = new List<(int A, int B)>();
        for (int a = 0; a < parameters && withHessian; a++)
            for (int b = a; b < parameters; b++) pairs.Add((a, b));
        var f = Expression.Variable(vector, "f");
        var g = Enumerable.Range(0, withGradient ? parameters : 0).Select(a => Expression.Variable(vector, $"g{a}")).ToArray();
        var h = pairs.Select(p => Expression.Variable(vector, $"h{p.A}_{p.B}")).ToArray();
        var deltaV = Expression.Variable(vector, "delta");
        var offsetV = Expression.Variable(vector, "offset");
        locals.AddRange([f, deltaV, offsetV, .. g, .. h]);
        var zero = Expression.Call(Vec(nameof(VectorOps.Broadcast)), Expression.Constant(0.0));
        foreach (var v in g.Concat(h).Append(f)) body.Add(Expression.Assign(v, zero));
        body.Add(Expression.Assign(deltaV, Expression.Call(Vec(nameof(VectorOps.Broadcast)), delta)));
        // ½δ² (0 for least squares, where δ is infinite and the linear branch is never taken).
        body.Add(Expression.Assign(offsetV, Expression.Call(Vec(nameof(VectorOps.Broadcast)), Expression.Condition(
            Expression.Call(typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!, delta),
            Expression.Multiply(Expression.Constant(0.5), Expression.Multiply(delta, delta)), Expression.Constant(0.0)))));

        var i = Expression.Variable(typeof(int), "i");
        var n = Expression.Variable(typeof(int), "n");
        var w = Expression.Variable(vector, "w");
        var wpsi = Expression.Variable(vector, "wpsi");
        var wpp = Expression.Variable(vector, "wpp");
        locals.AddRange([i, n]);
        body.Add(Expression.Assign(n, Expression.ArrayLength(target)));
        body.Add(Expression.Assign(i, Expression.Constant(0)));
        var rowLocals = new List<ParameterExpression> { w, wpsi, wpp };
        var row = new List<Expression> { Expression.Assign(w, Expression.Call(Vec(nameof(VectorOps.Load)), weights, i)) };
        var slots = new Dictionary<int, Expression>();
        for (int j = 0; j < loaded.Length; j++)
        {
            var local = Expression.Variable(vector, $"x{j}");
            rowLocals.Add(local);
            row.Add(Expression.Assign(local, Expression.Call(Vec(nameof(VectorOps.Load)), loaded[j], i)));
            slots[program.Loads[j].Slot] = local;
        }
        foreach (var ins in program.Varying)
        {
            var local = Expression.Variable(vector);
            rowLocals.Add(local);
            row.Add(Expression.Assign(local, VectorOperation(ins, x => x < 0 ? broadcast[x] : slots[x])));
            slots[ins.Dest] = local;
        }
        Expression Out(int o) => program.Outputs[o] < 0 ? broadcast[program.Outputs[o]] : slots[program.Outputs[o]];
        row.Add(Expression.Assign(wpsi, Expression.Call(Vec(nameof(VectorOps.Huber)),
            Out(0), Expression.Call(Vec(nameof(VectorOps.Load)), target, i), w, deltaV, offsetV, f, wpp)));
        for (int a = 0; a < g.Length; a++) row.Add(Expression.Assign(g[a], Expression.Call(Vec(nameof(VectorOps.MultiplyAdd)), g[a], wpsi, Out(1 + a))));
        for (int p = 0; p < h.Length; p++)
        {
            var (a, b) = pairs[p];
            row.Add(Expression.Assign(h[p], Expression.Call(Vec(nameof(VectorOps.HessianTerm)), h[p], wpp, Out(1 + a), Out(1 + b), wpsi, Out(1 + parameters + p))));
        }
        row.Add(Expression.AddAssign(i, Expression.Constant(System.Numerics.Vector<double>.Count)));

        var end = Expression.Label("end");
        body.Add(Expression.Loop(
            Expression.IfThenElse(Expression.GreaterThanOrEqual(i, n), Expression.Break(end), Expression.Block(rowLocals, row)),
            end));
        var sum = Vec(nameof(VectorOps.Sum));
        for (int a = 0; a < g.Length; a++) body.Add(Expression.Assign(Expression.ArrayAccess(gradientOut, Expression.Constant(a)), Expression.Call(sum, g[a])));
        for (int p = 0; p < h.Length; p++)
        {
            var (a, b) = pairs[p];
            body.Add(Expression.Assign(Expression.ArrayAccess(hessianOut, Expression.Constant(a * parameters + b)), Expression.Call(sum, h[p])));
            if (a != b) body.Add(Expression.Assign(Expression.ArrayAccess(hessianOut, Expression.Constant(b * parameters + a)), Expression.Call(sum, h[p])));
        }
        body.Add(Expression.Call(sum, f));
        var lambda = Expression.Lambda<CompiledObjective>(Expression.Block(locals, body), theta, columns, logColumns, target, weights, delta, gradientOut, hessianOut);
        return lambda.Compile();
    }

    private static MethodInfo Vec(string name) => typeof(VectorOps).GetMethod(name)!;

    private static Expression VectorOperation(Instruction i, Func<int, Expression> get)
    {
        var a = get(i.A);
        return i.Op switch
        {
            Op.Add => Expression.Call(Vec(nameof(VectorOps.Add)), a, get(i.B)),
            Op.Mul => Expression.Call(Vec(nameof(VectorOps.Multiply)), a, get(i.B)),
            Op.Div => Expression.Call(Vec(nameof(VectorOps.Divide)), a, get(i.B)),
            Op.Exp => Expression.Call(Vec(nameof(VectorOps.Exp)), a),
            Op.Ln => Expression.Call(Vec(nameof(VectorOps.Log)), a),
            Op.Sqrt => Expression.Call(Vec(nameof(VectorOps.Sqrt)), a),
            Op.Pow => Expression.Call(Vec(nameof(VectorOps.Pow)), a, get(i.B)),
            Op.Min => Expression.Call(Vec(nameof(VectorOps.Min)), a, get(i.B)),
            Op.Max => Expression.Call(Vec(nameof(VectorOps.Max)), a, get(i.B)),
            Op.Sigmoid => Expression.Call(Vec(nameof(VectorOps.Sigmoid)), a),
            Op.Softplus => Expression.Call(Vec(nameof(VectorOps.Softplus)), a),
            Op.Select => Expression.Call(Vec(nameof(VectorOps.Select)), a, get(i.B), get(i.C), get(i.D)),
            _ => throw new InvalidOperationException($"{i.Op} is not an operation"),
        };
    }

    private static ParameterExpression[] Uniform(FormulaProgram program, ParameterExpression theta, List<Expression> body, List<ParameterExpression> locals)
    {
        var scalars = new ParameterExpression[program.ScalarCount];
        foreach (var ins in program.Uniform)
        {
            var local = Expression.Variable(typeof(double), $"s{ins.Dest}");
            locals.Add(local);
            Expression value = ins.Op switch
            {
                Op.Const => Expression.Constant(ins.Value),
                Op.Param => Expression.ArrayIndex(theta, Expression.Constant(ins.A)),
                _ => Operation(ins, x => scalars[~x]),
            };
            body.Add(Expression.Assign(local, value));
            scalars[ins.Dest] = local;
        }
        return scalars;
    }
}
