using MathNet.Numerics.Distributions;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Uncertainty;

/// <summary>
/// Natural parameters and derived quantities with standard errors and 95% intervals: from the
/// bootstrap (standard deviation and percentile interval of the converged resamples) when one was
/// run, else from the sandwich covariance by the delta method (t intervals, taken on the log scale
/// for positive scale parameters and through the bound's transformation for bounded ones). Fixed
/// parameters have no uncertainty; tied ones share their group's.
/// </summary>
internal static class ParameterEstimates
{
    public static Estimates Build(FitProblem problem, double[] phi, double[]? covariance, BootstrapSamples? bootstrap, int degreesOfFreedom)
    {
        var law = problem.Law;
        var map = problem.Map;
        int k = map.LawDimension, m = map.FreeDimension;
        var natural = new double[k];
        var jacobian = new double[k * Math.Max(1, m)];
        map.ToNatural(phi, natural, jacobian);
        var samples = bootstrap is null ? [] : NaturalSamples(map, bootstrap);
        double t = StudentT.InvCDF(0, 1, Math.Max(1, degreesOfFreedom), 0.975);
        var naturalCovariance = covariance is null ? null : SandwichCovariance.Transform(jacobian, covariance, k, m);

        var parameters = law.Parameters.Select((p, i) =>
        {
            FittedParameter estimate;
            if (map.IsFixed(i)) estimate = new FittedParameter(p.Name, p.Symbol, natural[i], 0, new Interval(natural[i], natural[i]));
            else if (samples.Length > 0) estimate = FromSamples(p.Name, p.Symbol, natural[i], samples.Select(s => s[i]).ToArray());
            else
            {
                double se = naturalCovariance is null ? double.NaN : Math.Sqrt(naturalCovariance[i * k + i]);
                estimate = map.IsBounded(i) && covariance is not null
                    ? Bounded(map, i, phi, natural[i], se, Math.Sqrt(covariance[map.Source(i) * m + map.Source(i)]), t)
                    : FromCovariance(p.Name, p.Symbol, natural[i], se, p.Positive, t);
            }
            return estimate with { Name = p.Name, Symbol = p.Symbol, AtBound = map.AtBound(i, phi), Constraint = Constraint(map, law, i) };
        }).ToList();

        var derived = law.Derived.Select(d =>
        {
            double value = d.Compute(natural);
            if (samples.Length > 0) return FromSamples(d.Name, d.Symbol, value, samples.Select(d.Compute).ToArray());
            double se = naturalCovariance is null ? double.NaN : DeltaStandardError(d, natural, naturalCovariance);
            return FromCovariance(d.Name, d.Symbol, value, se, positive: false, t);
        }).ToList();
        return new Estimates(natural, parameters, derived, samples) { Covariance = naturalCovariance };
    }

    /// <summary>"fixed", "= β" or "bounded", or null for a free parameter.</summary>
    private static string? Constraint(ParameterMap map, IScalingLaw law, int i)
    {
        if (map.IsFixed(i)) return "fixed";
        var members = map.Members(map.Source(i));
        if (members.Count > 1 && members[0] != i) return $"= {law.Parameters[members[0]].Symbol}";
        return map.IsBounded(i) ? "bounded" : null;
    }

    private static FittedParameter Bounded(ParameterMap map, int i, double[] phi, double value, double se, double sePhi, double t)
    {
        double x = phi[map.Source(i)];
        double a = map.NaturalAt(i, x - t * sePhi), b = map.NaturalAt(i, x + t * sePhi);
        return new FittedParameter("", "", value, se, new Interval(Math.Min(a, b), Math.Max(a, b)));
    }

    private static FittedParameter FromSamples(string name, string symbol, double value, double[] values) =>
        new(name, symbol, value, Percentiles.StandardDeviation(values), Percentiles.Interval95(values));

    private static FittedParameter FromCovariance(string name, string symbol, double value, double se, bool positive, double t)
    {
        var interval = positive && value > 0
            ? new Interval(value * Math.Exp(-t * se / value), value * Math.Exp(t * se / value))
            : new Interval(value - t * se, value + t * se);
        return new FittedParameter(name, symbol, value, se, interval);
    }

    /// <summary>√(gᵀΣg) with g the central-difference gradient of the derived quantity.</summary>
    private static double DeltaStandardError(DerivedQuantity d, double[] natural, double[] covariance)
    {
        int k = natural.Length;
        var g = new double[k];
        for (int j = 0; j < k; j++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(natural[j]), 1e-8);
            var up = (double[])natural.Clone();
            var down = (double[])natural.Clone();
            up[j] += h;
            down[j] -= h;
            g[j] = (d.Compute(up) - d.Compute(down)) / (2 * h);
        }
        double variance = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) variance += g[a] * covariance[a * k + b] * g[b];
        return Math.Sqrt(variance);
    }

    private static double[][] NaturalSamples(ParameterMap map, BootstrapSamples bootstrap)
    {
        var samples = new List<double[]>();
        for (int r = 0; r < bootstrap.Resamples; r++)
        {
            if (bootstrap.Converged[r]) samples.Add(map.Natural(bootstrap.Sample(r)));
        }
        return samples.ToArray();
    }
}

/// <summary>The estimates of a nonlinear fit.</summary>
internal sealed record Estimates(double[] Natural, List<FittedParameter> Parameters, List<FittedParameter> Derived, double[][] Samples)
{
    /// <summary>The sandwich covariance of the natural parameters (row-major), or null.</summary>
    public double[]? Covariance { get; init; }
}
