using System.Text.Json.Serialization;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// A fit in JSON (<c>fit --json</c>, and the "fit" of every result built on one). Parameters,
/// standard errors, intervals and constraints are objects keyed by parameter name, in the law's order.
/// </summary>
/// <param name="Law">The law's name: power, chinchilla, a formula's name, ….</param>
/// <param name="Formula">The law as a formula, e.g. "L = E + A/N^α + B/D^β".</param>
/// <param name="X">The inputs, e.g. ["N", "D"].</param>
/// <param name="Y">The column fitted when it is not the loss; left out for the loss.</param>
/// <param name="Residuals">Where the residuals were taken, "linear" or "logit", when not in logs; left out for log residuals.</param>
/// <param name="N">The number of runs fitted.</param>
/// <param name="Parameters">Each parameter's estimate.</param>
/// <param name="StandardErrors">Each parameter's standard error.</param>
/// <param name="Constraints">How each constrained parameter was held ("fixed", "= beta", "bounded"); left out when none was.</param>
/// <param name="Ci95">Each parameter's 95% interval.</param>
/// <param name="Derived">Quantities derived from the parameters (e.g. the allocation exponents a and b), by name; left out when the law has none.</param>
/// <param name="Uncertainty">How the standard errors and intervals were made, in words.</param>
/// <param name="Bootstrap">The bootstrap behind the intervals: resamples, seed, converged, stoppedAtStart; left out without one.</param>
/// <param name="R2">R² in the residual space.</param>
/// <param name="ResidualStd">The residual standard deviation √(SSE/dof).</param>
/// <param name="Rmse">The root mean square residual.</param>
/// <param name="Objective">The minimized objective (sum of squares or of Huber terms).</param>
/// <param name="DegreesOfFreedom">n minus the number of fitted parameters.</param>
/// <param name="ConditionNumber">The condition number of the regression design (log-linear fits); left out otherwise.</param>
/// <param name="Runs">The runs the rows are checkpoints of, when rows were kept per run (--select all) and the intervals are clustered by run; null when every row is a run.</param>
/// <param name="RunColumns">The columns naming those runs (empty when every row is a run).</param>
/// <param name="IntervalDegreesOfFreedom">The degrees of freedom of the t intervals: runs − 1 when clustered, else n − k.</param>
/// <param name="Convergence">How the solver finished: method, converged, exitReason, iterations, startsTried, startsConverged.</param>
/// <param name="Warnings">What a person should know before trusting the fit.</param>
/// <param name="Diagnostics">The warnings with their stable codes: [{"code", "message"}].</param>
/// <param name="Data">The data fitted.</param>
public sealed record FitJson(
    string Law, string Formula, IReadOnlyList<string> X,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Y,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Residuals,
    int N, IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double> StandardErrors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Constraints,
    IReadOnlyDictionary<string, IntervalJson> Ci95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, EstimateJson>? Derived,
    string Uncertainty,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BootstrapInfo? Bootstrap,
    double R2, double ResidualStd, double Rmse, double Objective, int DegreesOfFreedom,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ConditionNumber,
    int? Runs, IReadOnlyList<string> RunColumns, int IntervalDegreesOfFreedom,
    Convergence Convergence, IReadOnlyList<string> Warnings, IReadOnlyList<Diagnostic> Diagnostics, DataJson Data)
{
    /// <summary>The fit's JSON.</summary>
    public static FitJson Of(FitResult fit) => new(
        fit.Law,
        fit.Formula,
        fit.Inputs.Select(q => q.Name).ToList(),
        fit.Target.IsLoss ? null : fit.Target.Name,
        fit.Residuals == Laws.ResidualSpace.Log ? null : fit.Residuals.ToString().ToLowerInvariant(),
        fit.Statistics.Points,
        JsonMaps.Of(fit.Parameters, p => p.Name, p => p.Value),
        JsonMaps.Of(fit.Parameters, p => p.Name, p => p.StandardError),
        fit.Parameters.Any(p => p.Constraint is not null)
            ? JsonMaps.Of(fit.Parameters.Where(p => p.Constraint is not null), p => p.Name, p => p.Constraint!)
            : null,
        JsonMaps.Of(fit.Parameters, p => p.Name, p => IntervalJson.Of(p.Ci95)),
        fit.Derived.Count > 0 ? JsonMaps.Of(fit.Derived, d => d.Name, EstimateJson.Of) : null,
        fit.UncertaintyMethod,
        fit.Bootstrap,
        fit.Statistics.RSquared,
        fit.Statistics.ResidualStandardDeviation,
        fit.Statistics.Rmse,
        fit.Statistics.Objective,
        fit.Statistics.DegreesOfFreedom,
        fit.Statistics.ConditionNumber,
        fit.Statistics.Runs,
        fit.Statistics.RunColumns,
        fit.Statistics.IntervalDegreesOfFreedom,
        fit.Convergence,
        fit.Warnings,
        fit.Diagnostics,
        DataJson.Of(fit.Data));
}
