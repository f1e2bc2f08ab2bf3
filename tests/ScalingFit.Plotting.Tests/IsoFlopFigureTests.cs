using ScalingFit.Plotting.Style;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

public class IsoFlopFigureTests
{
    // Five budgets on exact parabolas: two with a minimum inside their sizes, one with its minimum beyond its largest size,
    // a parabola that opens downward, and two sizes only (no parabola).
    private static IsoFlopRuns Source => Analyses.Parabolas(
        (1e18, 1e8, 1e8, 0.06, 5),
        (1e19, 3e8, 3e8, 0.05, 7),
        (1e20, 1e9, 2e10, 0.04, 6),
        (1e21, 3e9, 3e9, -0.03, 5),
        (1e22, 1e10, 1e10, 0.05, 2));

    private static List<Scatter> Curves(Figure figure) =>
        figure.Panels[0].GetPlottables<Scatter>().Where(s => s.LineWidth > 0).ToList();

    [Fact]
    public void Render_EachBudgetWithAParabola_CurveOnTheFittedParabola()
    {
        var source = Source;
        using var figure = new IsoFlopFigure().Render(source);
        var curves = Curves(figure);
        Assert.Equal(4, curves.Count);
        // Each curve passes through its budget's parabola L = 2.5 + k·(ln N − ln N*)², the law the runs were made from.
        var laws = new (double Vertex, double K)[] { (1e8, 0.06), (3e8, 0.05), (2e10, 0.04), (3e9, -0.03) };
        foreach (var curve in curves)
        {
            var points = curve.Data.GetScatterPoints();
            Assert.Contains(laws, law => points.All(p =>
                Math.Abs(p.Y - (2.5 + law.K * Math.Pow(p.X * Math.Log(10) - Math.Log(law.Vertex), 2))) < 1e-9));
        }
    }

    [Fact]
    public void Render_Minima_AtTheVertexFilledInsideOpenOutside()
    {
        using var figure = new IsoFlopFigure().Render(Source);
        var markers = figure.Panels[0].GetPlottables<Marker>().ToList();
        Assert.Equal(3, markers.Count);
        var inside = Assert.Single(markers, m => m.MarkerStyle.Shape == MarkerShape.FilledDiamond && m.X > 8.2);
        Assert.Equal(Math.Log10(3e8), inside.X, 9);
        Assert.Equal(2.5, inside.Y, 9);
        var outside = Assert.Single(markers, m => m.MarkerStyle.Shape == MarkerShape.OpenDiamond);
        Assert.Equal(Math.Log10(2e10), outside.X, 9);
        Assert.Equal(FigureStyle.Model, outside.MarkerStyle.LineColor);
    }

    [Fact]
    public void Render_DownwardParabola_DashedAndCountedInTheLegend()
    {
        using var figure = new IsoFlopFigure().Render(Source);
        var dashed = Assert.Single(Curves(figure), c => c.PathStrategy is DashedPath);
        // The downward one: its middle is higher than its ends.
        var points = dashed.Data.GetScatterPoints();
        Assert.True(points[points.Count / 2].Y > points[0].Y && points[points.Count / 2].Y > points[^1].Y);
        var labels = figure.Panels[0].Legend.ManualItems.Select(i => i.LabelText).ToList();
        Assert.Contains("parabola opens downward: no minimum, left out (1)", labels);
        Assert.Contains("minimum outside the sizes sampled (1)", labels);
        Assert.Contains("runs at budgets with too few sizes (1 budgets, left out)", labels);
        Assert.Contains("1 minimum outside the sizes sampled", figure.Subtitle);
        Assert.Contains("1 parabola opens downward", figure.Subtitle);
    }

    [Fact]
    public void Render_RunsColouredByBudget_ColourBarOverLogCompute()
    {
        using var figure = new IsoFlopFigure().Render(Source);
        var bar = Assert.Single(figure.Panels[0].Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        var range = bar.Source.GetRange();
        // The budgets with parabolas: 1e18 to 1e21.
        Assert.Equal(18, range.Min, 9);
        Assert.Equal(21, range.Max, 9);
        var points = figure.Panels[0].GetPlottables<Scatter>().Where(s => s.LineWidth == 0).ToList();
        Assert.Contains(points, p => p.MarkerFillColor == FigureStyle.Ramp(0));
        Assert.Contains(points, p => p.MarkerFillColor == FigureStyle.Ramp(1));
        Assert.Contains(points, p => p.MarkerFillColor == FigureStyle.Context);
    }

    [Fact]
    public void Render_Chinchilla_TitleSubtitleAndLinearLossAxis()
    {
        var source = Analyses.ChinchillaIsoFlop;
        using var figure = new IsoFlopFigure().Render(source);
        Assert.Equal(FigureKind.IsoFlop, figure.Kind);
        Assert.StartsWith("IsoFLOP curves: loss against N", figure.Title);
        int used = source.Result.Budgets.Count(b => b.Used);
        Assert.StartsWith($"chinchilla.csv (built in), 240 runs · {used} of {source.Result.Budgets.Count} budgets used · N_opt ∝ C^a, a = ", figure.Subtitle);
        var texts = Images.Texts(Images.ParseSvg(figure.ToSvg()));
        Assert.Contains("parameters N, log scale", texts);
        Assert.Contains("loss (nats/token)", texts);
        Assert.Contains("compute budget C (FLOP), log scale", texts);
        // Linear loss ticks at round steps: 2.25, 2.50, … or 2.5, 3.0, ….
        Assert.Contains(texts, t => t is "3.0" or "3.00");
    }

    [Fact]
    public void Render_RunsThatWereNotAnalysed_ThrowsArgumentException()
    {
        var source = Analyses.ChinchillaIsoFlop;
        Assert.Throws<ArgumentException>(() => new IsoFlopFigure().Render(source with { Runs = Fits.Power.Runs.Subset([0, 1, 2], null) }));
    }
}
