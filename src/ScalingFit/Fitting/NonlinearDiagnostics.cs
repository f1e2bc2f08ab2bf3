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
}

/// <summary>Warnings, written for a person, about nonlinear fits that should not be trusted blindly.</summary>
internal static class NonlinearDiagnostics
{
    /// <summary>Optima whose objective is within this fraction of the best count as "nearly equal".</summary>
    public const double NearlyEqual = 0.01;

    /// <summary>Parameters that differ by more than this fraction make an optimum distinct.</summary>
    public const double Distinct = 0.01;

    public static IReadOnlyList<string> Warnings(DiagnosticContext c, LossFunction loss)
    {
        var warnings = new List<string>();
        if (!c.Converged)
            warnings.Add($"the best start did not converge ({c.Final.Reason}, Newton decrement {Significant(c.Final.Decrement, 2)}); " +
                         "the optimum may be inaccurate.");
        if (AlternativeOptimum(c) is { } alternative) warnings.Add(alternative);
        foreach (var p in c.Estimates.Parameters.Where(p => p.RelativeError > 0.5))
            warnings.Add($"{p.Name} is weakly identified: its standard error is {Percent(p.RelativeError)} of its value, " +
                         "so these runs constrain it little.");
        foreach (var p in c.Estimates.Parameters.Where((p, i) => c.Law.Parameters[i].Role == ParameterRole.Exponent && p.Constraint != "fixed"))
        {
            if (p.Value <= 1e-6)
                warnings.Add($"{p.Name} = {Significant(p.Value, 3)} is at or beyond its natural bound 0: that term does not fall " +
                             "with its input, so the law degenerates.");
        }
        warnings.AddRange(VanishedTerms(c));
        if (c.Covariance is null && c.Bootstrap is null)
            warnings.Add("the Hessian at the optimum is not positive definite, so asymptotic standard errors are unavailable; " +
                         "a bootstrap gives intervals.");
        if (c.Bootstrap is { } b) warnings.AddRange(BootstrapWarnings(b, c.Final.Objective));
        if (loss.Kind == LossKind.Huber && c.Estimates.Samples.Length == 0 && c.Covariance is not null)
            warnings.Add("intervals are asymptotic (sandwich); with the Huber loss and a few hundred runs they can be optimistic — " +
                         "a bootstrap (1,000 resamples) gives percentile intervals.");
        return warnings;
    }

    private static IEnumerable<string> BootstrapWarnings(BootstrapSamples b, double objective)
    {
        int failed = b.Resamples - b.ConvergedCount;
        if (failed > 0.01 * b.Resamples)
            yield return $"{failed} of {b.Resamples} bootstrap resamples did not pass the strict convergence test " +
                         $"(½gᵀH⁻¹g ≤ {NumberFormat.Significant(Bootstrap.StrictDecrement, 2)} × objective) and are left out of the intervals.";
        if (b.StoppedAtStart > 0.05 * b.Resamples)
            yield return $"{b.StoppedAtStart} of {b.Resamples} bootstrap resamples stopped where they started: the optimizer's " +
                         $"tolerances are too loose for an objective of order {Significant(objective, 2)}, and intervals from " +
                         "such resamples are far too narrow (the failure Besiroglu et al. 2024 found in Hoffmann et al. 2022). " +
                         "Tighten the tolerances.";
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
