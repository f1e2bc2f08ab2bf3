using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Plotting.Series;

/// <summary>A model's prediction and 95% interval sampled along one input, in log₁₀ coordinates.</summary>
/// <param name="X">log₁₀ of the input.</param>
/// <param name="Y">log₁₀ of the predicted loss.</param>
/// <param name="Lower">log₁₀ of the interval's lower end.</param>
/// <param name="Upper">log₁₀ of the interval's upper end.</param>
internal sealed record CurvePoints(double[] X, double[] Y, double[] Lower, double[] Upper)
{
    /// <summary>Whether the model gave a finite interval everywhere (a law fitted without a covariance may give none).</summary>
    public bool HasInterval => Lower.All(double.IsFinite) && Upper.All(double.IsFinite);
}

/// <summary>
/// Samples an <see cref="ILossModel"/> along one input with the others held: an input held neither
/// by the axis nor by the caller is derived from the other two by C = 6ND.
/// </summary>
internal static class ModelCurve
{
    /// <summary>
    /// Samples at <paramref name="points"/> values spaced evenly in log₁₀ over [from, to]; the interval at each
    /// point only when <paramref name="intervals"/> (it costs a law evaluation per bootstrap resample), NaN otherwise.
    /// </summary>
    /// <exception cref="OptionException">The model needs an input that neither the axis, the held values nor C = 6ND give.</exception>
    public static CurvePoints Sample(
        ILossModel model, LawInput versus, double from, double to, IReadOnlyDictionary<LawInput, double> held, int points = 100, bool intervals = true)
    {
        var x = new double[points];
        var y = new double[points];
        var lower = new double[points];
        var upper = new double[points];
        var inputs = new double[model.Inputs.Count];
        double a = Math.Log10(from), b = Math.Log10(to);
        for (int i = 0; i < points; i++)
        {
            x[i] = a + (b - a) * i / (points - 1);
            Complete(model, versus, Math.Pow(10, x[i]), held, inputs);
            y[i] = Math.Log10(model.Predict(inputs));
            if (!intervals)
            {
                lower[i] = upper[i] = double.NaN;
                continue;
            }
            var interval = model.PredictionInterval(inputs);
            lower[i] = Math.Log10(interval.Lower);
            upper[i] = Math.Log10(interval.Upper);
        }
        return new CurvePoints(x, y, lower, upper);
    }

    /// <summary>Fills <paramref name="inputs"/> (model order) from the axis value and the held values.</summary>
    public static void Complete(ILossModel model, LawInput versus, double value, IReadOnlyDictionary<LawInput, double> held, double[] inputs)
    {
        for (int j = 0; j < inputs.Length; j++)
        {
            var q = model.Inputs[j];
            inputs[j] = q == versus ? value
                : held.TryGetValue(q, out var h) ? h
                : Derived(q, versus, value, held)
                  ?? throw new OptionException("FitFigureOptions.By",
                      $"the law takes {model.Inputs.Names()}; with {versus.Name} on the axis " +
                      $"{q.Name} must be held: choose it (or the quantity that gives it by C = 6ND) as the quantity held along each curve.");
        }
    }

    private static double? Derived(LawInput q, LawInput versus, double value, IReadOnlyDictionary<LawInput, double> held)
    {
        double? Get(Quantity k) => versus.Quantity == k ? value : held.TryGetValue(LawInput.Of(k), out var v) ? v : null;
        const double k6 = Derivation.FlopPerParameterToken;
        return q.Quantity switch
        {
            Quantity.Compute when Get(Quantity.ParameterCount) is { } n && Get(Quantity.TrainingTokens) is { } d => k6 * n * d,
            Quantity.TrainingTokens when Get(Quantity.ParameterCount) is { } n && Get(Quantity.Compute) is { } c => c / (k6 * n),
            Quantity.ParameterCount when Get(Quantity.TrainingTokens) is { } d && Get(Quantity.Compute) is { } c => c / (k6 * d),
            _ => null,
        };
    }
}
