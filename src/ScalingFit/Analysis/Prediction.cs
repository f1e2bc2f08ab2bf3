using System.Globalization;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>A predicted loss at a point, with its 95% interval and warnings.</summary>
/// <param name="At">The point as given, plus any input derived for the law (e.g. D from N and C).</param>
/// <param name="Loss">The predicted loss.</param>
/// <param name="Interval">The 95% interval for the loss of a run at the point.</param>
/// <param name="Warnings">Extrapolation and other cautions.</param>
public sealed record Prediction(
    IReadOnlyDictionary<Quantity, double> At, double Loss, Interval Interval, IReadOnlyList<string> Warnings);

/// <summary>Predicts the loss of new runs from a fitted law.</summary>
public static class Predictor
{
    /// <summary>
    /// Predicts the loss at a point. An input the law needs but the point lacks is derived from
    /// the other two by C = 6ND when possible.
    /// </summary>
    /// <exception cref="OptionException">The point lacks an input the law needs, or a value is not positive.</exception>
    public static Prediction Predict(FitResult fit, IReadOnlyDictionary<Quantity, double> at)
    {
        var point = CompletePoint(at, fit.Inputs, fit.Law);
        var inputs = fit.Inputs.Select(q => point[q]).ToArray();
        var warnings = new List<string>();
        for (int j = 0; j < inputs.Length; j++)
        {
            if (Extrapolation(fit.Inputs[j], inputs[j], fit.Model.InputRanges[j]) is { } w) warnings.Add(w);
        }
        return new Prediction(point, fit.Model.Predict(inputs), fit.Model.PredictionInterval(inputs), warnings);
    }

    /// <summary>Parses a point such as "N=7e10,D=1.4e12".</summary>
    /// <exception cref="OptionException">The text is malformed.</exception>
    public static IReadOnlyDictionary<Quantity, double> ParsePoint(string text)
    {
        var point = new Dictionary<Quantity, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || !Quantities.TryParse(part[..eq], out var q) || q == Quantity.Loss)
                throw new OptionException($"'{part}' in --at '{text}' is not of the form N=VALUE, D=VALUE or C=VALUE.");
            double value = NumberText.Parse(part[(eq + 1)..], $"{q.Symbol()} in --at");
            Guard.Positive(value, $"{q.Symbol()} in --at");
            if (!point.TryAdd(q, value)) throw new OptionException($"--at '{text}' gives {q.Symbol()} twice.");
        }
        if (point.Count == 0) throw new OptionException("--at needs a point such as N=7e10 or N=7e10,D=1.4e12.");
        return point;
    }

    /// <summary>
    /// The point with any input the law needs derived from the others by C = 6ND; call it before
    /// fitting to reject a point that cannot serve the law without spending the fit.
    /// </summary>
    /// <exception cref="OptionException">The point lacks an input the law needs and cannot derive it.</exception>
    public static IReadOnlyDictionary<Quantity, double> Complete(IReadOnlyDictionary<Quantity, double> at, IReadOnlyList<Quantity> needed, string law) =>
        CompletePoint(at, needed, law);

    private static Dictionary<Quantity, double> CompletePoint(IReadOnlyDictionary<Quantity, double> at, IReadOnlyList<Quantity> needed, string law)
    {
        var point = new Dictionary<Quantity, double>(at);
        bool n = point.TryGetValue(Quantity.ParameterCount, out var nv);
        bool d = point.TryGetValue(Quantity.TrainingTokens, out var dv);
        bool c = point.TryGetValue(Quantity.Compute, out var cv);
        if (n && c && !d) point[Quantity.TrainingTokens] = cv / (Derivation.FlopPerParameterToken * nv);
        if (n && d && !c) point[Quantity.Compute] = Derivation.FlopPerParameterToken * nv * dv;
        if (d && c && !n) point[Quantity.ParameterCount] = cv / (Derivation.FlopPerParameterToken * dv);
        var missing = needed.Where(q => !point.ContainsKey(q)).ToList();
        if (missing.Count > 0)
            throw new OptionException(
                $"the {law} law needs {string.Join(" and ", needed.Select(q => q.Symbol()))} but the point gives " +
                $"{string.Join(", ", at.Keys.Select(q => q.Symbol()))}; add {string.Join(" and ", missing.Select(q => q.Symbol() + "=..."))} " +
                "(with C = 6ND any two of N, D, C determine the third).");
        return point;
    }

    private static string? Extrapolation(Quantity q, double value, Interval range)
    {
        double decades = value > range.Upper ? Math.Log10(value / range.Upper)
            : value < range.Lower ? Math.Log10(range.Lower / value) : 0;
        if (decades <= 0) return null;
        string side = value > range.Upper ? "above the largest" : "below the smallest";
        string far = decades >= 1 ? "far " : "";
        return $"{far}extrapolation: {q.Symbol()} = {G(value)} is {decades.ToString("0.0", CultureInfo.InvariantCulture)} decades " +
               $"{side} {q.Symbol()} in the data ({G(value > range.Upper ? range.Upper : range.Lower)}); the interval assumes the law holds out there.";
    }

    private static string G(double v) => NumberFormat.Significant(v, 3);
}
