using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>How runs are grouped into compute budgets for an IsoFLOP analysis.</summary>
public sealed record IsoFlopOptions
{
    /// <summary>The default tolerance: a budget spans at most a factor 1.2 in compute.</summary>
    public const double DefaultTolerance = 0.2;

    /// <summary>A column whose values name the budgets; null to bin the compute C instead.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>
    /// Binning of C when there is no group column: a budget spans at most a factor 1 + tolerance in
    /// compute, the densest such windows taken first. 0 groups only runs of equal compute.
    /// </summary>
    public double BudgetTolerance { get; init; } = DefaultTolerance;

    /// <summary>
    /// Budgets with fewer distinct model sizes are left out: by default 4, so that each parabola has a
    /// degree of freedom; at least 3, which a parabola needs.
    /// </summary>
    public int MinimumSizes { get; init; } = IsoFlop.DefaultMinimumSizes;

    /// <summary>
    /// Whether a vertex outside the sizes sampled at its budget (an extrapolated minimum) still enters
    /// N_opt ∝ C^a. Default false: such minima are listed and left out, since a parabola's vertex
    /// beyond its data moves the exponent by tens of percent.
    /// </summary>
    public bool KeepExtrapolated { get; init; }

    /// <summary>
    /// Fit each budget's parabola only to the K distinct sizes nearest (in ln N) its lowest observed
    /// loss; null for all sizes. A loss curve is a parabola in ln N only near its minimum.
    /// </summary>
    public int? Window { get; init; }

    /// <summary>
    /// How each budget's N_opt is found: a parabola's vertex (default) or the minimum of an Akima spline
    /// through the budget's curve, which needs <see cref="IsoFlopAkima.MinimumSizes"/> sizes and has no interval.
    /// </summary>
    public IsoFlopVertex Vertex { get; init; } = IsoFlopVertex.Parabola;

    /// <summary>Budgets at which to read N_opt and D_opt off the fitted N_opt ∝ C^a.</summary>
    public IReadOnlyList<double> Budgets { get; init; } = [];

    /// <summary>
    /// Resamples of whole runs (rows when every row is a run) on which the whole analysis is redone, for percentile
    /// intervals that count the runs the budgets share (<see cref="IsoFlopBootstrap"/>); 0 for none.
    /// </summary>
    public int Bootstrap { get; init; }

    /// <summary>The seed of the resamples.</summary>
    public long Seed { get; init; } = 1;
}

/// <summary>One compute budget of an IsoFLOP analysis.</summary>
/// <param name="Label">Its name: the group column's value or its compute.</param>
/// <param name="Compute">C: the geometric mean compute of its runs.</param>
/// <param name="Runs">How many runs it holds.</param>
/// <param name="Sizes">How many distinct model sizes N.</param>
/// <param name="SizeRange">The smallest and largest N.</param>
/// <param name="ComputeSpread">Largest over smallest compute of its runs (1 when they share a budget exactly).</param>
/// <param name="Parabola">The fitted parabola, or null with fewer than 3 sizes.</param>
/// <param name="Used">Whether its minimum enters the fit of N_opt ∝ C^a.</param>
/// <param name="Reason">Why it does not, or why it is suspect; null when all is well.</param>
/// <param name="Rows">Its runs' rows in the run set.</param>
public sealed record IsoFlopBudget(
    string Label, double Compute, int Runs, int Sizes, Interval SizeRange, double ComputeSpread,
    IsoFlopParabola? Parabola, bool Used, string? Reason, IReadOnlyList<int> Rows)
{
    /// <summary>The Akima spline's minimum when N_opt is found that way (<see cref="IsoFlopVertex.Akima"/>); null otherwise.</summary>
    public IsoFlopAkima? Akima { get; init; }

    /// <summary>N_opt back in non-embedding parameters when the runs were converted to total (null otherwise; NaN when it cannot be).</summary>
    public double? NonEmbeddingOptimalParameterCount { get; init; }

    /// <summary>N_opt: the Akima spline's minimum when there is one, else the parabola's vertex (NaN without a minimum).</summary>
    public double OptimalParameterCount => Akima is { } s ? Math.Exp(s.LogVertex)
        : Parabola is { HasMinimum: true } p ? Math.Exp(p.LogVertex) : double.NaN;

    /// <summary>D_opt = C/(6·N_opt).</summary>
    public double OptimalTokens => Compute / (Data.Derivation.FlopPerParameterToken * OptimalParameterCount);

    /// <summary>The parabola's loss at its vertex (NaN without a minimum).</summary>
    public double LossAtOptimum => Akima is { } s ? s.VertexLoss : Parabola is { HasMinimum: true } p ? p.VertexLoss : double.NaN;

    /// <summary>A 95% t interval of N_opt from the parabola's standard errors (NaN with 3 runs: no residual degrees of freedom).</summary>
    public Interval OptimalParameterCountCi95 => Akima is not null ? AllocationIntervals.Unknown : Parabola is { HasMinimum: true } p
        ? new Interval(Math.Exp(p.LogVertex - p.T95 * p.LogMinimumStandardError), Math.Exp(p.LogVertex + p.T95 * p.LogMinimumStandardError))
        : AllocationIntervals.Unknown;

    /// <summary>Whether the vertex lies outside the sizes sampled at this budget (an extrapolated minimum), or the spline's at an end of them.</summary>
    public bool MinimumOutsideSizes => Akima is { } s ? s.AtEdge : Parabola is { HasMinimum: true } &&
        (OptimalParameterCount < SizeRange.Lower || OptimalParameterCount > SizeRange.Upper);
}

/// <summary>N_opt and D_opt read off the fitted IsoFLOP frontier at a budget.</summary>
/// <param name="Compute">C, FLOP.</param>
/// <param name="ParameterCount">N_opt = exp(k)·C^a.</param>
/// <param name="ParameterCountCi95">95% confidence interval of the fitted line at C.</param>
/// <param name="TrainingTokens">D_opt = C/(6·N_opt).</param>
public sealed record IsoFlopAllocation(double Compute, double ParameterCount, Interval ParameterCountCi95, double TrainingTokens)
{
    /// <summary>D_opt/N_opt.</summary>
    public double TokensPerParameter => TrainingTokens / ParameterCount;

    /// <summary>N_opt back in non-embedding parameters when the runs were converted to total (null otherwise; NaN when it cannot be).</summary>
    public double? NonEmbeddingParameterCount { get; init; }
}

/// <summary>The result of an IsoFLOP analysis (Hoffmann et al. 2022, approach 2).</summary>
/// <param name="ParameterExponent">a in N_opt ∝ C^a, OLS of ln N_opt on ln C, t interval.</param>
/// <param name="TokenExponent">b in D_opt ∝ C^b (b = 1 − a since D_opt = C/(6·N_opt)).</param>
/// <param name="LogCoefficient">ln k in N_opt = k·C^a.</param>
/// <param name="Budgets">Every budget found, used or not, in increasing compute.</param>
/// <param name="Allocations">N_opt and D_opt at the budgets asked for.</param>
/// <param name="Grouping">How the runs were grouped, in words.</param>
/// <param name="Frontier">Goodness of the fit of ln N_opt on ln C.</param>
/// <param name="Data">The runs analysed.</param>
/// <param name="Warnings">Parabolas that open downward, minima outside the sizes sampled, wide bins, too few sizes.</param>
public sealed record IsoFlopResult(
    FittedParameter ParameterExponent,
    FittedParameter TokenExponent,
    FittedParameter LogCoefficient,
    IReadOnlyList<IsoFlopBudget> Budgets,
    IReadOnlyList<IsoFlopAllocation> Allocations,
    string Grouping,
    FitStatistics Frontier,
    DataDescription Data,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How each budget's N_opt was found.</summary>
    public IsoFlopVertex Vertex { get; init; } = IsoFlopVertex.Parabola;

    /// <summary>The analysis redone on resamples of whole runs, when asked; null otherwise.</summary>
    public IsoFlopBootstrap? Bootstrap { get; init; }

    /// <summary>Approach 2 against approach 3 (a fitted law's frontier) at the budgets asked for, when it was asked; null otherwise.</summary>
    public ApproachComparisons? Approaches { get; init; }

    /// <summary>The OLS fit of ln N_opt on ln C behind <see cref="Allocations"/>; null for a result built by hand.</summary>
    internal LinearSolution? Line { get; init; }

    /// <summary>
    /// N_opt and D_opt read off the fitted N_opt ∝ C^a at a budget, asked for or not; null when the budget
    /// was not asked for and the result does not carry its line.
    /// </summary>
    public IsoFlopAllocation? AllocationAt(double compute) =>
        Allocations.FirstOrDefault(a => Math.Abs(a.Compute / compute - 1) < 1e-9) ?? (Line is { } line ? IsoFlop.Allocate(line, compute) : null);

    /// <summary>Hoffmann et al. 2022's exponents a for comparison: approach 1, 2 and 3.</summary>
    public const string Reference =
        "Hoffmann et al. 2022 report a = 0.49 [0.462, 0.534] by this approach (approach 2), 0.50 by approach 1 and 0.46 by approach 3.";
}
