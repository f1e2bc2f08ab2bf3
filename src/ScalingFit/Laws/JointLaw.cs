using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Laws;

/// <summary>
/// y = k·Πⱼ Xⱼ^aⱼ: a straight line in every input on log-log axes. With the loss and N, D it is the
/// product form of Kaplan et al. 2020; with one input and another target it is the form of
/// hyperparameter laws such as η_opt = 0.3118·C^−0.125 and B_opt = 0.2920·C^0.3271 (DeepSeek-AI
/// 2024, Eq. 1). Fitted exactly by OLS of ln y on the ln Xⱼ, or nonlinearly in θ = (ln k, a₁, …)
/// where ln ŷ = θ₀ + Σⱼ θⱼ·ln Xⱼ.
/// </summary>
public sealed class JointLaw : LogSpaceLaw, IHasClosedFormFit, IHasInputGradient
{
    /// <summary>The law in its inputs (sorted: N, D, C, then columns; duplicates dropped).</summary>
    /// <exception cref="OptionException">No input.</exception>
    public JointLaw(IReadOnlyList<LawInput> inputs)
    {
        var xs = inputs.Distinct().Order().ToList();
        if (xs.Count == 0) throw new OptionException("the joint law takes one or more inputs, e.g. N and D.");
        Inputs = xs;
        Formula = "L = k·" + string.Join("·", xs.Select(q => $"{q.Name}^a_{q.Name}"));
        Parameters = [new LawParameter("k", "k", "coefficient", Positive: true),
            .. xs.Select(q => new LawParameter($"a{q.Name}", $"a_{q.Name}", $"exponent of {q.Name}") { Role = ParameterRole.Exponent })];
        DefaultStarts = new StartGrid([[0, 1, 3], .. xs.Select(_ => (IReadOnlyList<double>)[-0.3, -0.1, 0, 0.1])]);
    }

    /// <inheritdoc/>
    public override string Name => "joint";

    /// <inheritdoc/>
    public override string Formula { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters { get; }

    /// <summary>ln k ∈ {0, 1, 3}, each exponent ∈ {−0.3, −0.1, 0, 0.1} (the objective in θ is convex for least squares).</summary>
    protected override StartGrid DefaultStarts { get; }

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x)
    {
        double y = Math.Log(p[0]);
        for (int j = 0; j < x.Length; j++) y += p[j + 1] * Math.Log(x[j]);
        return Math.Exp(y);
    }

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        double m = theta[0];
        g[0] = 1;
        for (int j = 0; j < logX.Length; j++)
        {
            m += theta[j + 1] * logX[j];
            g[j + 1] = logX[j];
        }
        h.Clear();
        return m;
    }

    /// <inheritdoc/>
    public FitResult FitClosedForm(RunSet runs, LawTarget target) => LogLogRegression.Joint(runs, Inputs, target, this);

    /// <summary>∂y/∂xⱼ = aⱼ·y/xⱼ.</summary>
    public void InputGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> g)
    {
        double y = Value(p, x);
        for (int j = 0; j < x.Length; j++) g[j] = p[j + 1] * y / x[j];
    }
}
