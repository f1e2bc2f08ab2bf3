using System.Globalization;
using System.Text;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>`fit` on logs that record shapes (d_model, n_layer) instead of parameter counts.</summary>
public class FitShapeLogTests
{
    [Fact]
    public void Fit_ShapeColumns_RecoversExponentOfLawInKaplanN()
    {
        // L = (N_c/N)^α with Kaplan et al. 2020's α_N = 0.076, N_c = 8.8e13, and N = 12·n_layer·d_model².
        const double alpha = 0.076, scale = 8.8e13;
        var csv = new StringBuilder("run,d_model,n_layer,loss\n");
        foreach (var (d, layers) in new[] { (256, 4), (384, 6), (512, 8), (768, 12), (1024, 16), (1536, 24) })
        {
            double n = 12.0 * layers * d * d;
            csv.Append(CultureInfo.InvariantCulture, $"r{d},{d},{layers},{Math.Pow(scale / n, alpha):R}\n");
        }
        using var file = new TempFile(csv.ToString());
        var run = CliRun.Of("fit", file.Path, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(alpha, json.GetProperty("parameters").GetProperty("alpha").GetDouble(), 9);
        Assert.Equal(scale, json.GetProperty("parameters").GetProperty("scale").GetDouble(), scale * 1e-6);
        Assert.Equal("derived as 12·n_layer·d_model²", json.GetProperty("data").GetProperty("columns").GetProperty("N").GetString());
        Assert.Contains("N", json.GetProperty("data").GetProperty("derived").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Fit_ShapeColumnsTable_MarksNAsDerived()
    {
        using var file = new TempFile("d_model,n_layer,loss\n256,4,4.1\n512,8,3.6\n1024,16,3.2\n2048,32,2.9\n");
        var run = CliRun.Of("fit", file.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("derived as 12·n_layer·d_model²", run.Out);
    }

    [Fact]
    public void Fit_BadShapeCell_ExitsOneNamingLineAndColumn()
    {
        using var file = new TempFile("d_model,n_layer,loss\n256,4,4.1\n512,8.5,3.6\n1024,16,3.2\n");
        var run = CliRun.Of("fit", file.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file.Path}, line 3, column 'n_layer'", run.Error);
        Assert.Contains("positive integer", run.Error);
    }
}
