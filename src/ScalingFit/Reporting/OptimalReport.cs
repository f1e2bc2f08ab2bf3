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
        columns.Add(new("D_opt"));
        if (tokenCi) columns.Add(new("D_opt 95%"));
        columns.Add(new("D/N"));
        columns.Add(new("loss"));
        if (lossCi) columns.Add(new("loss 95%"));

        var rows = allocations.Select(a =>
        {
            var row = new List<string> { Given(a.Given), Significant(a.Compute, 4) };
            if (computeCi) row.Add(Ci(a.Ci95.Compute, a.Given == AllocationGiven.Compute));
            row.Add(Significant(a.ParameterCount, 4));
            if (sizeCi) row.Add(Ci(a.Ci95.ParameterCount, a.Given == AllocationGiven.ParameterCount));
            row.Add(Significant(a.TrainingTokens, 4));
            if (tokenCi) row.Add(Ci(a.Ci95.TrainingTokens, false));
            row.Add(Significant(a.TokensPerParameter, 3));
            row.Add(Significant(a.Loss, 4));
            if (lossCi) row.Add(Ci(a.Ci95.Loss, a.Given == AllocationGiven.Loss));
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

    private static string Ci(Interval ci, bool given) =>
        given || !double.IsFinite(ci.Lower) ? "" : Range(ci.Lower, ci.Upper, 3);
}
