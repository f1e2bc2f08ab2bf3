using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// Σᵢ wᵢ·ρ(ln L̂(θ; xᵢ) − ln Lᵢ) with its gradient and exact Hessian
/// Σᵢ wᵢ·[ψ′(rᵢ)·∇mᵢ∇mᵢᵀ + ψ(rᵢ)·∇²mᵢ], m = ln L̂. Weights are bootstrap multiplicities (null for
/// all ones). An instance owns its scratch space: use one per thread.
/// </summary>
internal sealed class LogLossObjective : IWeightedObjective
{
    private readonly IScalingLaw _law;
    private readonly FitData _data;
    private readonly LossFunction _loss;
    private readonly double[] _pointGradient, _pointHessian;

    public LogLossObjective(IScalingLaw law, FitData data, LossFunction loss)
    {
        _law = law;
        _data = data;
        _loss = loss;
        Dimension = law.FitParameterNames.Count;
        _pointGradient = new double[Dimension];
        _pointHessian = new double[Dimension * Dimension];
    }

    public int Dimension { get; }

    /// <summary>Bootstrap multiplicities of the runs, or null for the data as observed.</summary>
    public double[]? Weights { get; set; }

    /// <summary>Sets the weight of every run, keeping one array (bootstrap inner loop).</summary>
    public void SetWeights(ReadOnlySpan<double> weights)
    {
        Weights ??= new double[_data.Count];
        weights.CopyTo(Weights);
    }

    /// <summary>
    /// A faster single-precision version of the objective for the approach to a minimum, or null
    /// when the law has none. Its values are good to about 1e-7 relative: finish in double.
    /// </summary>
    public static IWeightedObjective? Coarse(IScalingLaw law, FitData data, LossFunction loss) => law is ChinchillaLaw && Vectorised
        ? new ChinchillaObjectiveSingle(data, loss)
        : null;

    /// <summary>Whether vectors run in hardware (SSE, AVX or NEON); the kernels are written for it.</summary>
    private static bool Vectorised => System.Numerics.Vector.IsHardwareAccelerated;

    /// <summary>The objective for a law: a specialised kernel where one exists, else the generic sum.</summary>
    public static IWeightedObjective For(IScalingLaw law, FitData data, LossFunction loss) => law is ChinchillaLaw && Vectorised
        ? new ChinchillaObjective(data, loss)
        : new LogLossObjective(law, data, loss);

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, Span<double> hessian)
    {
        if (!_law.IsFeasible(theta)) return double.PositiveInfinity;
        int k = Dimension, inputs = _data.InputCount;
        bool withHessian = !hessian.IsEmpty;
        gradient.Clear();
        hessian.Clear();
        Span<double> pg = _pointGradient;
        Span<double> ph = withHessian ? _pointHessian : Span<double>.Empty;
        double f = 0;
        var logX = _data.LogInputs;
        var logL = _data.LogLoss;
        var weights = Weights;
        for (int i = 0; i < logL.Length; i++)
        {
            double w = weights is null ? 1 : weights[i];
            if (w == 0) continue;
            double m = _law.LogLoss(theta, logX.AsSpan(i * inputs, inputs), pg, ph);
            double rho = _loss.Evaluate(m - logL[i], out var psi, out var psiPrime);
            f += w * rho;
            double wpsi = w * psi;
            for (int a = 0; a < k; a++) gradient[a] += wpsi * pg[a];
            if (!withHessian) continue;
            double wpp = w * psiPrime;
            for (int a = 0; a < k; a++)
            {
                double ga = wpp * pg[a];
                for (int b = 0; b < k; b++) hessian[a * k + b] += ga * pg[b] + wpsi * ph[a * k + b];
            }
        }
        return double.IsFinite(f) ? f : double.PositiveInfinity;
    }
}

/// <summary>The runs as a law needs them: ln of its inputs (row-major, runs × inputs) and ln L.</summary>
internal sealed record FitData(double[] LogInputs, double[] LogLoss, int InputCount)
{
    public int Count => LogLoss.Length;

    public static FitData From(ScalingFit.Data.RunSet runs, IReadOnlyList<ScalingFit.Data.Quantity> inputs)
    {
        var logX = new double[runs.Count * inputs.Count];
        for (int j = 0; j < inputs.Count; j++)
        {
            var values = runs.Values(inputs[j]);
            for (int i = 0; i < values.Length; i++) logX[i * inputs.Count + j] = Math.Log(values[i]);
        }
        var loss = runs.Values(ScalingFit.Data.Quantity.Loss);
        var logL = new double[loss.Length];
        for (int i = 0; i < logL.Length; i++) logL[i] = Math.Log(loss[i]);
        return new FitData(logX, logL, inputs.Count);
    }
}
