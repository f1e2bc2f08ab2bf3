using System.Numerics;
using ScalingFit.Fitting;

namespace ScalingFit.Laws.Formulas;

/// <summary>
/// The objective Σᵢ wᵢ·ρ(m(θ; xᵢ) − yᵢ) of a formula law, with gradient and exact Hessian: a
/// compiled loop (<see cref="ExpressionCompiler"/>), or the tape run over blocks of runs with the
/// Huber accumulation vectorised. Asked without a Hessian (or gradient) it runs the shorter program.
/// One instance per thread.
/// </summary>
internal sealed class FormulaObjective : IWeightedObjective
{
    private readonly FormulaModel _model;
    private readonly FitData _data;
    private readonly double _delta;
    private readonly double[] _weights, _target;
    private readonly double[][] _columns, _logColumns;
    private readonly double[] _gradient, _hessian;
    private readonly TapeEvaluator?[] _tapes = new TapeEvaluator?[3];

    public FormulaObjective(FormulaModel model, FitData data, LossFunction loss)
    {
        _model = model;
        _data = data;
        _delta = loss.Kind == LossKind.Huber ? loss.Delta : double.PositiveInfinity;
        // The tape runs whole blocks; the compiled loop whole vectors. Padding runs repeat the last run and weigh 0.
        int unit = model.Compiled ? Vector<double>.Count : TapeEvaluator.Block;
        int padded = (data.Count + unit - 1) / unit * unit;
        _weights = new double[padded];
        Array.Fill(_weights, 1.0, 0, data.Count);
        _target = Pad(data.Target, padded);
        _columns = model.Compiled ? data.Columns.Select(c => Pad(c, padded)).ToArray() : data.Columns;
        _logColumns = model.Compiled ? data.LogColumns.Select(c => Pad(c, padded)).ToArray() : data.LogColumns;
        _gradient = new double[model.Parameters];
        _hessian = new double[model.Parameters * model.Parameters];
    }

    public int Dimension => _model.Parameters;

    public void SetWeights(ReadOnlySpan<double> weights) => weights.CopyTo(_weights);

    private static double[] Pad(double[] values, int length)
    {
        var padded = new double[length];
        values.CopyTo(padded, 0);
        if (values.Length > 0) Array.Fill(padded, values[^1], values.Length, length - values.Length);
        return padded;
    }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, Span<double> hessian)
    {
        int level = hessian.IsEmpty ? (gradient.IsEmpty ? 0 : 1) : 2;
        double f;
        if (_model.Objective(level) is { } compiled)
        {
            f = compiled(theta.ToArray(), _columns, _logColumns, _target, _weights, _delta, _gradient, _hessian);
        }
        else f = Tape(level, theta);
        if (level > 0) _gradient.CopyTo(gradient);
        if (level == 2) _hessian.CopyTo(hessian);
        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Tape(int level, ReadOnlySpan<double> theta)
    {
        var tape = _tapes[level] ??= new TapeEvaluator(_model.Program(level));
        var outputs = _model.Program(level).Outputs;
        int k = _model.Parameters, w = Vector<double>.Count, n = _data.Count;
        bool withGradient = level > 0, withHessian = level == 2;
        int pairs = withHessian ? k * (k + 1) / 2 : 0;
        Span<Vector<double>> g = stackalloc Vector<double>[withGradient ? k : 0];
        Span<Vector<double>> h = stackalloc Vector<double>[pairs];
        var f = Vector<double>.Zero;
        var delta = new Vector<double>(_delta);
        var half = new Vector<double>(0.5);
        var offset = new Vector<double>(double.IsFinite(_delta) ? 0.5 * _delta * _delta : 0);
        var columns = new double[k + pairs][];
        tape.RunUniform(theta);
        for (int start = 0; start < n; start += TapeEvaluator.Block)
        {
            tape.RunBlock(_data.Columns, _data.LogColumns, start, Math.Min(TapeEvaluator.Block, n - start));
            var m = tape.Values(outputs[0]);
            for (int o = 0; o < k + pairs && withGradient; o++) columns[o] = tape.Values(outputs[1 + o]);
            for (int i = 0; i < TapeEvaluator.Block; i += w)
            {
                var weight = Vector.LoadUnsafe(ref _weights[start + i]);
                var r = Vector.LoadUnsafe(ref m[i]) - Vector.LoadUnsafe(ref _target[start + i]);
                var ar = Vector.Abs(r);
                var inside = Vector.LessThanOrEqual(ar, delta);
                // Runs beyond the data (the block's padding) have weight 0; select rather than multiply so an infinite ρ there cannot spoil the sum.
                var rho = Vector.ConditionalSelect(inside, half * r * r, delta * ar - offset);
                f += Vector.ConditionalSelect(Vector.Equals(weight, Vector<double>.Zero), Vector<double>.Zero, weight * rho);
                if (!withGradient) continue;
                var psi = weight * Vector.Min(Vector.Max(r, -delta), delta);
                var pp = Vector.ConditionalSelect(inside, weight, Vector<double>.Zero);
                for (int a = 0; a < k; a++) g[a] += psi * Vector.LoadUnsafe(ref columns[a][i]);
                if (!withHessian) continue;
                int p = 0;
                for (int a = 0; a < k; a++)
                {
                    var ga = pp * Vector.LoadUnsafe(ref columns[a][i]);
                    for (int b = a; b < k; b++, p++)
                        h[p] += ga * Vector.LoadUnsafe(ref columns[b][i]) + psi * Vector.LoadUnsafe(ref columns[k + p][i]);
                }
            }
        }
        for (int a = 0; a < g.Length; a++) _gradient[a] = Vector.Sum(g[a]);
        int q = 0;
        for (int a = 0; a < k && withHessian; a++)
            for (int b = a; b < k; b++, q++) _hessian[a * k + b] = _hessian[b * k + a] = Vector.Sum(h[q]);
        return Vector.Sum(f);
    }
}
