using ScalingFit.Plotting.Style;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

public class FrontierFigureTests
{
    // Hoffmann et al. 2022's Eq. 4 at their constants, by hand: G = (αA/(βB))^(1/(α+β)), a = β/(α+β).
    private static readonly double A = 0.28 / (0.34 + 0.28);
    private static readonly double G = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / (0.34 + 0.28));

    private static double LogOptimalN(double logC) => Math.Log10(G) + A * (logC - Math.Log10(6));

    private static FrontierFigure Decades => new(new FrontierFigureOptions { From = 1e18, To = 1e26 });

    /// <summary>Resamples that vary α from 0.30 to 0.38 in 41 steps, the rest fixed.</summary>
    private static List<double[]> Samples() =>
        Enumerable.Range(0, 41).Select(i => new[] { 1.69, 406.4, 410.7, 0.30 + 0.002 * i, 0.28 }).ToList();

    /// <summary>The one legend, in its own panel below the four.</summary>
    private static List<ScottPlot.LegendItem> Legend(Figure figure) => figure.Panels[^1].Legend.ManualItems;

    private static List<Scatter> Lines(Figure figure, int panel, ScottPlot.Color color) =>
        figure.Panels[panel].GetPlottables<Scatter>().Where(s => s.LineWidth > 0 && s.LineColor == color).ToList();

    [Fact]
    public void Render_LawFrontier_IsHoffmannsClosedFormInBothPanels()
    {
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), null));
        var n = Lines(figure, 0, FigureStyle.Model).SelectMany(s => s.Data.GetScatterPoints()).ToList();
        var d = Lines(figure, 1, FigureStyle.Model).SelectMany(s => s.Data.GetScatterPoints()).ToList();
        Assert.True(n.Count > 100);
        Assert.All(n, p => Assert.Equal(LogOptimalN(p.X), p.Y, 9));
        // D_opt = C/(6·N_opt).
        Assert.All(d, p => Assert.Equal(p.X - Math.Log10(6) - LogOptimalN(p.X), p.Y, 9));
        Assert.Equal(18, n.Min(p => p.X), 9);
        Assert.Equal(26, n.Max(p => p.X), 9);
    }

    [Fact]
    public void Render_LawFrontier_SolidWhereTheOptimumStaysInTheDataFittedDashedBeyond()
    {
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), null));
        var pieces = Lines(figure, 0, FigureStyle.Model);
        var solid = Assert.Single(pieces, p => p.PathStrategy is not DashedPath).Data.GetScatterPoints();
        // Fitted N from 7e7 to 1.6e10 and D from 5e9 to 5e11: along the frontier D_opt reaches 5e9 after N_opt passes 7e7,
        // and 5e11 before N_opt reaches 1.6e10, so the solid piece runs from D_opt = 5e9 to D_opt = 5e11:
        // log C = log 6 + (log D + log G)/(1 − a).
        double from = Math.Log10(6) + (Math.Log10(5e9) + Math.Log10(G)) / (1 - A);
        double to = Math.Log10(6) + (Math.Log10(5e11) + Math.Log10(G)) / (1 - A);
        Assert.True(to < Math.Log10(6) + (Math.Log10(1.6e10) - Math.Log10(G)) / A);
        double step = 8.0 / 119;
        Assert.InRange(solid[0].X, from - step - 1e-9, from + 1e-9);
        Assert.InRange(solid[^1].X, to - 1e-9, to + step + 1e-9);
        Assert.Equal(2, pieces.Count(p => p.PathStrategy is DashedPath));
        Assert.Contains(Legend(figure), i => i.LabelText == "law beyond the sizes and tokens fitted");
    }

    [Fact]
    public void Render_WithResamples_BandIsTheirPercentileInterval()
    {
        var samples = Samples();
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(samples), null));
        var band = Assert.Single(figure.Panels[0].GetPlottables<FillY>()).GetAxisLimits();
        // 41 resamples: the 2.5% and 97.5% quantiles (type 7) are exactly the 2nd smallest and 2nd largest values.
        double[] At(double c) => samples.Select(p =>
        {
            double alpha = p[3], beta = p[4];
            double g = Math.Pow(alpha * p[1] / (beta * p[2]), 1 / (alpha + beta));
            return Math.Log10(g) + beta / (alpha + beta) * Math.Log10(c / 6);
        }).Order().ToArray();
        Assert.Equal(At(1e26)[39], band.Top, 9);
        Assert.Equal(At(1e18)[1], band.Bottom, 9);
        Assert.Contains(Legend(figure), i => i.LabelText == "its 95% bootstrap band (41 resamples)");
    }

    [Fact]
    public void Render_NoResamples_NoBand() =>
        Assert.Empty(Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), null)).Panels[0].GetPlottables<FillY>());

    [Fact]
    public void Render_ReferenceSlopes_KaplanAndHoffmannThroughTheFrontierAtTheAnchor()
    {
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), null));
        foreach (var (panel, kaplan, hoffmann) in new[] { (0, 0.73, 0.50), (1, 0.27, 0.50) })
        {
            var references = Lines(figure, panel, FigureStyle.Reference).Select(s => s.Data.GetScatterPoints()).ToList();
            Assert.Equal(2, references.Count);
            var slopes = references.Select(p => (p[^1].Y - p[0].Y) / (p[^1].X - p[0].X)).Order().ToList();
            Assert.Equal(new[] { kaplan, hoffmann }.Min(), slopes[0], 9);
            Assert.Equal(new[] { kaplan, hoffmann }.Max(), slopes[1], 9);
        }
        // The anchor: the middle of the fitted span, rounded to a decade; both lines meet the frontier there.
        var points = Lines(figure, 0, FigureStyle.Reference)[0].Data.GetScatterPoints();
        var kaplanLine = points;
        double anchor = Math.Round(Math.Log10(6) + (Math.Log10(Math.Sqrt(5e9 * 5e11)) + Math.Log10(G)) / (1 - A));
        double slope = (kaplanLine[^1].Y - kaplanLine[0].Y) / (kaplanLine[^1].X - kaplanLine[0].X);
        Assert.Equal(LogOptimalN(anchor), kaplanLine[0].Y + slope * (anchor - kaplanLine[0].X), 9);
        Assert.Contains("reference slopes through the frontier at C = 10", figure.Subtitle);
        var labels = Legend(figure).Select(i => i.LabelText).ToList();
        Assert.Contains("Kaplan et al. 2020 (a = 0.73)", labels);
        Assert.Contains("Hoffmann et al. 2022 (a = 0.50)", labels);
    }

    [Fact]
    public void Render_WithIsoFlop_MinimaAtTheParabolaVerticesAndTheIsoFlopFit()
    {
        var iso = Analyses.ChinchillaIsoFlop.Result;
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), iso));
        var used = iso.Budgets.Where(b => b.Used).ToList();
        var markers = figure.Panels[0].GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints()).ToList();
        Assert.Equal(used.Count, markers.Count);
        foreach (var b in used)
            Assert.Contains(markers, p => Math.Abs(p.X - Math.Log10(b.Compute)) < 1e-9 && Math.Abs(p.Y - Math.Log10(b.OptimalParameterCount)) < 1e-9);
        var tokens = figure.Panels[1].GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints()).ToList();
        Assert.All(used, b => Assert.Contains(tokens, p => Math.Abs(p.Y - Math.Log10(b.Compute / (6 * b.OptimalParameterCount))) < 1e-9));
        var isoLine = Lines(figure, 0, FigureStyle.Points).SelectMany(s => s.Data.GetScatterPoints()).ToList();
        // ln N_opt = ln k + a·ln C.
        Assert.All(isoLine, p => Assert.Equal((iso.LogCoefficient.Value + iso.ParameterExponent.Value * p.X * Math.Log(10)) / Math.Log(10), p.Y, 9));
        Assert.NotEmpty(figure.Panels[0].GetPlottables<ErrorBar>());
    }

    [Fact]
    public void Render_IsoFlopFit_SolidOnlyOverItsBudgetsShortDashesBeyond()
    {
        var iso = Analyses.ChinchillaIsoFlop.Result;
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), iso));
        var logC = iso.Budgets.Where(b => b.Used).Select(b => Math.Log10(b.Compute)).ToList();
        var pieces = Lines(figure, 0, FigureStyle.Points);
        var solid = Assert.Single(pieces, p => p.PathStrategy is not DashedPath).Data.GetScatterPoints();
        double step = 8.0 / 119;
        Assert.InRange(solid[0].X, logC.Min() - step - 1e-9, logC.Min() + 1e-9);
        Assert.InRange(solid[^1].X, logC.Max() - 1e-9, logC.Max() + step + 1e-9);
        Assert.Equal(2, pieces.Count(p => p.PathStrategy is DashedPath));
        Assert.Contains(Legend(figure), i => i.LabelText == "IsoFLOP fit beyond its budgets");
    }

    [Fact]
    public void Render_RatioPanels_EachEstimateOverTheLawsFrontier()
    {
        var iso = Analyses.ChinchillaIsoFlop.Result;
        using var figure = Decades.Render(new FrontierEstimates(Analyses.HoffmannOptimal(), iso));
        Assert.Equal(5, figure.Panels.Count);
        // The law over itself is 1 (0 in log₁₀); the IsoFLOP fit over the law is k·C^a / (G·(C/6)^A).
        Assert.All(Lines(figure, 2, FigureStyle.Model).SelectMany(s => s.Data.GetScatterPoints()), p => Assert.Equal(0, p.Y, 9));
        foreach (var p in Lines(figure, 2, FigureStyle.Points).SelectMany(s => s.Data.GetScatterPoints()))
            Assert.Equal((iso.LogCoefficient.Value + iso.ParameterExponent.Value * p.X * Math.Log(10)) / Math.Log(10) - LogOptimalN(p.X), p.Y, 9);
        var minima = figure.Panels[2].GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints()).ToList();
        foreach (var b in iso.Budgets.Where(b => b.Used))
            Assert.Contains(minima, p => Math.Abs(p.Y - (Math.Log10(b.OptimalParameterCount) - LogOptimalN(Math.Log10(b.Compute)))) < 1e-9);
        // The ratio panels read the same budgets as the panels above.
        Assert.Equal(figure.Panels[0].Axes.GetLimits().Left, figure.Panels[2].Axes.GetLimits().Left);
        Assert.Equal(figure.Panels[1].Axes.GetLimits().Right, figure.Panels[3].Axes.GetLimits().Right);
    }

    [Fact]
    public void Render_IsoFlopOnly_DrawsMinimaAndReferencesThroughTheIsoFlopFit()
    {
        using var figure = new FrontierFigure().Render(new FrontierEstimates(null, Analyses.ChinchillaIsoFlop.Result));
        Assert.Equal("Compute-optimal frontier: the IsoFLOP minima N_opt(C) and D_opt(C)", figure.Title);
        Assert.Empty(Lines(figure, 0, FigureStyle.Model));
        Assert.Equal(2, Lines(figure, 0, FigureStyle.Reference).Count);
        Assert.Contains("reference slopes through the IsoFLOP fit", figure.Subtitle);
    }

    [Fact]
    public void Render_Nothing_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new FrontierFigure().Render(new FrontierEstimates(null, null)));
}
