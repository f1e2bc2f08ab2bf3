namespace ScalingFit.Plotting.Tests;

public class WhatIfFigureTests
{
    [Theory]
    [InlineData(12288, 96, 175e9)]   // GPT-3 175B (Brown et al. 2020, Table 2.1)
    [InlineData(1600, 48, 1.5e9)]    // GPT-2 1.5B, embeddings excluded
    public void Estimate_PublishedModels_WithinTenPercent(int width, int depth, double published) =>
        Assert.InRange(ParameterCountGrid.Estimate(width, depth) / published, 0.9, 1.1);

    [Fact]
    public void Estimate_DoublingWidthQuadruplesDoublingDepthDoubles()
    {
        double n = ParameterCountGrid.Estimate(1024, 24);
        Assert.Equal(4 * n, ParameterCountGrid.Estimate(2048, 24));
        Assert.Equal(2 * n, ParameterCountGrid.Estimate(1024, 48));
    }

    [Fact]
    public void Render_SlopesTwoInWidthAndOneInDepth_SameDecadesOnBothAxes()
    {
        using var figure = new WhatIfFigure().Render(ParameterCountGrid.Default);
        Assert.Equal(2, figure.Panels.Count);
        double Slope(ScottPlot.Plot panel)
        {
            var line = panel.GetPlottables<ScottPlot.Plottables.Scatter>().Select(s => s.Data.GetScatterPoints()).First(p => p.Count == 60);
            return (line[^1].Y - line[0].Y) / (line[^1].X - line[0].X);
        }
        Assert.Equal(2, Slope(figure.Panels[0]), 9);
        Assert.Equal(1, Slope(figure.Panels[1]), 9);
        var (a, b) = (figure.Panels[0].Axes.Bottom, figure.Panels[1].Axes.Bottom);
        Assert.Equal(a.Max - a.Min, b.Max - b.Min, 9);
        Assert.Equal(figure.Panels[0].Axes.Left.Min, figure.Panels[1].Axes.Left.Min);
    }

    [Theory]
    [InlineData(new[] { 512 }, new[] { 12, 24 }, "2 to 8 widths")]
    [InlineData(new[] { 512, 0 }, new[] { 12, 24 }, "widths must be positive")]
    [InlineData(new[] { 512, 1024 }, new[] { 12, 12 }, "repeat a value")]
    public void Render_BadGrid_ThrowsOptionException(int[] widths, int[] depths, string message)
    {
        var e = Assert.Throws<OptionException>(() => new WhatIfFigure().Render(new ParameterCountGrid(widths, depths)));
        Assert.Contains(message, e.Message);
    }
}
