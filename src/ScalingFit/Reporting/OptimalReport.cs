using ScalingFit.Analysis;
using ScalingFit.Fitting;
using static ScalingFit.NumberFormat;

namespace ScalingFit.Reporting;

/// <summary>The report of a compute-optimal allocation: the frontier's closed form and the allocations asked for.</summary>
public static class OptimalReport
{
    /// <summary>The report.</summary>
    public static Document Build(ComputeOptimalResult result)
    {
        var fit = result.Fit;
        var blocks = new List<Block>
        {
            new Heading($"compute-optimal allocation from the {fit.Law} law {fit.Formula}"),
            FitReport.DataBlock(fit.Data),
            FitReport.ParameterTable(fit.Parameters, "fitted law") with { Columns = ParameterColumns },
            new Paragraph($"With C = 6ND: {result.Formula}."),
            FitReport.ParameterTable([result.ParameterExponent, result.TokenExponent, result.Coefficient], "frontier"),
            new KeyValues([new("parameters", result.ConventionNote), new("intervals", result.IntervalMethod)]),
        };
        if (result.Allocations.Count > 0) blocks.Add(AllocationTable(result.Allocations));
        if (result.Approaches is { } approaches) blocks.AddRange(ApproachReport.Blocks(approaches));
        if (result.Warnings.Count > 0) blocks.Add(new Warnings(result.Warnings));
        return new Document(blocks);
    }

    private static readonly IReadOnlyList<TableColumn> ParameterColumns =
        [new("parameter", false), new("value"), new("std error"), new("rel"), new("95% CI")];

    private static Table AllocationTable(IReadOnlyList<Allocation> allocations)
    {
        bool Has(Func<AllocationIntervals, Interval> pick) => allocations.Any(a => double.IsFinite(pick(a.Ci95).Lower));
        bool computeCi = Has(c => c.Compute) && allocations.Any(a => a.Given != AllocationGiven.Compute);
        bool sizeCi = Has(c => c.ParameterCount), tokenCi = Has(c => c.TrainingTokens), lossCi = Has(c => c.Loss);
        var columns = new List<TableColumn> { new("given", false), new("C") };
        if (computeCi) columns.Add(new("C 95%"));
        columns.Add(new("N_opt"));
        if (sizeCi) columns.Add(new("N_opt 95%"));
        bool back = allocations.Any(a => a.NonEmbeddingParameterCount is not null);
        if (back) columns.Add(new("N_opt non-emb"));
        columns.Add(new("D_opt"));
        if (tokenCi) columns.Add(new("D_opt 95%"));
        columns.Add(new("D/N"));
        columns.Add(new("loss"));
        if (lossCi) columns.Add(new("loss 95%"));

        // One format per column: a budget of 1e18 and one of 5.76e23 print alike (1.00e18, 5.76e23).
        var c = Column(allocations.Select(a => a.Compute), 4);
        var cCi = Column(allocations.SelectMany(a => new[] { a.Ci95.Compute.Lower, a.Ci95.Compute.Upper }), 3);
        var n = Column(allocations.Select(a => a.ParameterCount), 4);
        var nCi = Column(allocations.SelectMany(a => new[] { a.Ci95.ParameterCount.Lower, a.Ci95.ParameterCount.Upper }), 3);
        var nBack = Column(allocations.Select(a => a.NonEmbeddingParameterCount ?? double.NaN), 4);
        var d = Column(allocations.Select(a => a.TrainingTokens), 4);
        var dCi = Column(allocations.SelectMany(a => new[] { a.Ci95.TrainingTokens.Lower, a.Ci95.TrainingTokens.Upper }), 3);
        var ratio = Column(allocations.Select(a => a.TokensPerParameter), 3);
        var loss = Column(allocations.Select(a => a.Loss), 4);
        var lossRange = Column(allocations.SelectMany(a => new[] { a.Ci95.Loss.Lower, a.Ci95.Loss.Upper }), 3);
        var rows = allocations.Select(a =>
        {
            var row = new List<string> { Given(a.Given), c.Format(a.Compute) };
            if (computeCi) row.Add(Ci(cCi, a.Ci95.Compute, a.Given == AllocationGiven.Compute));
            row.Add(n.Format(a.ParameterCount));
            if (sizeCi) row.Add(Ci(nCi, a.Ci95.ParameterCount, a.Given == AllocationGiven.ParameterCount));
            if (back) row.Add(a.NonEmbeddingParameterCount is { } ne && double.IsFinite(ne) ? nBack.Format(ne) : "n/a");
            row.Add(d.Format(a.TrainingTokens));
            if (tokenCi) row.Add(Ci(dCi, a.Ci95.TrainingTokens, false));
            row.Add(ratio.Format(a.TokensPerParameter));
            row.Add(loss.Format(a.Loss));
            if (lossCi) row.Add(Ci(lossRange, a.Ci95.Loss, a.Given == AllocationGiven.Loss));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new Table(columns, rows, "allocations: the size and tokens that minimize the loss at each budget");
    }

    private static string Given(AllocationGiven given) => given switch
    {
        AllocationGiven.Compute => "budget C",
        AllocationGiven.ParameterCount => "size N",
        _ => "target loss",
    };

    private static string Ci(ColumnFormat format, Interval ci, bool given) =>
        given || !double.IsFinite(ci.Lower) ? "" : format.Range(ci.Lower, ci.Upper);

    private static ColumnFormat Column(IEnumerable<double> values, int digits) => ColumnFormat.For(values, digits);
}
