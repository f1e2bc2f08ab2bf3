using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;

namespace ScalingFit.Analysis;

/// <summary>
/// Compute-optimal allocation from a fitted law of N and D (Hoffmann et al. 2022, approach 3): how
/// large a model and how many tokens a budget buys, the budget at which a size is optimal, and the
/// budget that reaches a target loss. Intervals are 95% percentile intervals over the fit's
/// bootstrap resamples, each resample's own frontier evaluated at the same question.
/// </summary>
public static class ComputeOptimal
{
    /// <summary>The frontier of the fit and the allocations asked for.</summary>
    /// <exception cref="OptionException">The law has no frontier, or a budget, size or loss is not positive and finite.</exception>
    /// <exception cref="FitException">The fitted exponents leave no optimum, or a target loss is out of reach.</exception>
    public static ComputeOptimalResult Analyze(FitResult fit, ComputeOptimalOptions options)
    {
        options.Validated();
        var frontier = ComputeFrontier.Of(fit);
        var law = fit.ScalingLaw;
        var samples = SampleFrontiers(law, fit.ParameterSamples, frontier.ReferenceCompute, out int without);

        var allocations = new List<Allocation>();
        foreach (var c in options.Budgets) allocations.Add(Allocate(fit, frontier, samples, AllocationGiven.Compute, c));
        foreach (var n in options.ParameterCounts) allocations.Add(Allocate(fit, frontier, samples, AllocationGiven.ParameterCount, n));
        foreach (var l in options.TargetLosses)
        {
            if (!(l > frontier.LossFloor))
                throw new FitException(
                    $"no budget reaches a loss of {G(l)}: the fitted law's loss never falls below {G(frontier.LossFloor)}" +
                    (frontier.IsClosedForm && frontier.LossFloor > 0 ? " (its irreducible loss)." : "."));
            var allocation = Allocate(fit, frontier, samples, AllocationGiven.Loss, l);
            if (!double.IsFinite(allocation.Compute))
                throw new FitException($"a loss of {G(l)} is not reached below 1e60 FLOP by the fitted law.");
            allocations.Add(allocation);
        }

        var warnings = new List<string>();
        if (Degenerate(frontier) is { } degenerate) warnings.Add(degenerate);
        if (Extrapolation(fit, allocations) is { } far) warnings.Add(far);
        if (options.Convention == ParameterConvention.Unknown) warnings.Add(ConventionWarning);
        if (without > 0)
            warnings.Add($"{without} of {fit.ParameterSamples.Count} bootstrap resamples have an exponent ≤ 0 and no frontier; " +
                         "they are left out of the intervals.");
        foreach (var a in allocations.Where(a => a.UnreachableResamples > 0))
            warnings.Add(TargetPercentiles.Warning(a));
        warnings.AddRange(fit.Warnings);

        return new ComputeOptimalResult(
            fit, frontier,
            Estimate("G", "G", frontier.Coefficient, samples.Select(s => s.Coefficient)),
            Exponent(fit, "a", "a", frontier.ParameterExponent, samples.Select(s => s.ParameterExponent)),
            Exponent(fit, "b", "b", frontier.TokenExponent, samples.Select(s => s.TokenExponent)),
            allocations, options.Convention, IntervalMethod(fit, samples.Count), warnings);
    }

    /// <summary>
    /// A frontier with a outside [0, 1]: with C = 6·N·D, N_opt ∝ C^a and D_opt ∝ C^(1−a), so a &lt; 0 has the
    /// optimal model shrink as compute grows and a &gt; 1 has its tokens shrink; neither is a trade-off
    /// between size and data, but a fit whose exponents have degenerated.
    /// </summary>
    internal static string? Degenerate(ComputeFrontier frontier)
    {
        double a = frontier.ParameterExponent;
        if (a >= 0 && a <= 1 || double.IsNaN(a)) return null;
        string where = frontier.IsClosedForm ? "" : $" (the local exponent at C = {G(frontier.ReferenceCompute)} FLOP)";
        return a < 0
            ? $"degenerate frontier: a = {NumberFormat.Significant(a, 3)} < 0{where}, so the optimal model shrinks as the budget grows " +
              $"and every extra FLOP goes to tokens (b = 1 − a = {NumberFormat.Significant(1 - a, 3)} > 1); the fitted exponents do not describe a " +
              "trade-off between size and data, so these allocations are not to be trusted."
            : $"degenerate frontier: a = {NumberFormat.Significant(a, 3)} > 1{where}, so the optimal model grows faster than the budget and its " +
              $"tokens D_opt = C/(6·N_opt) shrink as the budget grows (b = 1 − a = {NumberFormat.Significant(1 - a, 3)} < 0); the fitted exponents " +
              "do not describe a trade-off between size and data, so these allocations are not to be trusted.";
    }

    private const string ConventionWarning =
        "the data does not say whether N counts embedding parameters (--parameter-convention total or non-embedding).";

    private static Allocation Allocate(FitResult fit, ComputeFrontier f, IReadOnlyList<ComputeFrontier> samples, AllocationGiven given, double value)
    {
        var point = Point(f, given, value);
        AllocationIntervals ci;
        int unreachable = 0;
        if (samples.Count > 0)
        {
            var all = samples.Select(s => (Frontier: s, Point: Point(s, given, value))).ToList();
            var points = all.Where(p => double.IsFinite(p.Point.C)).Select(p => p.Point).ToList();
            if (given != AllocationGiven.Loss)
                ci = new AllocationIntervals(
                    Percentiles.Interval95(points.Select(p => p.C)),
                    Percentiles.Interval95(points.Select(p => p.N)),
                    Percentiles.Interval95(points.Select(p => p.D)),
                    Percentiles.Interval95(points.Select(p => p.D / p.N)),
                    Percentiles.Interval95(points.Select(p => p.L)));
            else
            {
                // A resample whose frontier never reaches the target (the target at or below its
                // irreducible loss) needs an unbounded budget: it counts as C = N_opt = D_opt = ∞, and D/N
                // goes to ∞ or 0 as D_opt outgrows N_opt or not, rather than being dropped.
                var never = all.Where(p => !double.IsFinite(p.Point.C)).Select(p => p.Frontier).ToList();
                unreachable = never.Count;
                var ratioLimits = never.Select(f => f.TokenExponent > f.ParameterExponent ? double.PositiveInfinity : 0.0);
                ci = new AllocationIntervals(
                    TargetPercentiles.Interval95(points.Select(p => p.C), unreachable),
                    TargetPercentiles.Interval95(points.Select(p => p.N), unreachable),
                    TargetPercentiles.Interval95(points.Select(p => p.D), unreachable),
                    TargetPercentiles.Interval95(points.Select(p => p.D / p.N).Concat(ratioLimits), 0),
                    new Interval(value, value));
            }
        }
        else
        {
            // Without resamples: the delta method on the sandwich covariance for C, N, D and D/N, and the
            // law's own interval for the loss (flat along 6ND = C at the optimum, so where N_opt lies
            // matters to it only at second order).
            // The law's inputs in its own order: a law of N and C takes C, not D.
            double[] at = fit.Inputs.Select(i => i.Quantity switch { Quantity.Compute => point.C, Quantity.TrainingTokens => point.D, _ => point.N }).ToArray();
            var loss = given == AllocationGiven.Loss ? new Interval(value, value) : fit.Model.PredictionInterval(at);
            ci = DeltaIntervals(fit, given, value) with { Loss = loss };
        }
        return new Allocation(given, point.C, point.N, point.D, point.L, ci) { UnreachableResamples = unreachable, Resamples = samples.Count };
    }

    /// <summary>
    /// 95% intervals exp(ln q ± t·SE(ln q)) with SE(ln q)² = gᵀΣg, g the central-difference gradient
    /// of ln q in the natural parameters and Σ their sandwich covariance; none when Σ is unknown.
    /// </summary>
    private static AllocationIntervals DeltaIntervals(FitResult fit, AllocationGiven given, double value)
    {
        if (fit.ParameterCovariance is not { } covariance) return AllocationIntervals.None;
        var law = fit.ScalingLaw;
        var p = fit.NaturalParameters;
        var frontier = ComputeFrontier.Of(fit);
        int k = p.Length;
        var gradients = new double[4][];
        for (int q = 0; q < 4; q++) gradients[q] = new double[k];
        for (int j = 0; j < k; j++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(p[j]), 1e-8);
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[j] += h;
            down[j] -= h;
            if (!ComputeFrontier.TryOf(law, up, out var fu, out _, frontier.ReferenceCompute) ||
                !ComputeFrontier.TryOf(law, down, out var fd, out _, frontier.ReferenceCompute))
                return AllocationIntervals.None;
            var (cu, nu, du, _) = Point(fu!, given, value);
            var (cd, nd, dd, _) = Point(fd!, given, value);
            double[] upLogs = [Math.Log(cu), Math.Log(nu), Math.Log(du), Math.Log(du / nu)];
            double[] downLogs = [Math.Log(cd), Math.Log(nd), Math.Log(dd), Math.Log(dd / nd)];
            for (int q = 0; q < 4; q++) gradients[q][j] = (upLogs[q] - downLogs[q]) / (2 * h);
        }
        var (c, n, d, _) = Point(frontier, given, value);
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Math.Max(1, fit.Statistics.DegreesOfFreedom), 0.975);
        Interval Log(double center, double[] g)
        {
            double variance = 0;
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++) variance += g[a] * covariance[a * k + b] * g[b];
            double half = t * Math.Sqrt(variance);
            return double.IsFinite(half) ? new Interval(center * Math.Exp(-half), center * Math.Exp(half)) : AllocationIntervals.Unknown;
        }
        return new AllocationIntervals(Log(c, gradients[0]), Log(n, gradients[1]), Log(d, gradients[2]), Log(d / n, gradients[3]), AllocationIntervals.Unknown);
    }

    private static (double C, double N, double D, double L) Point(ComputeFrontier f, AllocationGiven given, double value)
    {
        double c = given switch
        {
            AllocationGiven.Compute => value,
            AllocationGiven.ParameterCount => f.ComputeWhereOptimal(value),
            _ => f.ComputeForLoss(value),
        };
        double n = given == AllocationGiven.ParameterCount ? value : f.OptimalParameters(c);
        double d = c / (Derivation.FlopPerParameterToken * n);
        double l = given == AllocationGiven.Loss ? value : f.Loss(n, d);
        return (c, n, d, l);
    }

    private static List<ComputeFrontier> SampleFrontiers(IScalingLaw law, IReadOnlyList<double[]> samples, double reference, out int without)
    {
        var frontiers = new List<ComputeFrontier>(samples.Count);
        foreach (var s in samples)
        {
            if (ComputeFrontier.TryOf(law, s, out var f, out _, reference)) frontiers.Add(f!);
        }
        without = samples.Count - frontiers.Count;
        return frontiers;
    }

    /// <summary>a and b: the fit's own derived quantities when it has them (chinchilla), else from the resamples.</summary>
    private static FittedParameter Exponent(FitResult fit, string name, string symbol, double value, IEnumerable<double> samples) =>
        fit.Derived.FirstOrDefault(d => d.Name == name) is { } derived && Math.Abs(derived.Value - value) < 1e-12
            ? derived with { Symbol = symbol }
            : Estimate(name, symbol, value, samples);

    private static FittedParameter Estimate(string name, string symbol, double value, IEnumerable<double> samples)
    {
        var values = samples.ToArray();
        return values.Length > 1
            ? new FittedParameter(name, symbol, value, Percentiles.StandardDeviation(values), Percentiles.Interval95(values))
            : new FittedParameter(name, symbol, value, double.NaN, AllocationIntervals.Unknown);
    }

    private static string IntervalMethod(FitResult fit, int samples) => samples > 0
        ? $"95% percentile intervals over {samples} bootstrap resamples, each with its own frontier"
        : fit.ParameterCovariance is null
            ? "no intervals for N_opt and D_opt: the fit has no covariance (use --bootstrap K); the loss interval is the law's own at " +
              $"(N_opt, D_opt): {fit.Model.IntervalMethod}"
            : "delta-method 95% intervals for C, N_opt, D_opt and D/N (sandwich covariance of the parameters, in logs; --bootstrap K " +
              $"gives percentile intervals); the loss interval is the law's own at (N_opt, D_opt): {fit.Model.IntervalMethod}";

    /// <summary>How far the allocations reach beyond the sizes and token counts the law was fitted to.</summary>
    private static string? Extrapolation(FitResult fit, IReadOnlyList<Allocation> allocations)
    {
        if (allocations.Count == 0) return null;
        var ranges = fit.Model.InputRanges;
        double Beyond(Interval range, double v) =>
            v > range.Upper ? Math.Log10(v / range.Upper) : v < range.Lower ? Math.Log10(range.Lower / v) : 0;
        int iN = fit.Inputs.ToList().IndexOf(LawInput.Of(Quantity.ParameterCount)), iD = fit.Inputs.ToList().IndexOf(LawInput.Of(Quantity.TrainingTokens));
        if (iN < 0 || iD < 0) return null;
        double n = allocations.Max(a => Beyond(ranges[iN], a.ParameterCount));
        double d = allocations.Max(a => Beyond(ranges[iD], a.TrainingTokens));
        if (Math.Max(n, d) < 0.05) return null;
        return $"the frontier is extrapolated: N_opt reaches {Decades(n)} and D_opt {Decades(d)} decades beyond the sizes and token counts " +
               $"fitted (N {G(ranges[iN].Lower)} to {G(ranges[iN].Upper)}, D {G(ranges[iD].Lower)} to {G(ranges[iD].Upper)}); " +
               "the allocation assumes the law holds out there.";
    }

    private static string G(double v) => NumberFormat.Significant(v, 4);

    private static string Decades(double v) => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
