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
}
