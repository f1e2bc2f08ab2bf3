using ScalingFit.Analysis;
using ScalingFit.Plotting.Style;

namespace ScalingFit.Plotting.Series;

/// <summary>
/// A frontier N_opt = G·(C/6)^a as log₁₀ G and a; for a law whose frontier is found numerically, the
/// frontier itself, asked at each budget (a is then its local exponent at the reference budget).
/// </summary>
internal readonly record struct FrontierLine(double LogG, double A, ComputeFrontier? Curve = null)
{
    public double At(double logC, FrontierAxis axis)
    {
        if (Curve is not { IsClosedForm: false } curve) return FrontierSeries.Optimum(LogG, A, logC, axis);
        double c = Math.Pow(10, logC);
        return Math.Log10(axis == FrontierAxis.Parameters ? curve.OptimalParameters(c) : curve.OptimalTokens(c));
    }
}

/// <summary>
/// What a frontier figure draws, decided once for both panels: the budget range, the law's line, its
/// resamples and fitted span, the IsoFLOP line and minima, and where the reference slopes pass.
/// </summary>
/// <param name="From">log₁₀ of the smallest budget drawn.</param>
/// <param name="To">log₁₀ of the largest budget drawn.</param>
/// <param name="Law">The law's frontier, or null.</param>
/// <param name="LawName">The law's name (chinchilla, kaplan-nd), or null.</param>
/// <param name="Samples">The resamples' frontiers (empty without a bootstrap).</param>
/// <param name="Fitted">The log₁₀ C span where the law's optimum stays within the data fitted; null when none does.</param>
/// <param name="IsoFlop">The IsoFLOP fit N_opt = k·C^a as a frontier line, or null.</param>
/// <param name="IsoFlopSpan">The log₁₀ C span of the budgets used by the IsoFLOP fit.</param>
/// <param name="Minima">The IsoFLOP budgets whose minima entered the fit.</param>
/// <param name="Anchor">log₁₀ C where the reference slopes meet the frontier.</param>
internal sealed record FrontierPlan(
    double From, double To, FrontierLine? Law, string? LawName, IReadOnlyList<FrontierLine> Samples, (double Lower, double Upper)? Fitted,
    FrontierLine? IsoFlop, (double Lower, double Upper)? IsoFlopSpan, IReadOnlyList<IsoFlopBudget> Minima, double Anchor)
{
    /// <summary>Margin of the x axis beyond the budgets drawn, in decades.</summary>
    public double Pad => (To - From) * 0.02;

    /// <summary>The line the ratio panels divide by: the law's frontier, else the IsoFLOP fit.</summary>
    public FrontierLine Baseline => Law ?? IsoFlop!.Value;

    /// <summary>Kaplan et al. 2020's (a = 0.73, dotted) and Hoffmann et al. 2022's (a = 0.50, dashed) slopes through the baseline at the anchor.</summary>
    public IReadOnlyList<(FrontierLine Line, Dash Dash)> References =>
    [
        (Through(FrontierFigure.KaplanExponent), Dash.Dotted),
        (Through(FrontierFigure.ChinchillaExponent), Dash.Dashed),
    ];

    /// <summary>A frontier N_opt ∝ C^a that meets the baseline at the anchor.</summary>
    private FrontierLine Through(double a) =>
        new(Baseline.At(Anchor, FrontierAxis.Parameters) - a * (Anchor - Math.Log10(Data.Derivation.FlopPerParameterToken)), a);

    public static FrontierPlan Create(FrontierEstimates source, FrontierFigureOptions options)
    {
        var candidates = new List<double>();
        FrontierLine? law = null;
        var samples = new List<FrontierLine>();
        (double, double)? fitted = null;
        if (source.Law is { } result)
        {
            law = FrontierSeries.Line(result.Frontier);
            samples = FrontierSeries.Samples(result);
            fitted = FrontierSeries.FittedSpan(result);
            if (fitted is { } span) candidates.AddRange([span.Item1, span.Item2]);
            candidates.AddRange(result.Allocations.Select(x => Math.Log10(x.Compute)).Where(double.IsFinite));
        }
        FrontierLine? iso = null;
        (double, double)? isoSpan = null;
        var minima = new List<IsoFlopBudget>();
        if (source.IsoFlop is { } isoFlop)
        {
            // ln N_opt = ln k + a·ln C, i.e. log₁₀ N = ln k/ln 10 + a·log₁₀ C = log₁₀ G + a·(log₁₀ C − log₁₀ 6).
            double a = isoFlop.ParameterExponent.Value;
            iso = new FrontierLine(isoFlop.LogCoefficient.Value / Math.Log(10) + a * Math.Log10(Data.Derivation.FlopPerParameterToken), a);
            minima = isoFlop.Budgets.Where(b => b.Used).ToList();
            var logC = minima.Select(b => Math.Log10(b.Compute)).ToList();
            isoSpan = (logC.Min(), logC.Max());
            candidates.AddRange(logC);
        }
        double from = options.From is { } f ? Math.Log10(f) : candidates.Min();
        double to = options.To is { } t ? Math.Log10(t) : candidates.Max();
        if (!(to > from)) throw new OptionException($"the frontier figure's budgets must rise: from {Ticks(from)} to {Ticks(to)}.");
        if (to - from < 2)
        {
            double middle = (from + to) / 2;
            (from, to) = (middle - 1, middle + 1);
        }
        var anchorSpan = fitted ?? isoSpan ?? (from, to);
        double anchor = Math.Round((anchorSpan.Item1 + anchorSpan.Item2) / 2);
        if (anchor < from || anchor > to) anchor = (from + to) / 2;
        return new FrontierPlan(from, to, law, source.Law?.Fit.Law, samples, fitted, iso, isoSpan, minima, anchor);
    }

    private static string Ticks(double log) => Style.Ticks.Scientific(Math.Pow(10, log));
}
