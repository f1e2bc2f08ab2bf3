using ScalingFit.Analysis;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Plotting.Report;
using ScalingFit.Reporting;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Reporting;

/// <summary>
/// The report's approach-2-against-3 text and its IsoFLOP figure caption name the vertex method the
/// IsoFLOP analysis used: an Akima spline's minimum under <see cref="IsoFlopVertex.Akima"/>, never a parabola.
/// </summary>
public class ApproachReportTests
{
    private static readonly ReportProvenance Provenance = new("scalingfit report isoflop.csv --out r", "isoflop.csv", "0.1.0");

    private static ReportResult Report(IsoFlopVertex vertex) => ReportAnalysis.Run(ReportData.Runs, new ReportOptions
    {
        Laws = [LawSpec.Of(ChinchillaLaw.Instance)],
        IsoFlop = new IsoFlopOptions { GroupColumn = "isoflop", Vertex = vertex },
    });

    [Fact]
    public void Report_VertexAkima_SpeaksOfTheSplineMinimum_InTheComparisonAndTheFigureCaption()
    {
        var result = Report(IsoFlopVertex.Akima);
        var row = Assert.Single(result.Approaches!.Budgets);
        Assert.Equal(IsoFlopVertex.Akima, row.Vertex);
        Assert.Equal(IsoFlopVertex.Akima, result.Approaches.Bias!.Vertex);
        var document = AnalysisReport.Build(result, Provenance);
        var summary = document.Blocks.OfType<KeyValues>().First().Items.ToDictionary(kv => kv.Key, kv => kv.Value);
        string approaches = summary.Single(kv => kv.Key.StartsWith("approaches 2 and 3", StringComparison.Ordinal)).Value;
        Assert.Contains("Akima spline minim", approaches);
        Assert.DoesNotContain("parabola", approaches);
        var section = ApproachReport.Blocks(result.Approaches);
        string text = TextRenderer.Render(new Document(section));
        Assert.Contains("Akima spline minimum", text);
        Assert.DoesNotContain("parabola", text);

        var caption = ReportFigures.Render(result).IsoFlop!.Caption;
        Assert.Contains("Akima spline", caption);
        Assert.DoesNotContain("parabola", caption);
    }

    [Fact]
    public void Report_DefaultVertex_SpeaksOfTheParabola()
    {
        var result = Report(IsoFlopVertex.Parabola);
        var summary = AnalysisReport.Build(result, Provenance).Blocks.OfType<KeyValues>().First().Items.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Contains("parabola vert", summary.Single(kv => kv.Key.StartsWith("approaches 2 and 3", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain("Akima", TextRenderer.Render(new Document(ApproachReport.Blocks(result.Approaches!))));
        Assert.Contains("parabola of loss in ln N", ReportFigures.Render(result).IsoFlop!.Caption);
    }
}
