using ScalingFit.Data;
using ScalingFit.Fitting.Optimization;
using ScalingFit.Laws;
using ScalingFit.Uncertainty;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Fitting;

/// <summary>What a nonlinear fit knows about itself, for its warnings.</summary>
internal sealed record DiagnosticContext(
    FitProblem Problem, MultiStartResult Search, int Best, double[] Theta, LocalResult Final, bool Converged,
    double[]? Covariance, BootstrapSamples? Bootstrap, Estimates Estimates)
{
    public IScalingLaw Law => Problem.Law;

    public FitData Data => Problem.Data;

    /// <summary>The runs fitted (for their sizes and the runs the rows belong to).</summary>
    public RunSet? Runs { get; init; }
}

/// <summary>Warnings, written for a person, about nonlinear fits that should not be trusted blindly.</summary>
internal static class NonlinearDiagnostics
{
    /// <summary>Optima whose objective is within this fraction of the best count as "nearly equal".</summary>
    public const double NearlyEqual = 0.01;

    /// <summary>Parameters that differ by more than this fraction make an optimum distinct.</summary>
    public const double Distinct = 0.01;

    /// <summary>Bootstrap and asymptotic standard errors further apart than this factor are reported.</summary>
    public const double StandardErrorRatio = 3;

    /// <summary>
    /// Below this many independent runs (runs, not checkpoint rows) a Huber fit's asymptotic (sandwich)
    /// intervals are flagged as possibly optimistic: the warning speaks of "a few hundred runs".
    /// </summary>
    public const int AsymptoticRuns = 1000;

    public static List<Diagnostic> Diagnose(DiagnosticContext c, LossFunction loss)
    {
        var warnings = new List<Diagnostic>();
        if (!c.Converged)
            warnings.Add(new(DiagnosticCodes.NotConverged,
                $"the best start did not pass the convergence test ({c.Final.Reason}, Newton decrement {Significant(c.Final.Decrement, 2)} " +
                $"above {Significant(ConvergenceTest.Threshold(c.Final.Objective, c.Data.Count), 2)}, the larger of 1e-10 × the objective " +
                "and the floor of a step that moves the fitted values by 1e-10); the optimum may be inaccurate."));
        if (AlternativeOptimum(c) is { } alternative) warnings.Add(new(DiagnosticCodes.SeveralOptima, alternative));
        foreach (var p in c.Estimates.Parameters.Where(p => p.RelativeError > 0.5))
            warnings.Add(new(DiagnosticCodes.WeaklyIdentified,
                $"{p.Name} is weakly identified: its standard error is {Percent(p.RelativeError)} of its value, so these runs constrain it little."));
        foreach (var p in c.Estimates.Parameters.Where((p, i) => c.Law.Parameters[i].Role == ParameterRole.Exponent && p.Constraint != "fixed"))
        {
            if (Math.Abs(p.Value) <= 1e-6)
                warnings.Add(new(DiagnosticCodes.ExponentZero,
                    $"{p.Name} = {Significant(p.Value, 3)} is 0: its term does not change with its input, so the law degenerates " +
                    "(the term is a constant)."));
        }
        warnings.AddRange(FitChecks.LossRises(c.Law, c.Data, c.Estimates.Natural));
        warnings.AddRange(VanishedTerms(c).Select(m => new Diagnostic(DiagnosticCodes.VanishedTerm, m)));
        if (c.Covariance is null && c.Bootstrap is null)
            warnings.Add(new(DiagnosticCodes.NoCovariance, "the Hessian at the optimum is not positive definite, so asymptotic standard errors are unavailable; " +
                                                           "a bootstrap gives intervals."));
        if (c.Bootstrap is { } b) warnings.AddRange(BootstrapWarnings(b, c.Final.Objective, c.Estimates.Samples.Length));
        int independent = c.Data.IndependentCount;
        if (loss.Kind == LossKind.Huber && c.Bootstrap is null && c.Covariance is not null && independent < AsymptoticRuns)
            warnings.Add(new(DiagnosticCodes.AsymptoticIntervals,
                $"intervals are asymptotic (sandwich); with the Huber loss and {Count(independent)} " +
                (c.Data.Clusters is null ? "runs" : $"runs (the {Count(c.Data.Count)} rows are checkpoints of them)") +
                $", fewer than {Count(AsymptoticRuns)}, they can be optimistic — a bootstrap (1,000 resamples) gives percentile intervals."));
        warnings.AddRange(StandardErrors.Compare(c));
        warnings.AddRange(FitChecks.FloorAboveLosses(c.Law, c.Problem.Map, c.Data, c.Estimates.Natural));
        if (c.Runs is { } runs) warnings.AddRange(RunStructure.Diagnose(runs, c.Law.Inputs, c.Problem.Dimension));
        return warnings;
    }

    private static IEnumerable<Diagnostic> BootstrapWarnings(BootstrapSamples b, double objective, int kept)
    {
        int failed = b.Resamples - b.ConvergedCount;
        if (kept < 2)
            yield return new(DiagnosticCodes.BootstrapNotConverged,
                $"{(kept == 0 ? "none" : "only one")} of the {b.Resamples} bootstrap resamples passed the convergence test, so the intervals are " +
                "asymptotic (sandwich) rather than percentiles of resamples.");
        else if (failed > 0.01 * b.Resamples)
            yield return new(DiagnosticCodes.BootstrapNotConverged,
                $"{failed} of {b.Resamples} bootstrap resamples did not pass the strict convergence test " +
                $"(½gᵀH⁻¹g ≤ {Significant(ConvergenceTest.Relative, 2)} × objective, or the floor for exact data) and are left out of the intervals.");
        if (b.StoppedAtStart > 0.05 * b.Resamples)
            yield return new(DiagnosticCodes.BootstrapStoppedAtStart,
                $"{b.StoppedAtStart} of {b.Resamples} bootstrap resamples stopped where they started without converging: the optimizer's " +
                $"tolerances are too loose for an objective of order {Significant(objective, 2)}, and intervals from " +
                "such resamples are far too narrow (the failure Besiroglu et al. 2024 found in Hoffmann et al. 2022). " +
                "Tighten the tolerances.");
    }

    /// <summary>
    /// Positive scale parameters whose removal (set to 0) changes no run's predicted loss by more
    /// than one part in a million: their term has vanished and the law has degenerated to a
    /// smaller one (E → 0: no irreducible loss in these runs; B → 0: no dependence on D).
    /// </summary>
    private static IEnumerable<string> VanishedTerms(DiagnosticContext c)
    {
        var law = c.Law;
        var natural = c.Estimates.Natural;
        int inputs = c.Data.InputCount;
        var x = new double[inputs];
        for (int p = 0; p < law.Parameters.Count; p++)
        {
            if (!law.Parameters[p].Positive || c.Problem.Map.IsFixed(p)) continue;
            var without = (double[])natural.Clone();
            without[p] = 0;
            double largest = 0;
            for (int i = 0; i < c.Data.Count; i++)
            {
                for (int j = 0; j < inputs; j++) x[j] = c.Data.Columns[j][i];
                double full = law.Value(natural, x), reduced = law.Value(without, x);
                largest = Math.Max(largest, double.IsFinite(reduced) ? Math.Abs(full - reduced) / full : double.PositiveInfinity);
            }
            if (largest < 1e-6)
                yield return $"{law.Parameters[p].Name} = {Significant(natural[p], 3)}: its term ({law.Parameters[p].Description}) has " +
                             $"vanished (it changes no predicted loss by more than {Significant(largest, 2)} relative); the fit " +
                             "has degenerated to a smaller law, and the parameters of that term mean nothing.";
        }
    }

    /// <summary>The best converged end point that is distinct from the optimum with a nearly equal objective.</summary>
    private static string? AlternativeOptimum(DiagnosticContext c)
    {
        var law = c.Law;
        var map = c.Problem.Map;
        int k = map.LawDimension;
        double best = c.Search.Results[c.Best].Objective;
        var optimum = map.Natural(c.Theta);
        var other = new double[k];
        int found = -1, count = 0;
        for (int s = 0; s < c.Search.Count; s++)
        {
            var r = c.Search.Results[s];
            if (!r.Converged || !(r.Objective <= best * (1 + NearlyEqual))) continue;
            other = map.Natural(c.Search.EndPoint(s));
            bool distinct = false;
            for (int i = 0; i < k; i++)
                distinct |= Math.Abs(other[i] - optimum[i]) > Distinct * Math.Max(Math.Abs(optimum[i]), 1e-12);
            if (!distinct) continue;
            count++;
            if (found < 0 || r.Objective < c.Search.Results[found].Objective) found = s;
        }
        if (found < 0) return null;
        other = map.Natural(c.Search.EndPoint(found));
        double excess = c.Search.Results[found].Objective / best - 1;
        string values = string.Join(", ", law.Parameters.Select((p, i) => $"{p.Name} = {Significant(other[i], 4)}"));
        return $"several optima: {count} starts converged to minima distinct from the best with an objective within " +
               $"{Percent(NearlyEqual)} of it; the nearest is {Percent(excess)} higher at {values}. These runs do not pin the law down uniquely.";
    }
}
