using System.Globalization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>Warnings, written for a person, about log-linear fits that should not be trusted blindly.</summary>
internal static class LogLogDiagnostics
{
    /// <summary>Condition numbers above this make exponents trade off against each other.</summary>
    public const double IllConditioned = 1e5;

    public static IReadOnlyList<string> Power(LawInput x, LawTarget target, double decades, double curvatureT, LinearSolution fit)
    {
        var warnings = new List<string>();
        string s = x.Name, y = target.Symbol;
        double alpha = -fit.Coefficients[1];
        if (alpha <= 0 && target.IsLoss)
            warnings.Add($"α = {F(alpha)} ≤ 0: the loss does not fall as {s} grows in this data, so X_c is meaningless; " +
                         "Kaplan's power law expects α > 0.");
        if (decades < 1)
            warnings.Add($"{s} spans only {F(decades)} decades; exponents from a narrow range are unreliable and any " +
                         "prediction is a far extrapolation.");
        if (fit.Points < 10)
            warnings.Add($"only {fit.Points} runs: the intervals are wide and assume normally distributed residuals.");
        if (fit.RSquared < 0.5)
            warnings.Add($"{s} explains only {F(100 * fit.RSquared)}% of the variance of ln {y}: the runs differ in " +
                         $"more than {s}; consider the joint law in N and D, or another law in N and D.");
        if (Math.Abs(curvatureT) > 3)
            warnings.Add($"the residuals curve (quadratic term in ln {s}, t = {F(curvatureT)}): the loss bends away from a " +
                         (target.IsLoss ? "straight line on log-log axes, as it does when it flattens toward an irreducible loss; " +
                                          "try the saturating law." : "straight line on log-log axes."));
        return warnings;
    }

    public static IReadOnlyList<string> Joint(IReadOnlyList<LawInput> inputs, LawTarget target, LinearSolution fit)
    {
        var warnings = new List<string>();
        if (fit.ConditionNumber > IllConditioned)
            warnings.Add($"the design is nearly collinear (condition number {NumberFormat.Significant(fit.ConditionNumber, 3)}): the exponents " +
                         "trade off against each other and their standard errors are inflated.");
        for (int j = 0; j < inputs.Count; j++)
        {
            if (fit.Coefficients[j + 1] > 0 && target.IsLoss)
                warnings.Add($"a_{inputs[j].Name} = {F(fit.Coefficients[j + 1])} > 0: the loss rises with " +
                             $"{inputs[j].Name} when the other inputs are held fixed.");
        }
        if (fit.Points < 10)
            warnings.Add($"only {fit.Points} runs: the intervals are wide and assume normally distributed residuals.");
        return warnings;
    }

    private static string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
