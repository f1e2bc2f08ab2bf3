using System.Globalization;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>A predicted value at a point, with its 95% interval and warnings.</summary>
/// <param name="At">The point as given, plus any input derived for the law (e.g. D from N and C).</param>
/// <param name="Loss">The predicted value (the loss, or the fit's target).</param>
/// <param name="Interval">The 95% interval for the value of a run at the point.</param>
/// <param name="Warnings">Extrapolation and other cautions.</param>
public sealed record Prediction(
    IReadOnlyDictionary<LawInput, double> At, double Loss, Interval Interval, IReadOnlyList<string> Warnings)
{
    /// <summary>The point's N back in non-embedding parameters when the runs were converted to total (null otherwise; NaN when it cannot be).</summary>
    public double? NonEmbeddingParameterCount { get; init; }
}

/// <summary>Predicts the loss (or another target) of new runs from a fitted law.</summary>
public static class Predictor
{
    /// <summary>Predicts at a point given by quantities.</summary>
    /// <exception cref="OptionException">The point lacks an input the law needs, or a value is not positive.</exception>
    public static Prediction Predict(FitResult fit, IReadOnlyDictionary<Quantity, double> at) =>
        Predict(fit, at.ToDictionary(kv => LawInput.Of(kv.Key), kv => kv.Value));

    /// <summary>
    /// Predicts at a point. An input the law needs but the point lacks is derived from the other
    /// two of N, D, C by C = 6ND when possible.
    /// </summary>
    /// <exception cref="OptionException">The point lacks an input the law needs.</exception>
    public static Prediction Predict(FitResult fit, IReadOnlyDictionary<LawInput, double> at)
    {
        var point = Complete(at, fit.Inputs, fit.Law);
        var inputs = fit.Inputs.Select(q => point[q]).ToArray();
        var warnings = new List<string>();
        for (int j = 0; j < inputs.Length; j++)
        {
            if (Extrapolation(fit.Inputs[j], inputs[j], fit.Model.InputRanges[j]) is { } w) warnings.Add(w);
        }
        return new Prediction(point, fit.Model.Predict(inputs), fit.Model.PredictionInterval(inputs), warnings);
    }

    /// <summary>
    /// The point with any input the law needs derived from the others by C = 6ND; call it before
    /// fitting to reject a point that cannot serve the law without spending the fit.
    /// </summary>
    /// <exception cref="OptionException">The point lacks an input the law needs and cannot derive it.</exception>
    public static IReadOnlyDictionary<LawInput, double> Complete(IReadOnlyDictionary<LawInput, double> at, IReadOnlyList<LawInput> needed, string law)
    {
        var point = new Dictionary<LawInput, double>(at);
        bool n = point.TryGetValue(Quantity.ParameterCount, out var nv);
        bool d = point.TryGetValue(Quantity.TrainingTokens, out var dv);
        bool c = point.TryGetValue(Quantity.Compute, out var cv);
        if (n && c && !d) point[Quantity.TrainingTokens] = cv / (Derivation.FlopPerParameterToken * nv);
        if (n && d && !c) point[Quantity.Compute] = Derivation.FlopPerParameterToken * nv * dv;
        if (d && c && !n) point[Quantity.ParameterCount] = cv / (Derivation.FlopPerParameterToken * dv);
        var missing = needed.Where(q => !point.ContainsKey(q)).ToList();
        if (missing.Count > 0)
            throw new OptionException("Prediction.At",
                $"the {law} law needs {needed.Names(" and ")} but the point gives {at.Keys.Names(", ")}; add " +
                $"{string.Join(" and ", missing.Select(q => q.Name + "=..."))}" +
                (missing.All(q => q.Quantity is not null) ? " (with C = 6ND any two of N, D, C determine the third)." : "."));
        return point;
    }

    private static string? Extrapolation(LawInput q, double value, Interval range)
    {
        double decades = value > range.Upper ? Math.Log10(value / range.Upper)
            : value < range.Lower ? Math.Log10(range.Lower / value) : 0;
        if (!(decades > 0)) return null;
        string side = value > range.Upper ? "above the largest" : "below the smallest";
        string far = decades >= 1 ? "far " : "";
        return $"{far}extrapolation: {q.Name} = {G(value)} is {decades.ToString("0.0", CultureInfo.InvariantCulture)} decades " +
               $"{side} {q.Name} in the data ({G(value > range.Upper ? range.Upper : range.Lower)}); the interval assumes the law holds out there.";
    }

    private static string G(double v) => NumberFormat.Significant(v, 3);
}
