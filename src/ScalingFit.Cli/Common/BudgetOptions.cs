using System.CommandLine;
using ScalingFit.Analysis;

namespace ScalingFit.Cli.Common;

/// <summary>How runs are grouped into compute budgets for an IsoFLOP analysis: shared by isoflop, plot and report.</summary>
internal sealed class BudgetOptions
{
    public Option<string?> GroupColumn { get; } = new("--group-column")
    {
        Description = "Column whose values name the compute budgets (IsoFLOP curves); without it, budgets are found by binning C.",
    };

    public Option<double> Tolerance { get; } = new("--budget-tolerance")
    {
        Description = "Binning of C without --group-column: a budget spans at most a factor 1 + T in compute; the densest such windows " +
                      "become budgets first (0: equal compute only).",
        DefaultValueFactory = _ => IsoFlopOptions.DefaultTolerance,
    };

    public Option<int> MinSizes { get; } = new("--min-sizes")
    {
        Description = "Leave out budgets with fewer distinct model sizes than this: 4 gives each parabola a degree of freedom; 3 " +
                      "(the least a parabola needs) accepts exact parabolas, whose minima have no standard error.",
        DefaultValueFactory = _ => ScalingFit.Analysis.IsoFlop.DefaultMinimumSizes,
    };

    public Option<bool> KeepExtrapolated { get; } = new("--keep-extrapolated")
    {
        Description = "Keep in N_opt ∝ C^a the budgets whose parabola's minimum lies outside the sizes sampled (left out and listed by default); " +
                      "the warning still says how far each lies beyond its sizes and how far its vertex loss dives below the budget's runs.",
    };

    public Option<int?> Window { get; } = new("--window")
    {
        Description = "Fit each budget's parabola only to the K model sizes nearest its lowest loss (K ≥ 3): a loss curve is a parabola " +
                      "in ln N only near its minimum.",
    };

    public Option<string> Vertex { get; } = new("--vertex")
    {
        Description = "How each budget's N_opt is found: parabola (the vertex of a parabola in ln N, with a 95% interval) or akima (the minimum " +
                      "of an Akima spline through the budget's curve: needs 5 sizes, follows an asymmetric curve, no interval).",
        DefaultValueFactory = _ => "parabola",
    };

    public BudgetOptions() => Vertex.AcceptOnlyFromAmong("parabola", "akima");

    public IReadOnlyList<Option> All => [GroupColumn, Tolerance, MinSizes, KeepExtrapolated, Window, Vertex];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Add(option);
    }

    /// <summary>The IsoFLOP options asked for, with the budgets at which to read N_opt off the fit.</summary>
    public IsoFlopOptions Build(ParseResult parse, IReadOnlyList<double>? budgets = null) => new()
    {
        GroupColumn = parse.GetValue(GroupColumn),
        BudgetTolerance = parse.GetValue(Tolerance),
        MinimumSizes = parse.GetValue(MinSizes),
        KeepExtrapolated = parse.GetValue(KeepExtrapolated),
        Window = parse.GetValue(Window),
        Vertex = parse.GetValue(Vertex) == "akima" ? IsoFlopVertex.Akima : IsoFlopVertex.Parabola,
        Budgets = budgets ?? [],
    };
}
