using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Uncertainty;

namespace ScalingFit.Plotting.Series;

/// <summary>Which optimum a frontier panel shows: the model size or the training tokens.</summary>
internal enum FrontierAxis
{
    /// <summary>N_opt(C).</summary>
    Parameters,

    /// <summary>D_opt(C) = C/(6·N_opt(C)).</summary>
    Tokens,
}

/// <summary>
/// The frontier's numbers in log₁₀ coordinates: budgets, a law's optimum with its bootstrap band,
/// the compute span over which the optimum stays within the sizes and tokens fitted.
/// </summary>
internal static class FrontierSeries
{
    private static readonly double Log6 = Math.Log10(Derivation.FlopPerParameterToken);

    /// <summary>log₁₀ of the optimum at log₁₀ C for a frontier N_opt = G·(C/6)^a.</summary>
    public static double Optimum(double logG, double a, double logC, FrontierAxis axis)
    {
        double logN = logG + a * (logC - Log6);
        return axis == FrontierAxis.Parameters ? logN : logC - Log6 - logN;
    }

    /// <summary>A law's frontier as a line (log₁₀ G, a), with the frontier itself for one found numerically.</summary>
    public static FrontierLine Line(ComputeFrontier f) => new(f.LogCoefficient / Math.Log(10), f.ParameterExponent, f);

    /// <summary>The frontier of every bootstrap resample that has one.</summary>
    public static List<FrontierLine> Samples(ComputeOptimalResult law)
    {
        var lines = new List<FrontierLine>();
        foreach (var sample in law.Fit.ParameterSamples)
            if (ComputeFrontier.TryOf(law.Fit.ScalingLaw, sample, out var f, out _, law.Frontier.ReferenceCompute)) lines.Add(Line(f!));
        return lines;
    }

    /// <summary>The 2.5% and 97.5% percentiles of the resamples' optima at each log₁₀ C.</summary>
    public static (double[] Lower, double[] Upper) Band(IReadOnlyList<FrontierLine> samples, double[] logC, FrontierAxis axis)
    {
        var lower = new double[logC.Length];
        var upper = new double[logC.Length];
        var values = new double[samples.Count];
        for (int i = 0; i < logC.Length; i++)
        {
            for (int s = 0; s < samples.Count; s++) values[s] = samples[s].At(logC[i], axis);
            var interval = Percentiles.Interval95(values);
            (lower[i], upper[i]) = (interval.Lower, interval.Upper);
        }
        return (lower, upper);
    }

    /// <summary>
    /// The log₁₀ C span over which the law's N_opt and D_opt both stay within the sizes and tokens it
    /// was fitted to (both rise with C); null when no budget keeps both inside.
    /// </summary>
    public static (double Lower, double Upper)? FittedSpan(ComputeOptimalResult law)
    {
        var model = law.Fit.Model;
        var sizes = model.InputRanges[IndexOf(model, Quantity.ParameterCount)];
        var tokens = model.InputRanges[IndexOf(model, Quantity.TrainingTokens)];
        // Closed form: N_opt = N ⇔ log C = log 6 + (log N − log G)/a;  D_opt = D ⇔ log C = log 6 + (log D + log G)/(1 − a).
        double WhereN(double n) => Math.Log10(law.Frontier.ComputeWhereOptimal(n));
        double WhereD(double d) => Math.Log10(law.Frontier.ComputeWhereOptimalTokens(d));
        double lower = Math.Max(WhereN(sizes.Lower), WhereD(tokens.Lower));
        double upper = Math.Min(WhereN(sizes.Upper), WhereD(tokens.Upper));
        return double.IsFinite(lower) && double.IsFinite(upper) && upper > lower ? (lower, upper) : null;
    }

    private static int IndexOf(Fitting.ILossModel model, Quantity quantity)
    {
        for (int i = 0; i < model.Inputs.Count; i++)
            if (model.Inputs[i].Quantity == quantity) return i;
        throw new ArgumentException($"the law takes no {quantity.Symbol()}, so it has no compute-optimal frontier.");
    }

    /// <summary>log₁₀ of an IsoFLOP budget's minimum on a panel's axis.</summary>
    public static double Value(IsoFlopBudget m, FrontierAxis axis) => axis == FrontierAxis.Parameters
        ? Math.Log10(m.OptimalParameterCount)
        : Math.Log10(m.OptimalTokens);

    /// <summary>log₁₀ of an end of the minimum's interval on the axis (D = C/(6N) turns N's upper end into D's lower).</summary>
    public static double Bound(IsoFlopBudget m, FrontierAxis axis, bool lower)
    {
        var ci = m.OptimalParameterCountCi95;
        if (axis == FrontierAxis.Parameters) return Math.Log10(lower ? ci.Lower : ci.Upper);
        return Math.Log10(m.Compute / (Derivation.FlopPerParameterToken * (lower ? ci.Upper : ci.Lower)));
    }

    /// <summary>Evenly spaced values from a to b, both included.</summary>
    public static double[] Spaced(double a, double b, int points) =>
        Enumerable.Range(0, points).Select(i => a + (b - a) * i / (points - 1)).ToArray();
}
