using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>
/// Σᵢ wᵢ·ρ(m(θ; xᵢ) − yᵢ), m the law in the residual space (ln ŷ by default) and y the observed
/// target there, with its gradient and exact Hessian Σᵢ wᵢ·[ψ′(rᵢ)·∇mᵢ∇mᵢᵀ + ψ(rᵢ)·∇²mᵢ]. Weights
/// are bootstrap multiplicities (null for all ones). An instance owns its scratch space: use one
/// per thread. Laws with a specialised kernel (<see cref="IHasObjective"/>) use that instead.
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
        Dimension = law.Parameters.Count;
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
    /// A faster, less precise version of the objective for the approach to a minimum (the single-
    /// precision Chinchilla kernel), or null when the law has none: finish with <see cref="For"/>.
    /// </summary>
    public static IWeightedObjective? Coarse(IScalingLaw law, FitData data, LossFunction loss) =>
        (law as IHasObjective)?.Objective(data, loss, coarse: true);

    /// <summary>The objective for a law: its specialised kernel where it has one, else the generic sum.</summary>
    public static IWeightedObjective For(IScalingLaw law, FitData data, LossFunction loss) =>
        (law as IHasObjective)?.Objective(data, loss, coarse: false) ?? new LogLossObjective(law, data, loss);

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, Span<double> hessian)
    {
        if (!_law.IsFeasible(theta)) return double.PositiveInfinity;
        int k = Dimension;
        bool withHessian = !hessian.IsEmpty;
        if (gradient.IsEmpty) gradient = new double[k];
        gradient.Clear();
        hessian.Clear();
        Span<double> pg = _pointGradient;
        Span<double> ph = withHessian ? _pointHessian : Span<double>.Empty;
        double f = 0;
        var target = _data.Target;
        var weights = Weights;
        var space = _data.Space;
        // A law written in log space, fitted in log space: its own function, without the chain rule into another space.
        var logLaw = space == ResidualSpace.Log ? _law as LogSpaceLaw : null;
        int inputs = _data.InputCount;
        var logX = _data.LogInputs;
        for (int i = 0; i < target.Length; i++)
        {
            double w = weights is null ? 1 : weights[i];
            if (w == 0) continue;
            double m = logLaw is not null
                ? logLaw.LogValue(theta, logX.AsSpan(i * inputs, inputs), pg, ph)
                : _law.Evaluate(theta, _data.Row(i), space, pg, ph);
            double rho = _loss.Evaluate(m - target[i], out var psi, out var psiPrime);
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
