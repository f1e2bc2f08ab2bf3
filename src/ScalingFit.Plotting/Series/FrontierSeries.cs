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

    /// <summary>log₁₀ G and a of a law's frontier.</summary>
    public static (double LogG, double A) Line(ComputeFrontier f) => (f.LogCoefficient / Math.Log(10), f.ParameterExponent);

    /// <summary>The (log₁₀ G, a) of every bootstrap resample that has a frontier.</summary>
    public static List<(double LogG, double A)> Samples(ComputeOptimalResult law)
    {
        var lines = new List<(double, double)>();
        if (law.Fit.ScalingLaw is not { } scalingLaw) return lines;
        foreach (var sample in law.Fit.ParameterSamples)
            if (ComputeFrontier.TryOf(scalingLaw, sample, out var f, out _)) lines.Add(Line(f!));
        return lines;
    }

    /// <summary>The 2.5% and 97.5% percentiles of the resamples' optima at each log₁₀ C.</summary>
    public static (double[] Lower, double[] Upper) Band(List<(double LogG, double A)> samples, double[] logC, FrontierAxis axis)
    {
        var lower = new double[logC.Length];
        var upper = new double[logC.Length];
        var values = new double[samples.Count];
        for (int i = 0; i < logC.Length; i++)
        {
            for (int s = 0; s < samples.Count; s++) values[s] = Optimum(samples[s].LogG, samples[s].A, logC[i], axis);
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
        var (logG, a) = Line(law.Frontier);
        // N_opt = N ⇔ log C = log 6 + (log N − log G)/a;  D_opt = D ⇔ log C = log 6 + (log D + log G)/(1 − a).
        double WhereN(double n) => Log6 + (Math.Log10(n) - logG) / a;
        double WhereD(double d) => Log6 + (Math.Log10(d) + logG) / (1 - a);
        double lower = Math.Max(WhereN(sizes.Lower), WhereD(tokens.Lower));
        double upper = Math.Min(WhereN(sizes.Upper), WhereD(tokens.Upper));
        return double.IsFinite(lower) && double.IsFinite(upper) && upper > lower ? (lower, upper) : null;
    }

    private static int IndexOf(Fitting.ILossModel model, Quantity quantity)
    {
        for (int i = 0; i < model.Inputs.Count; i++)
            if (model.Inputs[i] == quantity) return i;
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
