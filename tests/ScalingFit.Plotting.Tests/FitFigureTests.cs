using ScalingFit.Data;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

public class FitFigureTests
{
    private static FitFigure Extrapolated(double n = 1e12) =>
        new(new FitFigureOptions { ExtrapolateTo = new ExtrapolationTarget(Quantity.ParameterCount, n) });

    [Fact]
    public void Render_PowerLaw_TitleNamesLawAndSubtitleTheData()
    {
        using var figure = Extrapolated().Render(Fits.Power);
        Assert.Equal(FigureKind.Fit, figure.Kind);
        Assert.Equal("Loss against parameters N: power law L = (N_c/N)^α", figure.Title);
        Assert.StartsWith("chinchilla.csv (built in), 240 runs · α = 0.0681", figure.Subtitle);
        Assert.EndsWith("extrapolated to N = 10¹²", figure.Subtitle);
    }

    [Fact]
    public void Render_Extrapolated_XAxisReachesTargetAndDashedPieceEndsOnTheLaw()
    {
        using var figure = Extrapolated().Render(Fits.Power);
        var plot = figure.Panels[0];
        Assert.InRange(plot.Axes.Bottom.Max, 12, 12.3);
        var fit = Fits.Power.Fit;
        // The last point of any curve is the law at N = 1e12: L = (N_c/N)^α.
        double expected = Math.Log10(Math.Pow(fit["scale"].Value / 1e12, fit["alpha"].Value));
        var ends = plot.GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints()).Where(p => p.Count > 2).Select(p => p[^1]);
        Assert.Contains(ends, p => Math.Abs(p.X - 12) < 1e-9 && Math.Abs(p.Y - expected) < 1e-9);
    }

    [Fact]
    public void Render_Band_IsThePredictionIntervalOfTheModel()
    {
        using var figure = new FitFigure().Render(SaturatingLaw.Fitted());
        var band = Assert.Single(figure.Panels[0].GetPlottables<FillY>());
        var limits = band.GetAxisLimits();
        // ±5% around L = 1.69 + 406.4·N^−0.34 over N from 1e7 to 1e10.
        Assert.Equal(Math.Log10(1.05 * (1.69 + 406.4 * Math.Pow(1e7, -0.34))), limits.Top, 9);
        Assert.Equal(Math.Log10(0.95 * (1.69 + 406.4 * Math.Pow(1e10, -0.34))), limits.Bottom, 9);
    }

    [Fact]
    public void Render_Band_LabelledWithTheModelsOwnIntervalMethod()
    {
        using var ols = new FitFigure().Render(Fits.Power);
        Assert.Contains(ols.Panels[0].Legend.ManualItems, i => i.LabelText == "95% prediction interval for a new run");
        using var nonlinear = new FitFigure().Render(SaturatingLaw.Fitted());
        Assert.Contains(nonlinear.Panels[0].Legend.ManualItems, i => i.LabelText == "95% confidence interval of the law's prediction");
    }

    [Fact]
    public void Render_ModelWithoutInterval_NoBandAndNoBandEntry()
    {
        using var figure = new FitFigure().Render(SaturatingLaw.Fitted(withInterval: false));
        var plot = figure.Panels[0];
        Assert.Empty(plot.GetPlottables<FillY>());
        Assert.DoesNotContain(plot.Legend.ManualItems, i => i.FillColor.A > 0 && i.LabelText.Contains("interval", StringComparison.Ordinal));
        Assert.True(double.IsFinite(plot.Axes.Left.Min) && double.IsFinite(plot.Axes.Left.Max));
        Assert.True(figure.ToPng().Length > 10_000);
    }

    [Fact]
    public void Render_LawWithParameterE_DrawsIrreducibleLossLine()
    {
        using var figure = Extrapolated(1e13).Render(SaturatingLaw.Fitted(e: 1.69));
        var plot = figure.Panels[0];
        var flat = plot.GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints())
            .Where(p => p.Count == 2 && p[0].Y == p[1].Y).ToList();
        Assert.Contains(flat, p => Math.Abs(p[0].Y - Math.Log10(1.69)) < 1e-12);
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == "irreducible loss E = 1.69");
        Assert.True(plot.Axes.Left.Min < Math.Log10(1.69));
    }

    [Fact]
    public void Render_LawWithoutE_HasNoIrreducibleLossLine()
    {
        using var figure = Extrapolated().Render(Fits.Power);
        Assert.DoesNotContain(figure.Panels[0].Legend.ManualItems, i => i.LabelText.Contains("irreducible", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_JointLaw_AlongComputeBudgetsByDefault_OneCurveAndBandPerBudget()
    {
        using var figure = Extrapolated().Render(Fits.Joint);
        var plot = figure.Panels[0];
        Assert.Contains("along compute budgets", figure.Title);
        int curves = plot.GetPlottables<Scatter>().Count(s => s.LineWidth > 0 && s.Data.GetScatterPoints().Count == 100);
        Assert.InRange(curves, 2, 10);
        Assert.Equal(curves, plot.GetPlottables<FillY>().Count());
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == "law at each budget's mean C (D = C/6N)");
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == "runs, coloured by C (colour bar)");
    }

    [Fact]
    public void Render_JointLawByTokens_OneCurvePerLevelOfD()
    {
        using var figure = new FitFigure(new FitFigureOptions { By = Quantity.TrainingTokens }).Render(Fits.Joint);
        Assert.DoesNotContain("along compute budgets", figure.Title);
        Assert.Contains(figure.Panels[0].Legend.ManualItems, i => i.LabelText == "law at each level's mean D");
    }

    [Fact]
    public void Render_JointLawHeldAtCompute_DerivesTokensFromSixND()
    {
        // At fixed C, D = C/(6N): along each curve L = k·N^a_N·(C/6N)^a_D, so its log-log slope is a_N − a_D.
        using var figure = new FitFigure(new FitFigureOptions { By = Quantity.Compute }).Render(Fits.Joint);
        var fit = Fits.Joint.Fit;
        double slope = fit["aN"].Value - fit["aD"].Value;
        var curve = figure.Panels[0].GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints()).First(p => p.Count == 100);
        Assert.Equal(slope, (curve[^1].Y - curve[0].Y) / (curve[^1].X - curve[0].X), 9);
    }

    [Theory]
    [InlineData(Quantity.TrainingTokens, null, "extrapolated along N only")]
    [InlineData(null, Quantity.ParameterCount, "is the x axis")]
    [InlineData(null, Quantity.Loss, "the loss is on the y axis")]
    public void Render_OptionsThatDoNotSuitTheLaw_ThrowOptionException(Quantity? extrapolateAlong, Quantity? by, string message)
    {
        var options = new FitFigureOptions
        {
            ExtrapolateTo = extrapolateAlong is { } q ? new ExtrapolationTarget(q, 1e13) : null,
            By = by,
        };
        var e = Assert.Throws<OptionException>(() => new FitFigure(options).Render(Fits.Power));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Render_ByQuantityTheDataLacks_ThrowsOptionException()
    {
        var e = Assert.Throws<OptionException>(() => new FitFigure(new FitFigureOptions { By = Quantity.Compute }).Render(SaturatingRunsWithoutCompute()));
        Assert.Contains("no training compute C", e.Message);
    }

    private static FittedRuns SaturatingRunsWithoutCompute()
    {
        var fitted = SaturatingLaw.Fitted();
        var runs = Runs.Load(new MemoryStream("N,loss\n1e7,3\n1e8,2.8\n1e9,2.6\n"u8.ToArray()), "n-only.csv");
        return fitted with { Runs = runs };
    }
}
