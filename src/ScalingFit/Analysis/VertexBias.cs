using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Analysis;

/// <summary>
/// The bias of an IsoFLOP vertex method (a parabola in ln N, or an Akima spline) on a fitted law's
/// surface at the sizes actually sampled: at each budget used, the law's exact, noise-free loss at the
/// budget's own sizes N (with D = C/(6N)) gets the same vertex method, and its vertex is compared with
/// the law's own minimum along C = 6ND. A loss that is not symmetric in ln N about its minimum (a
/// Chinchilla surface with α ≠ β) moves a parabola's vertex off the minimum even without noise.
/// The vertices are then joined by the same OLS line ln N = ln k + a·ln C as approach 2, so that the
/// bias can be read at any budget, as approach 2's N_opt is.
/// </summary>
/// <param name="Vertex">The vertex method whose bias this is.</param>
/// <param name="Budgets">Each budget's vertex on the law's surface against the law's minimum there.</param>
/// <param name="LogCoefficient">ln k of the line through the law-surface vertices (NaN with fewer than 2 budgets).</param>
/// <param name="Exponent">a of that line (NaN with fewer than 2 budgets).</param>
/// <param name="Skipped">Budgets used by approach 2 whose law-surface curve gave no vertex (a parabola that opens downward), by label.</param>
public sealed record VertexBias(
    IsoFlopVertex Vertex, IReadOnlyList<VertexBiasBudget> Budgets, double LogCoefficient, double Exponent, IReadOnlyList<string> Skipped)
{
    /// <summary>
    /// The bias of approach 2's N_opt at a budget on the law's surface: N_line(C)/N_law(C) − 1, where
    /// N_line is the line through the law-surface vertices and N_law the law's minimum (NaN without a line).
    /// </summary>
    public double At(double compute, double lawOptimum) =>
        double.IsFinite(Exponent) ? Math.Exp(LogCoefficient + Exponent * Math.Log(compute)) / lawOptimum - 1 : double.NaN;

    /// <summary>The bias on a law's frontier at the sizes of the budgets approach 2 used.</summary>
    /// <param name="runs">The runs the IsoFLOP analysis was made on (its budgets' rows index them).</param>
    /// <param name="isoFlop">The IsoFLOP analysis: its budgets used, their sizes and its vertex method.</param>
    /// <param name="frontier">The law's compute-optimal frontier and loss.</param>
    public static VertexBias Estimate(RunSet runs, IsoFlopResult isoFlop, ComputeFrontier frontier)
    {
        var n = runs.Values(Quantity.ParameterCount).ToArray();
        var budgets = new List<VertexBiasBudget>();
        var skipped = new List<string>();
        foreach (var b in isoFlop.Budgets.Where(b => b.Used))
        {
            var sizes = b.Rows.Select(i => n[i]).ToList();
            // The law's loss along the budget: D = C/(6N), no noise.
            var losses = sizes.Select(size => frontier.Loss(size, b.Compute / (Derivation.FlopPerParameterToken * size))).ToList();
            double logVertex = VertexOf(isoFlop.Vertex, sizes, losses);
            double optimum = frontier.OptimalParameters(b.Compute);
            if (double.IsFinite(logVertex) && double.IsFinite(optimum)) budgets.Add(new(b.Label, b.Compute, Math.Exp(logVertex), optimum));
            else skipped.Add(b.Label);
        }
        if (budgets.Count < 2) return new VertexBias(isoFlop.Vertex, budgets, double.NaN, double.NaN, skipped);
        var line = LinearLeastSquares.SolveColumns([budgets.Select(b => Math.Log(b.Compute)).ToArray()],
            budgets.Select(b => Math.Log(b.VertexParameterCount)).ToArray());
        return new VertexBias(isoFlop.Vertex, budgets, line.Coefficients[0], line.Coefficients[1], skipped);
    }

    /// <summary>ln N at the vertex of the method through (N, loss); NaN when it gives none.</summary>
    private static double VertexOf(IsoFlopVertex vertex, IReadOnlyList<double> sizes, IReadOnlyList<double> losses)
    {
        if (vertex == IsoFlopVertex.Akima)
            return IsoFlopAkima.Fit(sizes, losses) is { } spline ? spline.LogVertex : double.NaN;
        return IsoFlopParabola.Fit(sizes, losses) is { HasMinimum: true } parabola ? parabola.LogVertex : double.NaN;
    }
}

/// <summary>One budget's vertex on a law's noise-free surface against the law's own minimum there.</summary>
/// <param name="Label">The budget's name.</param>
/// <param name="Compute">C, FLOP.</param>
/// <param name="VertexParameterCount">The vertex method's N_opt on the law's losses at the budget's sizes.</param>
/// <param name="OptimalParameterCount">The law's exact N_opt along C = 6ND.</param>
public sealed record VertexBiasBudget(string Label, double Compute, double VertexParameterCount, double OptimalParameterCount)
{
    /// <summary>The vertex's relative error: N_vertex/N_opt − 1.</summary>
    public double RelativeError => VertexParameterCount / OptimalParameterCount - 1;
}
