using System.Numerics;
using System.Runtime.CompilerServices;
using ScalingFit.Fitting;

namespace ScalingFit.Laws.Formulas;

/// <summary>
/// Runs a <see cref="FormulaProgram"/> over blocks of 256 runs, one instruction at a time across the
/// whole block in vectors (exp and ln vectorised as in the Chinchilla kernel): the cost of choosing
/// each instruction is paid once per block rather than once per run. This is how user laws are
/// evaluated where code cannot be generated at run time (Native AOT), and it is fast under the JIT
/// too. An instance owns its buffers: use one per thread.
/// </summary>
internal sealed class TapeEvaluator
{
    public const int Block = 256;
    private readonly FormulaProgram _program;
    private readonly double[] _scalars;
    private readonly double[][] _slots;
    private readonly Dictionary<int, double[]> _broadcast = [];

    public TapeEvaluator(FormulaProgram program)
    {
        _program = program;
        _scalars = new double[program.ScalarCount];
        _slots = Enumerable.Range(0, program.SlotCount).Select(_ => new double[Block]).ToArray();
        foreach (var i in program.Varying)
            foreach (int r in new[] { i.A, i.B, i.C, i.D }.Take(Arity(i.Op)))
                if (r < 0) _broadcast.TryAdd(r, new double[Block]);
        foreach (int r in program.Outputs)
            if (r < 0) _broadcast.TryAdd(r, new double[Block]);
    }

    public static int Arity(Op op) => op switch
    {
        Op.Const or Op.Param or Op.Input or Op.LogInput => 0,
        Op.Add or Op.Mul or Op.Div or Op.Pow or Op.Min or Op.Max => 2,
        Op.Select => 4,
        _ => 1,
    };

    /// <summary>The scalar value of a uniform reference after <see cref="RunUniform"/>.</summary>
    public double Scalar(int reference) => _scalars[~reference];

    /// <summary>Computes the uniform part at θ.</summary>
    // The tape runs thousands of times in a short process: compiled optimised at once rather than tier by tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunUniform(ReadOnlySpan<double> theta)
    {
        var s = _scalars;
        foreach (var i in _program.Uniform)
        {
            s[i.Dest] = i.Op switch
            {
                Op.Const => i.Value,
                Op.Param => theta[i.A],
                _ => ScalarOp(i.Op, S(i.A), S(i.B), S(i.C), S(i.D), i.Value),
            };
        }
        foreach (var (r, buffer) in _broadcast) Array.Fill(buffer, s[~r]);

        double S(int r) => r < 0 ? s[~r] : 0;
    }

    /// <summary>One operation on scalars (the uniform part, and single points).</summary>
    public static double ScalarOp(Op op, double a, double b, double c, double d, double value) => op switch
    {
        Op.Const => value,
        Op.Add => a + b,
        Op.Mul => a * b,
        Op.Div => a / b,
        Op.Exp => Math.Exp(a),
        Op.Ln => Math.Log(a),
        Op.Sqrt => Math.Sqrt(a),
        Op.Pow => Math.Pow(a, b),
        Op.Sigmoid => NodeFactory.Logistic(a),
        Op.Softplus => NodeFactory.SoftplusOf(a),
        Op.Min => Math.Min(a, b),
        Op.Max => Math.Max(a, b),
        Op.Select => a < b ? c : d,
        _ => throw new InvalidOperationException($"{op} is not a scalar operation"),
    };

    /// <summary>The values of a reference over the current block.</summary>
    public double[] Values(int reference) => reference >= 0 ? _slots[reference] : _broadcast[reference];

    /// <summary>Runs the per-run part over runs [start, start + count) of the columns; the block's tail beyond count repeats the last run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBlock(double[][] columns, double[][] logColumns, int start, int count)
    {
        foreach (var (slot, input, log) in _program.Loads)
        {
            var source = (log ? logColumns : columns)[input];
            var target = _slots[slot];
            Array.Copy(source, start, target, 0, count);
            if (count < Block) Array.Fill(target, source[start + count - 1], count, Block - count);
        }
        foreach (var i in _program.Varying) Run(i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(Instruction i)
    {
        var dest = _slots[i.Dest];
        var a = Values(i.A);
        int w = Vector<double>.Count;
        switch (i.Op)
        {
            case Op.Add: { var b = Values(i.B); for (int k = 0; k < Block; k += w) Store(Load(a, k) + Load(b, k), dest, k); break; }
            case Op.Mul: { var b = Values(i.B); for (int k = 0; k < Block; k += w) Store(Load(a, k) * Load(b, k), dest, k); break; }
            case Op.Div: { var b = Values(i.B); for (int k = 0; k < Block; k += w) Store(Load(a, k) / Load(b, k), dest, k); break; }
            case Op.Exp: for (int k = 0; k < Block; k += w) Store(VectorFunctions.Exp(Load(a, k)), dest, k); break;
            case Op.Ln: for (int k = 0; k < Block; k += w) Store(VectorFunctions.Log(Load(a, k)), dest, k); break;
            case Op.Sqrt: for (int k = 0; k < Block; k += w) Store(Vector.SquareRoot(Load(a, k)), dest, k); break;
            case Op.Min: { var b = Values(i.B); for (int k = 0; k < Block; k += w) Store(Vector.Min(Load(a, k), Load(b, k)), dest, k); break; }
            case Op.Max: { var b = Values(i.B); for (int k = 0; k < Block; k += w) Store(Vector.Max(Load(a, k), Load(b, k)), dest, k); break; }
            case Op.Sigmoid:
                for (int k = 0; k < Block; k += w)
                {
                    // 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below: never overflows.
                    var x = Load(a, k);
                    var e = VectorFunctions.Exp(-Vector.Abs(x));
                    var r = Vector<double>.One / (Vector<double>.One + e);
                    Store(Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), r, e * r), dest, k);
                }
                break;
            case Op.Softplus:
                for (int k = 0; k < Block; k += w)
                {
                    var x = Load(a, k);
                    Store(Vector.Max(x, Vector<double>.Zero) + VectorFunctions.Log(Vector<double>.One + VectorFunctions.Exp(-Vector.Abs(x))), dest, k);
                }
                break;
            case Op.Select:
            {
                var b = Values(i.B);
                var c = Values(i.C);
                var d = Values(i.D);
                for (int k = 0; k < Block; k += w)
                    Store(Vector.ConditionalSelect(Vector.LessThan(Load(a, k), Load(b, k)), Load(c, k), Load(d, k)), dest, k);
                break;
            }
            case Op.Pow:
            {
                var b = Values(i.B);
                for (int k = 0; k < Block; k++) dest[k] = Math.Pow(a[k], b[k]);
                break;
            }
            default:
                throw new InvalidOperationException($"{i.Op} is not a per-run operation");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(double[] x, int k) => Vector.LoadUnsafe(ref x[k]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> v, double[] x, int k) => v.StoreUnsafe(ref x[k]);

    /// <summary>Every output at one point (inputs and their logarithms), by scalar operations.</summary>
    public static void Point(FormulaProgram program, ReadOnlySpan<double> theta, ReadOnlySpan<double> inputs, ReadOnlySpan<double> logs, Span<double> outputs)
    {
        Span<double> scalars = program.ScalarCount <= 256 ? stackalloc double[program.ScalarCount] : new double[program.ScalarCount];
        Span<double> slots = program.SlotCount <= 256 ? stackalloc double[program.SlotCount] : new double[program.SlotCount];
        foreach (var i in program.Uniform)
            scalars[i.Dest] = i.Op switch
            {
                Op.Const => i.Value,
                Op.Param => theta[i.A],
                _ => ScalarOp(i.Op, Get(i.A, scalars, slots), Get(i.B, scalars, slots), Get(i.C, scalars, slots), Get(i.D, scalars, slots), i.Value),
            };
        foreach (var (slot, input, log) in program.Loads) slots[slot] = log ? logs[input] : inputs[input];
        foreach (var i in program.Varying)
            slots[i.Dest] = ScalarOp(i.Op, Get(i.A, scalars, slots), Get(i.B, scalars, slots), Get(i.C, scalars, slots), Get(i.D, scalars, slots), i.Value);
        for (int o = 0; o < outputs.Length; o++) outputs[o] = Get(program.Outputs[o], scalars, slots);
    }

    private static double Get(int r, Span<double> scalars, Span<double> slots) => r < 0 ? scalars[~r] : slots[r];
}
