using System.Text.Json.Serialization;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting.Json;

/// <summary>An interval in JSON: the pair [lower, upper]; a bound that is not available (NaN, ±∞) is null.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
[JsonConverter(typeof(IntervalJsonConverter))]
public sealed record IntervalJson(double Lower, double Upper)
{
    /// <summary>The interval's bounds.</summary>
    public static IntervalJson Of(Interval interval) => new(interval.Lower, interval.Upper);
}

/// <summary>An estimate with its uncertainty: {"value", "standardError", "ci95": [lower, upper]}.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its standard error (null when none is available).</param>
/// <param name="Ci95">Its 95% interval.</param>
public sealed record EstimateJson(double Value, double StandardError, IntervalJson Ci95)
{
    /// <summary>A fitted parameter or derived quantity as an estimate.</summary>
    public static EstimateJson Of(FittedParameter p) => new(p.Value, p.StandardError, IntervalJson.Of(p.Ci95));
}

/// <summary>Numbers as JSON writes them.</summary>
public static class JsonNumbers
{
    /// <summary>The value when it is present and finite; null (left out by a WhenWritingNull property) otherwise.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
