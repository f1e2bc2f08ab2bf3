using ScalingFit.Data;
using ScalingFit.Plotting.Tests.Support;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

public class ResidualsFigureTests
{
    [Fact]
    public void Render_TwoPanelsAgainstFittedLossAndTheInput()
    {
        using var figure = new ResidualsFigure().Render(Fits.Power);
        Assert.Equal(2, figure.Panels.Count);
        Assert.Equal("against the fitted loss", figure.Panels[0].Axes.Title.Label.Text);
        Assert.Equal("against parameters N", figure.Panels[1].Axes.Title.Label.Text);
        Assert.StartsWith("Residuals of ln L: power law", figure.Title);
    }

    [Fact]
    public void Render_OlsResiduals_SumToZeroAndMatchObservedMinusFitted()
    {
        using var figure = new ResidualsFigure().Render(Fits.Power);
        var points = figure.Panels[1].GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints()).Single(p => p.Count == 240);
        // OLS with an intercept leaves residuals that sum to zero.
        Assert.Equal(0, points.Sum(p => p.Y), 9);
        var runs = Fits.Chinchilla;
        var fit = Fits.Power.Fit;
        double n = runs.Value(Quantity.ParameterCount, 7), loss = runs.Value(Quantity.Loss, 7);
        double expected = Math.Log(loss) - Math.Log(Math.Pow(fit["scale"].Value / n, fit["alpha"].Value));
        Assert.Contains(points, p => Math.Abs(p.X - Math.Log10(n)) < 1e-12 && Math.Abs(p.Y - expected) < 1e-12);
    }

    [Fact]
    public void Render_VersusAnInputTheLawLacks_ThrowsOptionException() =>
        Assert.Throws<OptionException>(() => new ResidualsFigure(new ResidualsFigureOptions { Versus = Quantity.Compute }).Render(Fits.Power));

    [Fact]
    public void Render_JointLaw_AgainstSecondInput()
    {
        using var figure = new ResidualsFigure(new ResidualsFigureOptions { Versus = Quantity.TrainingTokens }).Render(Fits.Joint);
        Assert.Equal("against training tokens D", figure.Panels[1].Axes.Title.Label.Text);
    }

    [Fact]
    public void Render_LawOfAnotherColumnInLinearSpace_LabelsItsOwnResiduals()
    {
        // lr = 0.3·C^−0.125, a little off the law at alternate runs, fitted in linear space (scipy's curve_fit).
        var csv = new System.Text.StringBuilder("C,lr,loss\n");
        for (int i = 0; i <= 12; i++)
        {
            double c = 1e17 * Math.Pow(10, i / 3.0);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{c:R},{0.3 * Math.Pow(c, -0.125) * (i % 2 == 0 ? 1.01 : 0.99):R},2\n");
        }
        var runs = RunPreparation.Prepare(RunReader.Parse(csv.ToString(), "lr.csv"), RunSelection.None);
        var law = Laws.LawRegistry.Create("joint", new Laws.LawSettings { Inputs = [Laws.LawInput.Of(Quantity.Compute)] });
        var spec = Fitting.LawSpec.Of(law) with { Target = Laws.LawTarget.Column("lr"), Residuals = Laws.ResidualSpace.Linear };
        using var figure = new ResidualsFigure().Render(new FittedRuns(spec.Fit(runs), runs));
        Assert.Equal("against the fitted lr", figure.Panels[0].Axes.Title.Label.Text);
        Assert.Equal("residual of lr (observed − fitted)", figure.Panels[0].Axes.Left.Label.Text);
        Assert.StartsWith("Residuals of lr: ", figure.Title);
        Assert.Contains("residual s.d. s = ", figure.Subtitle);
        Assert.DoesNotContain("ln L", figure.Subtitle);
        Assert.DoesNotContain(" in L", figure.Subtitle);
    }
}
