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
/// uniform part hoisted before the loop over runs, one local per instruction inside it, and the
/// Huber (or least-squares) accumulation of value, gradient and Hessian fused in: no tree walking
/// and no call per run. Used where code can be generated at run time (the JIT); under Native AOT
/// <see cref="TapeEvaluator"/> runs the same program instead.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly MethodInfo MathExp = typeof(Math).GetMethod(nameof(Math.Exp), [typeof(double)])!;
    private static readonly MethodInfo MathLog = typeof(Math).GetMethod(nameof(Math.Log), [typeof(double)])!;
    private static readonly MethodInfo MathSqrt = typeof(Math).GetMethod(nameof(Math.Sqrt), [typeof(double)])!;
    private static readonly MethodInfo MathPow = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathAbs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
    private static readonly MethodInfo Logistic = typeof(NodeFactory).GetMethod(nameof(NodeFactory.Logistic))!;
    private static readonly MethodInfo Softplus = typeof(NodeFactory).GetMethod(nameof(NodeFactory.SoftplusOf))!;

    /// <summary>The objective over all runs; <paramref name="parameters"/> is k, and the outputs are m, then k gradient entries, then the upper triangle of the Hessian row by row (as many as the program has).</summary>
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

        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();
        var scalars = Uniform(program, theta, body, locals);

        // Columns as locals, once.
        var loaded = program.Loads.Select(l => Expression.Variable(typeof(double[]), $"col{l.Slot}")).ToArray();
        for (int j = 0; j < loaded.Length; j++)
        {
            var (_, input, log) = program.Loads[j];
            body.Add(Expression.Assign(loaded[j], Expression.ArrayIndex(log ? logColumns : columns, Expression.Constant(input))));
        }
        locals.AddRange(loaded);

        int outputs = program.Outputs.Length;
        bool withGradient = outputs > 1, withHessian = outputs > 1 + parameters;
        var f = Expression.Variable(typeof(double), "f");
        var g = Enumerable.Range(0, withGradient ? parameters : 0).Select(a => Expression.Variable(typeof(double), $"g{a}")).ToArray();
        var pairs = new List<(int A, int B)>();
        for (int a = 0; a < parameters && withHessian; a++)
            for (int b = a; b < parameters; b++) pairs.Add((a, b));
        var h = pairs.Select(p => Expression.Variable(typeof(double), $"h{p.A}_{p.B}")).ToArray();
        locals.Add(f);
        locals.AddRange(g);
        locals.AddRange(h);
        body.Add(Expression.Assign(f, Expression.Constant(0.0)));
        foreach (var v in g.Concat(h)) body.Add(Expression.Assign(v, Expression.Constant(0.0)));

        // The loop over runs.
        var i = Expression.Variable(typeof(int), "i");
        var n = Expression.Variable(typeof(int), "n");
        var w = Expression.Variable(typeof(double), "w");
        var r = Expression.Variable(typeof(double), "r");
        var ar = Expression.Variable(typeof(double), "ar");
        var psi = Expression.Variable(typeof(double), "wpsi");
        var pp = Expression.Variable(typeof(double), "wpp");
        locals.AddRange([i, n]);
        body.Add(Expression.Assign(n, Expression.ArrayLength(target)));
        body.Add(Expression.Assign(i, Expression.Constant(0)));
        var rowLocals = new List<ParameterExpression> { w, r, ar, psi, pp };
        var row = new List<Expression>();
        var slots = new Dictionary<int, Expression>();
        for (int j = 0; j < loaded.Length; j++) slots[program.Loads[j].Slot] = Expression.ArrayIndex(loaded[j], i);
        // Each instruction gets its own local (slots are reused across instructions; locals are not).
        foreach (var ins in program.Varying)
        {
            var local = Expression.Variable(typeof(double));
            rowLocals.Add(local);
            row.Add(Expression.Assign(local, Operation(ins, x => x < 0 ? scalars[~x] : slots[x])));
            slots[ins.Dest] = local;
        }
        Expression Out(int o) => program.Outputs[o] < 0 ? scalars[~program.Outputs[o]] : slots[program.Outputs[o]];
        // Huber: ρ = ½r² inside ±δ, δ|r| − ½δ² outside; ψ = clamp(r), ψ′ = 1 inside, 0 outside.
        row.Add(Expression.Assign(r, Expression.Subtract(Out(0), Expression.ArrayIndex(target, i))));
        row.Add(Expression.Assign(ar, Expression.Call(MathAbs, r)));
        var half = Expression.Constant(0.5);
        row.Add(Expression.IfThenElse(Expression.LessThanOrEqual(ar, delta),
            Expression.Block(
                Expression.AddAssign(f, Expression.Multiply(w, Expression.Multiply(half, Expression.Multiply(r, r)))),
                Expression.Assign(psi, Expression.Multiply(w, r)),
                Expression.Assign(pp, w)),
            Expression.Block(
                Expression.AddAssign(f, Expression.Multiply(w, Expression.Subtract(Expression.Multiply(delta, ar), Expression.Multiply(half, Expression.Multiply(delta, delta))))),
                Expression.Assign(psi, Expression.Multiply(w, Expression.Condition(Expression.GreaterThan(r, Expression.Constant(0.0)), delta, Expression.Negate(delta)))),
                Expression.Assign(pp, Expression.Constant(0.0)))));
        for (int a = 0; a < g.Length; a++) row.Add(Expression.AddAssign(g[a], Expression.Multiply(psi, Out(1 + a))));
        for (int p = 0; p < h.Length; p++)
        {
            var (a, b) = pairs[p];
            row.Add(Expression.AddAssign(h[p], Expression.Add(
                Expression.Multiply(pp, Expression.Multiply(Out(1 + a), Out(1 + b))),
                Expression.Multiply(psi, Out(1 + parameters + p)))));
        }

        var end = Expression.Label("end");
        var next = Expression.Label("next");
        var loop = Expression.Loop(
            Expression.Block(
                Expression.IfThen(Expression.GreaterThanOrEqual(i, n), Expression.Break(end)),
                Expression.Assign(w, Expression.ArrayIndex(weights, i)),
                Expression.IfThen(Expression.NotEqual(w, Expression.Constant(0.0)), Expression.Block(rowLocals.Skip(1).Except([r, ar, psi, pp]), row)),
                Expression.PostIncrementAssign(i)),
            end);
        body.Add(Expression.Block([w, r, ar, psi, pp], loop));
        _ = next;
        for (int a = 0; a < g.Length; a++) body.Add(Expression.Assign(Expression.ArrayAccess(gradientOut, Expression.Constant(a)), g[a]));
        for (int p = 0; p < h.Length; p++)
        {
            var (a, b) = pairs[p];
            body.Add(Expression.Assign(Expression.ArrayAccess(hessianOut, Expression.Constant(a * parameters + b)), h[p]));
            if (a != b) body.Add(Expression.Assign(Expression.ArrayAccess(hessianOut, Expression.Constant(b * parameters + a)), h[p]));
        }
        body.Add(f);
        var lambda = Expression.Lambda<CompiledObjective>(Expression.Block(locals, body), theta, columns, logColumns, target, weights, delta, gradientOut, hessianOut);
        return lambda.Compile();
    }

    /// <summary>Every output at one point.</summary>
    public static CompiledPoint Point(FormulaProgram program)
    {
        var theta = Expression.Parameter(typeof(double[]), "theta");
        var inputs = Expression.Parameter(typeof(double[]), "inputs");
        var logs = Expression.Parameter(typeof(double[]), "logs");
        var outputs = Expression.Parameter(typeof(double[]), "outputs");
        var body = new List<Expression>();
        var locals = new List<ParameterExpression>();
        var scalars = Uniform(program, theta, body, locals);
        var slots = new Dictionary<int, Expression>();
        foreach (var (slot, input, log) in program.Loads) slots[slot] = Expression.ArrayIndex(log ? logs : inputs, Expression.Constant(input));
        foreach (var ins in program.Varying)
        {
            var local = Expression.Variable(typeof(double));
            locals.Add(local);
            body.Add(Expression.Assign(local, Operation(ins, x => x < 0 ? scalars[~x] : slots[x])));
            slots[ins.Dest] = local;
        }
        for (int o = 0; o < program.Outputs.Length; o++)
        {
            int reference = program.Outputs[o];
            body.Add(Expression.Assign(Expression.ArrayAccess(outputs, Expression.Constant(o)), reference < 0 ? scalars[~reference] : slots[reference]));
        }
        body.Add(Expression.Empty());
        return Expression.Lambda<CompiledPoint>(Expression.Block(locals, body), theta, inputs, logs, outputs).Compile();
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

    private static Expression Operation(Instruction i, Func<int, Expression> get)
    {
        var a = get(i.A);
        return i.Op switch
        {
            Op.Add => Expression.Add(a, get(i.B)),
            Op.Mul => Expression.Multiply(a, get(i.B)),
            Op.Div => Expression.Divide(a, get(i.B)),
            Op.Exp => Expression.Call(MathExp, a),
            Op.Ln => Expression.Call(MathLog, a),
            Op.Sqrt => Expression.Call(MathSqrt, a),
            Op.Pow => Expression.Call(MathPow, a, get(i.B)),
            Op.Min => Expression.Call(MathMin, a, get(i.B)),
            Op.Max => Expression.Call(MathMax, a, get(i.B)),
            Op.Sigmoid => Expression.Call(Logistic, a),
            Op.Softplus => Expression.Call(Softplus, a),
            Op.Select => Expression.Condition(Expression.LessThan(a, get(i.B)), get(i.C), get(i.D)),
            _ => throw new InvalidOperationException($"{i.Op} is not an operation"),
        };
    }
}
