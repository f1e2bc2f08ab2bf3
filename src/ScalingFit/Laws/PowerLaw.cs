using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Laws;

/// <summary>
/// L = (X_c/X)^α (Kaplan et al. 2020, Eqs. 1.1–1.3). Fitted exactly by OLS of ln L on ln X
/// (<see cref="LogLogRegression.Power"/>), or, when asked, as a nonlinear law (Huber or least
/// squares, constraints, other residual spaces) in θ = (α, c = ln X_c) with ln L̂ = α·(c − ln X).
/// </summary>
public sealed class PowerLaw : LogSpaceLaw, IHasClosedFormFit
{
    /// <summary>The law in one input: N, D, C or a numeric column.</summary>
    public PowerLaw(LawInput input)
    {
        Inputs = [input];
        string x = input.Name;
        Formula = $"L = ({x}_c/{x})^α";
        Parameters = [new("alpha", "α", "exponent") { Role = ParameterRole.Exponent }, new("scale", $"{x}_c", $"scale of {x}", Positive: true)];
    }

    /// <inheritdoc/>
    public override string Name => "power";

    /// <inheritdoc/>
    public override string Label => $"power ({Inputs[0].Name})";

    /// <inheritdoc/>
    public override string Formula { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters { get; }

    /// <inheritdoc/>
    protected override StartGrid DefaultStarts { get; } = new([[0.05, 0.1, 0.2, 0.4], [Math.Log(1e10), Math.Log(1e14)]]);

    /// <summary>
    /// α ∈ {0.05, 0.1, 0.2, 0.4, 0.8}, each with the scale that puts the law through the middle of the
    /// data (ln X_c = mean ln X + mean ln L/α) and a decade either side, for every α: 75 starts.
    /// </summary>
    public override StartGrid Starts(StartContext context)
    {
        if (context.InputRanges.Count == 0) return DefaultStarts;
        var x = context.InputRanges[0];
        double lnX = 0.5 * (Math.Log(x.Lower) + Math.Log(x.Upper)), lnY = Math.Log(context.TargetMedian);
        double[] alphas = [0.05, 0.1, 0.2, 0.4, 0.8];
        var scales = alphas.SelectMany(a => new[] { -Math.Log(10), 0, Math.Log(10) }.Select(d => lnX + lnY / a + d)).Distinct().ToArray();
        return double.IsFinite(lnX + lnY) ? new StartGrid([alphas, scales]) : DefaultStarts;
    }

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x) => Math.Pow(p[1] / x[0], p[0]);

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logX, Span<double> g, Span<double> h)
    {
        double v = theta[1] - logX[0];
        g[0] = v;
        g[1] = theta[0];
        if (!h.IsEmpty)
        {
            h[0] = 0;
            h[1] = h[2] = 1;
            h[3] = 0;
        }
        return theta[0] * v;
    }

    /// <inheritdoc/>
    public FitResult FitClosedForm(RunSet runs, LawTarget target) => LogLogRegression.Power(runs, Inputs[0], target, this);
}
