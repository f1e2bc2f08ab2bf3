using System.Globalization;
using System.Text;
using ScalingFit.Data;
using ScottPlot.Plottables;

namespace ScalingFit.Plotting.Tests;

/// <summary>The fit figure per group: one colour per group, each curve the group's own law, the legend its exponent.</summary>
public class GroupedFitFigureTests
{
    /// <summary>Exact L = (N_c/N)^α per group at 8 sizes from 1e7 to 1e10 (no noise), fitted on its own.</summary>
    private static GroupedFits TwoGroups(params (string Name, double Alpha, double Scale)[] laws)
    {
        var fits = new List<KeyValuePair<string, FittedRuns>>();
        foreach (var (name, alpha, scale) in laws)
        {
            var csv = new StringBuilder("N,loss\n");
            for (int i = 0; i < 8; i++)
            {
                double n = Math.Pow(10, 7 + 3.0 * i / 7);
                csv.Append(CultureInfo.InvariantCulture, $"{n:R},{Math.Pow(scale / n, alpha) * (i % 2 == 0 ? 1.001 : 0.999):R}\n");
            }
            var runs = CsvRunReader.Parse(csv.ToString(), name + ".csv");
            fits.Add(new(name, new FittedRuns(ScalingLaws.FitPower(runs, Quantity.ParameterCount), runs)));
        }
        return new GroupedFits("config", fits);
    }

    [Fact]
    public void Render_TwoGroups_EachCurveInItsGroupsColourFollowsItsOwnLaw()
    {
        using var figure = new GroupedFitFigure().Render(TwoGroups(("config = a", 0.076, 8.8e13), ("config = b", 0.12, 1e13)));
        var plot = figure.Panels[0];
        // The solid curves are sampled at 100 points (the runs are 8, the band 160).
        var curves = plot.GetPlottables<Scatter>().Where(s => s.Data.GetScatterPoints().Count == 100).ToList();
        // The first point of each group's solid curve, at N = 1e7, is that group's law there (to the fit's 0.1% noise).
        foreach (var (alpha, scale) in new[] { (0.076, 8.8e13), (0.12, 1e13) })
        {
            double expected = Math.Log10(Math.Pow(scale / 1e7, alpha));
            Assert.Contains(curves, c => c.Data.GetScatterPoints() is { Count: 100 } p && Math.Abs(p[0].X - 7) < 1e-9 && Math.Abs(p[0].Y - expected) < 1e-3);
        }
        var colours = curves.Select(c => c.LineColor.ToHex()).Distinct().ToList();
        Assert.Equal(2, colours.Count);
        var legend = plot.Legend.ManualItems.Select(i => i.LabelText).ToList();
        Assert.Contains(legend, l => l.StartsWith("config = a (8 runs): α = 0.076", StringComparison.Ordinal));
        Assert.Contains(legend, l => l.StartsWith("config = b (8 runs): α = 0.12", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TooManyGroups_Refuses()
    {
        var groups = Enumerable.Range(0, GroupedFitFigure.MaxGroups + 1).Select(i => ($"g{i}", 0.1, 1e13)).ToArray();
        Assert.Throws<OptionException>(() => new GroupedFitFigure().Render(TwoGroups(groups)));
    }
}
