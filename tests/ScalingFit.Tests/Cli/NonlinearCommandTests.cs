using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class NonlinearCommandTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    private static TempFile ChinchillaRuns(double noise = 0.005) => new(Synthetic.Csv(
        Synthetic.Runs((n, d) => ChinchillaLaw.Instance.Value(Hoffmann, [n, d]), sizes: 6, tokenCounts: 6, noise: noise, seed: 9) is var runs
            ? Enumerable.Range(0, runs.Count).Select(i => (runs.Value(ScalingFit.Data.Quantity.ParameterCount, i),
                runs.Value(ScalingFit.Data.Quantity.TrainingTokens, i), runs.Value(ScalingFit.Data.Quantity.Loss, i)))
            : []));

    [Fact]
    public void Fit_ChinchillaJson_HasTheContractNames()
    {
        using var file = ChinchillaRuns();
        var run = CliRun.Of("fit", file.Path, "--law", "chinchilla", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("chinchilla", json.GetProperty("law").GetString());
        foreach (var name in new[] { "E", "A", "B", "alpha", "beta" })
        {
            Assert.True(json.GetProperty("parameters").TryGetProperty(name, out _), name);
            Assert.True(json.GetProperty("standardErrors").TryGetProperty(name, out _), name);
            Assert.Equal(2, json.GetProperty("ci95").GetProperty(name).GetArrayLength());
        }
        Assert.True(json.GetProperty("objective").GetDouble() > 0);
        var convergence = json.GetProperty("convergence");
        Assert.Equal(4500, convergence.GetProperty("startsTried").GetInt32());
        Assert.True(convergence.GetProperty("converged").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.True(json.GetProperty("derived").TryGetProperty("a", out _));
        Assert.Equal(1.69, json.GetProperty("parameters").GetProperty("E").GetDouble(), 1);
    }

    [Fact]
    public void Fit_KaplanAndSaturatingJson_UseTheirParameterNames()
    {
        using var file = ChinchillaRuns();
        var kaplan = CliRun.Of("fit", file.Path, "--law", "kaplan-nd", "--json").Json.GetProperty("parameters");
        Assert.Equal(["Nc", "Dc", "alphaN", "alphaD"], kaplan.EnumerateObject().Select(p => p.Name));
        var saturating = CliRun.Of("fit", file.Path, "--law", "saturating", "--x", "D", "--json").Json;
        Assert.Equal(["E", "A", "alpha"], saturating.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
        Assert.Equal("D", saturating.GetProperty("x")[0].GetString());
    }

    [Fact]
    public void Predict_ChinchillaWithBootstrap_GivesAnIntervalAndTheResampleCount()
    {
        using var file = ChinchillaRuns();
        var run = CliRun.Of("predict", file.Path, "--law", "chinchilla", "--at", "N=70e9,D=1.4e12", "--bootstrap", "60", "--seed", "4", "--json");
        Assert.Equal(0, run.ExitCode);
        var p = run.Json.GetProperty("predictions")[0];
        double loss = p.GetProperty("loss").GetDouble();
        Assert.InRange(loss, p.GetProperty("lower").GetDouble(), p.GetProperty("upper").GetDouble());
        Assert.Equal(60, run.Json.GetProperty("fit").GetProperty("bootstrap").GetProperty("resamples").GetInt32());
        // The synthetic runs follow Hoffmann's law: its value at the target, computed by hand, is 1.93665.
        Assert.Equal(1.93665, loss, 1);
    }

    [Fact]
    public void Fit_NonlinearPowerWithLsq_MatchesOls()
    {
        using var file = ChinchillaRuns();
        var ols = CliRun.Of("fit", file.Path, "--json").Json.GetProperty("parameters").GetProperty("alpha").GetDouble();
        var nonlinear = CliRun.Of("fit", file.Path, "--nonlinear", "--loss-function", "lsq", "--json").Json.GetProperty("parameters").GetProperty("alpha").GetDouble();
        Assert.Equal(ols, nonlinear, 10);
    }

    [Theory]
    [InlineData("fit", "--law", "chinchilla", "--x", "N")]
    [InlineData("fit", "--law", "chinchilla", "--nonlinear")]
    [InlineData("fit", "--law", "saturating", "--x", "N,D")]
    [InlineData("fit", "--law", "chinchilla", "--bootstrap", "-5")]
    [InlineData("fit", "--law", "chinchilla", "--huber-delta", "0")]
    [InlineData("fit", "--law", "chinchilla", "--loss-function", "l1")]
    [InlineData("fit", "--law", "chinchilla", "--threads", "0")]
    public void Fit_BadNonlinearOptions_ExitTwo(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }
}

public class NonlinearOptionErrorTests
{
    [Theory]
    [InlineData("fit", "--bootstrap", "100")]
    [InlineData("fit", "--law", "joint", "--loss-function", "lsq")]
    [InlineData("predict", "--at", "N=7e10", "--huber-delta", "0.01")]
    public void OlsLaw_WithNonlinearOptions_IsUsageError(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("apply to nonlinear fits", run.Error);
    }

    [Fact]
    public void Predict_PointMissingAnInput_RefusedBeforeFitting()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = CliRun.Of("predict", "--law", "chinchilla", "--at", "N=7e10");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("add D=...", run.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the point is checked before the 4,500-start fit");
    }
}
