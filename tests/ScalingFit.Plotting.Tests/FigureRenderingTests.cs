using ScalingFit.Data;
using ScalingFit.Plotting.Tests.Support;

namespace ScalingFit.Plotting.Tests;

/// <summary>Every kind of figure in both formats: a valid file of sensible size with its text in it.</summary>
public class FigureRenderingTests
{
    public static TheoryData<string, FigureFormat> KindsAndFormats()
    {
        var data = new TheoryData<string, FigureFormat>();
        foreach (var kind in Kinds)
            foreach (var format in new[] { FigureFormat.Png, FigureFormat.Svg })
                data.Add(kind, format);
        return data;
    }

    /// <summary>Every kind of figure, and the variants that lay out differently.</summary>
    internal static readonly string[] Kinds =
    [
        "fit", "fit-extrapolated", "fit-joint", "fit-saturating", "fit-chinchilla", "fit-compute", "residuals", "whatif", "isoflop",
        "frontier", "frontier-isoflop-only", "backtest", "backtest-one",
    ];

    /// <summary>The chinchilla law fitted to runs of Hoffmann's law at five IsoFLOP budgets.</summary>
    private static FittedRuns Chinchilla =>
        new(Analyses.HoffmannReport.Comparison.Scores.Single(s => s.Spec.Law is ScalingFit.Laws.ChinchillaLaw).Fit!, Analyses.HoffmannReport.Runs);

    internal static Figure Render(string kind) => kind switch
    {
        "fit-chinchilla" => new FitFigure(new FitFigureOptions { ExtrapolateTo = new ExtrapolationTarget(Quantity.Compute, 1e23) }).Render(Chinchilla),
        "fit-compute" => new FitFigure(new FitFigureOptions { Versus = Quantity.Compute }).Render(Chinchilla),
        "backtest-one" => new BacktestFigure().Render(Analyses.PowerAndJoint with { Backtests = [Analyses.PowerAndJoint.Backtests[1]] }),
        "fit" => new FitFigure().Render(Fits.Power),
        "fit-extrapolated" => new FitFigure(new FitFigureOptions { ExtrapolateTo = new ExtrapolationTarget(Quantity.ParameterCount, 1e12) }).Render(Fits.Power),
        "fit-joint" => new FitFigure(new FitFigureOptions { ExtrapolateTo = new ExtrapolationTarget(Quantity.ParameterCount, 1e12) }).Render(Fits.Joint),
        "fit-saturating" => new FitFigure(new FitFigureOptions { ExtrapolateTo = new ExtrapolationTarget(Quantity.ParameterCount, 1e13) }).Render(SaturatingLaw.Fitted()),
        "residuals" => new ResidualsFigure().Render(Fits.Power),
        "whatif" => new WhatIfFigure().Render(ParameterCountGrid.Default),
        "isoflop" => new IsoFlopFigure().Render(Analyses.ChinchillaIsoFlop),
        "frontier" => new FrontierFigure().Render(new FrontierEstimates(
            Analyses.HoffmannOptimal(Enumerable.Range(0, 41).Select(i => new[] { 1.69, 406.4, 410.7, 0.30 + 0.002 * i, 0.28 }).ToList()),
            Analyses.ChinchillaIsoFlop.Result)),
        "frontier-isoflop-only" => new FrontierFigure().Render(new FrontierEstimates(null, Analyses.ChinchillaIsoFlop.Result)),
        "backtest" => new BacktestFigure().Render(Analyses.PowerAndJoint),
        _ => throw new ArgumentException(kind),
    };

    private static byte[] Bytes(Figure figure, FigureFormat format)
    {
        using var stream = new MemoryStream();
        figure.Write(stream, format);
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public void Write_EveryKindAndFormat_ValidFileOfSensibleSizeWithText(string kind, FigureFormat format)
    {
        using var figure = Render(kind);
        var bytes = Bytes(figure, format);
        Assert.InRange(bytes.Length, 10_000, 3_000_000);
        if (format == FigureFormat.Png)
        {
            Assert.True(Images.IsPng(bytes), "PNG signature");
            using var bitmap = Images.Decode(bytes);
            Assert.Equal((figure.Width, figure.Height), (bitmap.Width, bitmap.Height));
            Assert.InRange(Images.DarkPixels(bitmap, 0, 0, bitmap.Width, 45), 300, bitmap.Width * 45 / 3);
        }
        else
        {
            var svg = Images.ParseSvg(System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Equal(figure.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)svg.Root.Attribute("width"));
            var texts = Images.Texts(svg);
            Assert.Contains(figure.Title, texts);
            Assert.Contains(figure.Subtitle, texts);
            Assert.Contains(texts, t => t.Contains("log scale", StringComparison.Ordinal));
            Assert.All(Images.FontFamilies(svg), f => Assert.StartsWith("DejaVu Sans", f));
        }
    }

    [Fact]
    public void ToSvg_FitFigure_HasAxisTitlesWithUnitsTicksAndLegend()
    {
        using var figure = Render("fit-extrapolated");
        var texts = Images.Texts(Images.ParseSvg(figure.ToSvg()));
        Assert.Contains("parameters N, log scale", texts);
        Assert.Contains("loss (nats/token), log scale", texts);
        Assert.Contains("10⁹", texts);
        Assert.Contains("10¹²", texts);
        Assert.Contains("2.5", texts);
        Assert.Contains("extrapolation", texts);
        Assert.Contains("95% prediction interval for a new run", texts);
        Assert.Contains("runs, coloured by C (colour bar)", texts);
    }

    [Fact]
    public void ToPng_TitleAndAxisLabels_DrawPixelsThatAFigureWithInvisibleLabelsHasNot()
    {
        using var labelled = Render("fit");
        using var unlabelled = Render("fit");
        foreach (var axis in unlabelled.Panels[0].Axes.GetAxes())
        {
            axis.Label.ForeColor = ScottPlot.Colors.Transparent;
            axis.TickLabelStyle.ForeColor = ScottPlot.Colors.Transparent;
        }
        // Same layout: an empty title and a blank subtitle keep the title band's height.
        using var bare = new Figure(unlabelled.Kind, "", " ", unlabelled.Panels, unlabelled.Width, unlabelled.Height);
        using var with = Images.Decode(labelled.ToPng());
        using var without = Images.Decode(bare.ToPng());
        int w = with.Width, h = with.Height;
        var regions = new (string Name, int Left, int Top, int Right, int Bottom)[]
        {
            ("title", 0, 0, w, 45), ("y-axis title", 0, 60, 24, h - 60), ("x-axis title", 60, h - 24, w, h), ("y tick labels", 24, 60, 46, h - 60),
        };
        foreach (var r in regions)
        {
            // Four short tick labels (2, 2.5, 3, 3.5) draw fewer pixels than a title.
            Assert.True(Images.DarkPixels(with, r.Left, r.Top, r.Right, r.Bottom) > (r.Name == "y tick labels" ? 60 : 150), $"text in the {r.Name} area");
            Assert.True(Images.DarkPixels(without, r.Left, r.Top, r.Right, r.Bottom) < 20, $"nothing in the {r.Name} area without labels");
        }
    }

    [Fact]
    public void ToPng_AtTwiceTheScale_TwiceThePixelsTheSameLayout()
    {
        using var figure = Render("fit");
        using var one = Images.Decode(figure.ToPng());
        using var two = Images.Decode(figure.ToPng(2));
        Assert.Equal((2 * one.Width, 2 * one.Height), (two.Width, two.Height));
        // The same drawing, finer: the share of dark pixels in the title band stays about the same.
        double Share(SkiaSharp.SKBitmap b, int scale) => Images.DarkPixels(b, 0, 0, b.Width, 45 * scale) / (double)(b.Width * 45 * scale);
        Assert.Equal(Share(one, 1), Share(two, 2), 0.02);
        Assert.Throws<ArgumentOutOfRangeException>(() => figure.ToPng(8));
    }

    [Fact]
    public void Write_SameFigureTwice_SameBytes()
    {
        using var a = Render("fit-joint");
        using var b = Render("fit-joint");
        Assert.Equal(a.ToPng(), b.ToPng());
        Assert.Equal(a.ToSvg(), b.ToSvg());
    }
}
