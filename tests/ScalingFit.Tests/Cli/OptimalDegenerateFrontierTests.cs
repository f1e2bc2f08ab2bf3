using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// `optimal` on a law whose frontier has a outside [0, 1] says so with the number. The law
/// L = E + A/N^α + B·N^g/C^d along a budget C has ∂L/∂N = 0 at N^(α+g) ∝ C^d, so N_opt ∝ C^(d/(α+g)):
/// a closed form to check the exponent against, with the exponents fixed and the data exact.
/// </summary>
public class OptimalDegenerateFrontierTests
{
    private static JsonElement Optimal(double b, double d)
    {
        using var folder = new TempFolder();
        var csv = new StringBuilder("N,C,loss\n");
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                double n = 1e7 * Math.Pow(10, 0.6 * i), c = 1e18 * Math.Pow(10, 0.8 * j);
                csv.Append(CultureInfo.InvariantCulture, $"{n:R},{c:R},{1.7 + 400 / Math.Pow(n, 0.3) + b * Math.Pow(n, 0.1) / Math.Pow(c, d):R}\n");
            }
        File.WriteAllText(folder.File("runs.csv"), csv.ToString());
        var run = ShippedCli.Run(folder.Path, "optimal", "runs.csv", "--law", "E + A/N^alpha + B*N^g/C^d",
            "--fix", string.Create(CultureInfo.InvariantCulture, $"A=400,alpha=0.3,B={b:R},g=0.1,d={d:R}"), "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    [Fact]
    public void AboveOne_WarnsWithTheExponent()
    {
        var result = Optimal(1e11, 0.6);
        Assert.Equal(0.6 / 0.4, result.GetProperty("a").GetDouble(), 5);
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.StartsWith("degenerate frontier: a = 1.50 > 1", StringComparison.Ordinal) && w.GetString()!.Contains("b = 1 − a = -0.500 < 0"));
    }

    [Fact]
    public void LawOfNAndC_LossIntervalIsTheLawsAtNOptAndC()
    {
        // Exact data and every exponent fixed: the loss at the optimum is the law at (N_opt, C), computed here,
        // and its interval hugs it (it was once the law at (N_opt, D_opt), taking D_opt for C: 1.1e7).
        var result = Optimal(1e11, 0.6);
        var row = result.GetProperty("allocations").EnumerateArray().Single();
        double n = row.GetProperty("nOpt").GetDouble(), c = row.GetProperty("compute").GetDouble();
        double truth = 1.7 + 400 / Math.Pow(n, 0.3) + 1e11 * Math.Pow(n, 0.1) / Math.Pow(c, 0.6);
        Assert.Equal(truth, row.GetProperty("loss").GetDouble(), 9);
        var interval = row.GetProperty("ci95").GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(truth, interval[0] * (1 - 1e-9), interval[1] * (1 + 1e-9));
        Assert.True(interval[1] / interval[0] < 1.001, $"[{interval[0]}, {interval[1]}]");
    }

    [Fact]
    public void BelowZero_WarnsWithTheExponent()
    {
        var result = Optimal(1e-5, -0.2);
        Assert.Equal(-0.2 / 0.4, result.GetProperty("a").GetDouble(), 5);
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.StartsWith("degenerate frontier: a = -0.500 < 0", StringComparison.Ordinal));
    }

    [Fact]
    public void BetweenZeroAndOne_NoWarning()
    {
        // d = 0.2: a = 0.2/0.4 = 0.5, a trade-off like Chinchilla's.
        var result = Optimal(1e3, 0.2);
        Assert.Equal(0.5, result.GetProperty("a").GetDouble(), 5);
        Assert.DoesNotContain(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("degenerate frontier", StringComparison.Ordinal));
    }
}
