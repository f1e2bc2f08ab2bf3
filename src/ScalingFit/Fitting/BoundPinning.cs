using ScalingFit.Data;
using ScalingFit.Laws;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Fitting;

/// <summary>
/// The step that finishes a bounded fit whose optimum lies on a bound. Inside the range a bound is a
/// smooth transformation (p = lo + (hi − lo)·σ(φ), lo + eᵠ), which reaches its end only as φ → ±∞:
/// there its gradient vanishes, the search stalls short of the end, and the other parameters are
/// left where the stall found them. When a bounded parameter ends near an end of its range, the fit
/// is made again with it held on that end; if that fit is at least as good, it is the constrained
/// optimum (the Karush–Kuhn–Tucker point with an active bound), and it is reported with the
/// parameter exactly on its bound, without a standard error of its own (lmfit's convention), the
/// other parameters and their uncertainties those of that fit.
/// </summary>
internal static class BoundPinning
{
    /// <summary>A bounded parameter within this fraction of its range's width (or of its end's size, for a one-sided range) of an end is tried on it.</summary>
    public const double Near = 1e-3;

    /// <summary>The fit itself, or the fit with a parameter held on the bound it ended near when that fit is at least as good.</summary>
    /// <param name="runs">The runs fitted.</param>
    /// <param name="spec">The law and its constraints as asked.</param>
    /// <param name="options">The fit's options.</param>
    /// <param name="fit">The fit under those constraints.</param>
    /// <param name="refit">Fits the law under other constraints (the nonlinear fitter itself).</param>
    public static FitResult Apply(RunSet runs, LawSpec spec, NonlinearFitOptions options, FitResult fit, Func<LawSpec, FitResult> refit)
    {
        var law = spec.Law;
        var map = ParameterMap.Create(law, spec.Constraints);
        var candidates = new List<(int Index, double End, double Distance)>();
        for (int j = 0; j < law.Parameters.Count; j++)
        {
            if (!map.IsBounded(j) || map.Members(map.Source(j))[0] != j) continue;
            var range = map.Range(j);
            double value = fit.Parameters[j].Value;
            bool upper = range.Upper - value < value - range.Lower;
            double end = upper ? range.Upper : range.Lower;
            double scale = double.IsFinite(range.Upper - range.Lower) ? range.Upper - range.Lower : Math.Max(Math.Abs(end), 1);
            double distance = Math.Abs(value - end) / scale;
            if (distance <= Near && law.Parameters[j].Allows(end)) candidates.Add((j, end, distance));
        }
        foreach (var (j, end, _) in candidates.OrderBy(c => c.Distance))
        {
            var name = law.Parameters[j].Name;
            var fixes = new Dictionary<string, double>(spec.Constraints.Fixed) { [name] = end };
            FitResult pinned;
            try
            {
                pinned = refit(spec with { Constraints = spec.Constraints with { Fixed = fixes } });
            }
            catch (ScalingFitException)
            {
                continue;  // the law cannot be evaluated with the parameter on its bound (a division by an exponent of 0)
            }
            double tolerance = 1e-12 * Math.Abs(fit.Statistics.Objective);
            if (!(pinned.Statistics.Objective <= fit.Statistics.Objective + tolerance)) continue;
            return OnBound(fit, pinned, map, j, end);
        }
        return fit;
    }

    /// <summary>The pinned fit reported under the constraints asked: the group on its bound, without a standard error, and a warning that says so.</summary>
    private static FitResult OnBound(FitResult fit, FitResult pinned, ParameterMap map, int j, double end)
    {
        var members = map.Members(map.Source(j));
        var range = map.Range(j);
        var parameters = pinned.Parameters.Select((p, i) => members.Contains(i)
            ? p with
            {
                Value = end, StandardError = double.NaN, Ci95 = new Interval(double.NaN, double.NaN),
                AtBound = true, Constraint = fit.Parameters[i].Constraint,
            }
            : p).ToList();
        var name = fit.Parameters[j].Name;
        string side = end == range.Upper ? "upper" : "lower";
        string warning = $"{name} = {Significant(end, 4)} lies on the {side} end of its range {range}: the best fit inside the range holds it there, " +
                         $"so it has no standard error of its own and the other parameters' uncertainties are those with {name} held on that end. " +
                         "The runs favour a value beyond the range; widen the range if such a value is plausible.";
        // What the free fit found about the parameter pushed to its end still holds for it on the end (an irreducible
        // loss above the lowest losses); the pinned fit skips it there, since it treats the parameter as fixed.
        var kept = fit.Diagnostics.Where(d => d.Code == DiagnosticCodes.FloorAboveLosses && pinned.Diagnostics.All(p => p.Code != d.Code));
        var diagnostics = (IReadOnlyList<Diagnostic>)[new Diagnostic(DiagnosticCodes.AtBound, warning), .. pinned.Diagnostics, .. kept];
        return pinned with
        {
            Constraints = fit.Constraints,
            Parameters = parameters,
            Warnings = Diagnostic.Messages(diagnostics),
            Diagnostics = diagnostics,
        };
    }
}
