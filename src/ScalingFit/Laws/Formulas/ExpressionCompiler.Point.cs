using System.Linq.Expressions;
using System.Reflection;

namespace ScalingFit.Laws.Formulas;

/// <summary>Compiled evaluation at single points, in scalars (values, derivatives, the law at natural parameters).</summary>
internal static partial class ExpressionCompiler
{
    private static readonly MethodInfo MathExp = typeof(Math).GetMethod(nameof(Math.Exp), [typeof(double)])!;
    private static readonly MethodInfo MathLog = typeof(Math).GetMethod(nameof(Math.Log), [typeof(double)])!;
    private static readonly MethodInfo MathSqrt = typeof(Math).GetMethod(nameof(Math.Sqrt), [typeof(double)])!;
    private static readonly MethodInfo MathPow = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MathMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo Logistic = typeof(NodeFactory).GetMethod(nameof(NodeFactory.Logistic))!;
    private static readonly MethodInfo Softplus = typeof(NodeFactory).GetMethod(nameof(NodeFactory.SoftplusOf))!;

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
