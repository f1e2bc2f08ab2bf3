using System.Globalization;
using ScalingFit.Laws;

namespace ScalingFit.Fitting;

/// <summary>Warnings, written for a person, about log-linear fits that should not be trusted blindly.</summary>
internal static class LogLogDiagnostics
{
    /// <summary>Condition numbers above this make exponents trade off against each other.</summary>
    public const double IllConditioned = 1e5;

    /// <summary>
    /// The warnings of a power-law fit. <paramref name="curvatureT"/> is the t statistic of the
    /// quadratic term c in ln L = b₀ + b₁·ln X + c·(ln X − k)²: c &gt; 0 (convex) bends the loss up,
    /// falling ever more slowly, as toward an irreducible loss; c &lt; 0 (concave) bends it down,
    /// falling faster than a power law, as at a break or an emergent change.
    /// </summary>
    public static List<Diagnostic> Power(LawInput x, LawTarget target, double decades, double curvatureT, LinearSolution fit)
    {
        var warnings = new List<Diagnostic>();
        string s = x.Name, y = target.Symbol;
        double alpha = -fit.Coefficients[1];
        if (alpha <= 0 && target.IsLoss)
            warnings.Add(new(DiagnosticCodes.LossDoesNotFall, $"α = {F(alpha)} ≤ 0: the loss does not fall as {s} grows in this data, so X_c is meaningless; " +
                                                              "Kaplan's power law expects α > 0."));
        if (decades < 1)
            warnings.Add(new(DiagnosticCodes.NarrowRange, $"{s} spans only {F(decades)} decades; exponents from a narrow range are unreliable and any " +
                                                          "prediction is a far extrapolation."));
        if (fit.Points < 10)
            warnings.Add(new(DiagnosticCodes.FewRuns, $"only {fit.Points} runs: the intervals are wide and assume normally distributed residuals."));
        if (fit.RSquared < 0.5)
            warnings.Add(new(DiagnosticCodes.LowRSquared, $"{s} explains only {F(100 * fit.RSquared)}% of the variance of ln {y}: the runs differ in " +
                                                          $"more than {s}; consider the joint law in N and D, or another law in N and D."));
        if (curvatureT > 3)
            warnings.Add(new(DiagnosticCodes.CurvatureUp, $"the residuals curve upward (quadratic term in ln {s}, t = {F(curvatureT)}): " +
                (target.IsLoss
                    ? $"the loss falls ever more slowly as {s} grows, bending up from a straight line on log-log axes as it does when it " +
                      "flattens toward an irreducible loss; try the saturating law."
                    : $"ln {y} bends up from a straight line on log-log axes.")));
        if (curvatureT < -3)
            warnings.Add(new(DiagnosticCodes.CurvatureDown, $"the residuals curve downward (quadratic term in ln {s}, t = {F(curvatureT)}): " +
                (target.IsLoss
                    ? $"the loss falls faster than a power law as {s} grows, bending down from a straight line on log-log axes as it does " +
                      "at a break or an emergent change; try the broken law, and distrust this law's extrapolation. An irreducible " +
                      "loss (the saturating law) would bend it the other way."
                    : $"ln {y} bends down from a straight line on log-log axes.")));
        return warnings;
    }

    public static List<Diagnostic> Joint(IReadOnlyList<LawInput> inputs, LawTarget target, LinearSolution fit)
    {
        var warnings = new List<Diagnostic>();
        if (fit.ConditionNumber > IllConditioned)
            warnings.Add(new(DiagnosticCodes.Collinear, $"the design is nearly collinear (condition number {NumberFormat.Significant(fit.ConditionNumber, 3)}): the exponents " +
                                                        "trade off against each other and their standard errors are inflated."));
        for (int j = 0; j < inputs.Count; j++)
        {
            if (fit.Coefficients[j + 1] > 0 && target.IsLoss)
                warnings.Add(new(DiagnosticCodes.RisesWithInput, $"a_{inputs[j].Name} = {F(fit.Coefficients[j + 1])} > 0: the loss rises with " +
                                                                 $"{inputs[j].Name} when the other inputs are held fixed."));
        }
        if (fit.Points < 10)
            warnings.Add(new(DiagnosticCodes.FewRuns, $"only {fit.Points} runs: the intervals are wide and assume normally distributed residuals."));
        return warnings;
    }

    private static string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
