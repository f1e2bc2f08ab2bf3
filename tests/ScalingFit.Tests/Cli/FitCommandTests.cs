using System.Globalization;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class FitCommandTests
{
    [Fact]
    public void Fit_BuiltInDataJson_HasContractFieldsAndNumpySlope()
    {
        var run = CliRun.Of("fit", "--drop-highest-loss", "5", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("power", json.GetProperty("law").GetString());
        Assert.Equal("N", json.GetProperty("x")[0].GetString());
        Assert.Equal(240, json.GetProperty("n").GetInt32());
        Assert.Equal(-0.068091, json.GetProperty("parameters").GetProperty("slope").GetDouble(), 1e-6);
        Assert.Equal(0.068091, json.GetProperty("parameters").GetProperty("alpha").GetDouble(), 1e-6);
        foreach (var name in new[] { "alpha", "scale", "slope", "intercept" })
        {
            Assert.True(json.GetProperty("standardErrors").GetProperty(name).GetDouble() > 0);
            Assert.Equal(2, json.GetProperty("ci95").GetProperty(name).GetArrayLength());
        }
        Assert.InRange(json.GetProperty("r2").GetDouble(), 0, 1);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.Contains("D", json.GetProperty("data").GetProperty("derived").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Fit_JointJson_HasSignedSlopesAndConditionNumber()
    {
        var run = CliRun.Of("fit", "--law", "joint", "--x", "N,D", "--drop-highest-loss", "5", "--json");
        Assert.Equal(0, run.ExitCode);
        var p = run.Json.GetProperty("parameters");
        Assert.Equal(-0.048968, p.GetProperty("aN").GetDouble(), 1e-6);
        Assert.Equal(-0.060346, p.GetProperty("aD").GetDouble(), 1e-6);
        Assert.Equal(Math.Exp(3.394307), p.GetProperty("k").GetDouble(), 1e-3);
        Assert.InRange(run.Json.GetProperty("conditionNumber").GetDouble(), 100, 1e4);
    }

    [Fact]
    public void Fit_JointCollinear_ExitsOneWithMessage()
    {
        var run = CliRun.Of("fit", "--law", "joint", "--x", "N,D,C");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("collinear", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Fit_TableOutput_ShowsParametersDerivedColumnAndStatistics()
    {
        var run = CliRun.Of("fit", "--x", "D");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("L = (D_c/D)^α", run.Out);
        Assert.Contains("derived as C/(6N)", run.Out);
        Assert.Contains("alpha (α)", run.Out);
        Assert.Contains("R²", run.Out);
    }

    [Theory]
    [InlineData("N,loss\n1e9,2.5\n2e9,oops\n", "line 3, column 'loss': 'oops' is not a number")]
    [InlineData("N,loss\n1e9,2.5\n2e9,\n", "line 3, column 'loss': the cell is empty")]
    [InlineData("N,loss\n1e9,2.5\n2e9,2.4,1\n", "line 3: the row has 3 fields")]
    [InlineData("N,xent\n1e9,2.5\n", "no loss column")]
    [InlineData("", "the file is empty")]
    [InlineData("N,loss\n", "no rows")]
    [InlineData("N,loss\n1e9,2.5\n0,2.4\n3e9,2.3\n", "line 3, column 'N': N is zero")]
    [InlineData("N,loss\n1e9,2.5\n2e9,-2.4\n3e9,2.3\n", "line 3, column 'loss': loss is negative")]
    [InlineData("N,loss\n1e9,2.5\n2e9,2.4\n", "needs at least 3 runs")]
    [InlineData("N,loss\n1e9,2.5\n1e9,2.4\n1e9,2.3\n", "same N")]
    public void Fit_BadFile_ExitsOneNamingFileWithoutStackTrace(string csv, string expected)
    {
        using var file = new TempFile(csv);
        var run = CliRun.Of("fit", file.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file.Path, run.Error);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public void Fit_MissingFile_ExitsOne()
    {
        var run = CliRun.Of("fit", "/no/such/runs.csv");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/runs.csv: cannot read the file: no such file", run.Error);
    }

    [Theory]
    [InlineData("fit", "--law", "cubic")]
    [InlineData("fit", "--x", "Q")]
    [InlineData("fit", "--x", "N,D")]
    [InlineData("fit", "--where", "nocondition")]
    [InlineData("fit", "--select", "first")]
    [InlineData("frobnicate")]
    [InlineData("fit", "--bogus")]
    public void Fit_BadOptions_ExitsTwo(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void Fit_TrainingLogWithCheckpoints_GroupsRuns()
    {
        const string csv = "run,step,params,tokens,eval_loss\n" +
                           "a,1,1e8,1e9,4.0\na,2,1e8,2e9,3.6\nb,1,3e8,1e9,3.8\nb,2,3e8,2e9,3.3\nc,1,1e9,1e9,3.5\nc,2,1e9,2e9,3.0\n";
        using var file = new TempFile(csv);
        var run = CliRun.Of("fit", file.Path, "--run-column", "run", "--step-column", "step", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Json.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Fit_UnderCommaDecimalCulture_PrintsTheSameOutput()
    {
        var invariant = CliRun.Of("fit", "--drop-highest-loss", "5");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = CliRun.Of("fit", "--drop-highest-loss", "5");
            Assert.Equal(invariant.Out, german.Out);
            var germanJson = CliRun.Of("fit", "--json");
            Assert.Equal(CliRun.Of("fit", "--json").Out, germanJson.Out);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.Contains("0.068091", invariant.Out);
    }
}

public class CliAppTests
{
    [Fact]
    public void Run_NoArguments_ListsTheCommands()
    {
        var run = CliRun.Of();
        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "fit", "predict", "optimal", "isoflop", "backtest", "compare", "tradeoff", "params", "plot" })
            Assert.Contains($"  {command}", run.Out);
    }
}
