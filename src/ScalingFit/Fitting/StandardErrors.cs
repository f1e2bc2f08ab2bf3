using static ScalingFit.NumberFormat;

namespace ScalingFit.Fitting;

/// <summary>
/// The bootstrap and the asymptotic (sandwich) standard errors of each parameter side by side: when
/// they differ by more than 3×, which to trust and why.
/// </summary>
internal static class StandardErrors
{
    public static IEnumerable<Diagnostic> Compare(DiagnosticContext c)
    {
        if (c.Estimates.Samples.Length < 2 || c.Estimates.Covariance is not { } covariance) yield break;
        int k = c.Estimates.Natural.Length;
        var wider = new List<string>();
        var narrower = new List<string>();
        for (int i = 0; i < k; i++)
        {
            var p = c.Estimates.Parameters[i];
            if (p.Constraint == "fixed") continue;
            double bootstrap = p.StandardError, asymptotic = Math.Sqrt(covariance[i * k + i]);
            if (!(bootstrap > 0) || !(asymptotic > 0) || !double.IsFinite(bootstrap) || !double.IsFinite(asymptotic)) continue;
            double ratio = bootstrap / asymptotic;
            if (ratio <= NonlinearDiagnostics.StandardErrorRatio && ratio >= 1 / NonlinearDiagnostics.StandardErrorRatio) continue;
            string text = $"{p.Name} {Relative(bootstrap, p.Value)} of its value by the bootstrap against {Relative(asymptotic, p.Value)} asymptotically";
            (ratio > 1 ? wider : narrower).Add(text);
        }
        if (wider.Count > 0)
            yield return new Diagnostic(DiagnosticCodes.StandardErrorsDisagree,
                $"the bootstrap and asymptotic standard errors differ by more than {NonlinearDiagnostics.StandardErrorRatio:0}×: {string.Join("; ", wider)}. " +
                "Trust the bootstrap's percentile intervals: the asymptotic errors come from the objective's curvature at the optimum " +
                "alone, as if it were quadratic out to the interval's ends, while the resamples' refits move far along a flat direction " +
                "(or toward a bound) that the curvature does not see.");
        if (narrower.Count > 0)
        {
            int failed = c.Bootstrap is { } b ? b.Resamples - b.ConvergedCount : 0;
            string why = failed > 0
                ? $"{failed} resamples that did not converge are left out of the bootstrap, and they are likely those that moved most"
                : c.Data.Clusters is not null
                    ? $"resampling only {c.Data.ClusterCount} runs shows less spread than there is"
                    : "the resamples vary less than the runs' scatter implies, as they do with few runs or a few runs that dominate the fit";
            yield return new Diagnostic(DiagnosticCodes.StandardErrorsDisagree,
                $"the bootstrap and asymptotic standard errors differ by more than {NonlinearDiagnostics.StandardErrorRatio:0}×: {string.Join("; ", narrower)}. " +
                $"Trust the wider asymptotic errors: {why}.");
        }
    }

    private static string Relative(double se, double value) =>
        value != 0 && double.IsFinite(se / value) ? Percent(Math.Abs(se / value)) : Significant(se, 3);
}
