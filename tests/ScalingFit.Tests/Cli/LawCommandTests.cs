using System.Globalization;
using System.Text;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>Laws from the command line: formulas, law files, constraints, targets and residual spaces, and their errors.</summary>
public class LawCommandTests
{
    private const string Chinchilla = "E + A/N^alpha + B/D^beta";

    [Fact]
    public void Fit_ChinchillaFormula_ReachesTheReplicationOptimum()
    {
        var run = CliRun.Of("fit", "--law", Chinchilla, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        Assert.Equal("formula", json.GetProperty("law").GetString());
        Assert.Equal("L = " + Chinchilla, json.GetProperty("formula").GetString());
        Assert.Equal(0.00101827, json.GetProperty("objective").GetDouble(), 1e-8);
        Assert.Equal(0.3473, json.GetProperty("parameters").GetProperty("alpha").GetDouble(), 4);
    }

    [Theory]
    [InlineData("E + A/N^", "column 9")]
    [InlineData("E + A*log(N)", "unknown function 'log'")]
    [InlineData("1.69 + 406.4/N^0.34", "no parameter")]
    [InlineData("E + 0*B + A/N^alpha", "'B' (column 7) has no effect")]
    [InlineData("gopher", "unknown law 'gopher'")]
    public void Fit_BadLaw_ExitsTwoAndPointsAtIt(string law, string message)
    {
        var run = CliRun.Of("fit", "--law", law);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --law: ", run.Error);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);   // no stack trace
    }

    [Theory]
    [InlineData("--fix", "F=1", "error: --fix: 'F' is not a parameter of the chinchilla law")]
    [InlineData("--fix", "E=-1", "error: --fix: E cannot be fixed at -1: it is a positive scale.")]
    [InlineData("--fix", "E=abc", "--fix E=abc: 'abc' is not a number")]
    [InlineData("--tie", "alpha=gamma", "error: --tie: 'gamma' is not a parameter")]
    [InlineData("--bound", "alpha=1:0", "error: --bound: the range of alpha is empty")]
    [InlineData("--huber-delta", "-1", "error: --huber-delta: Huber's δ must be a positive finite number, got -1.")]
    [InlineData("--breaks", "2", "--breaks sets the breaks of the broken law")]
    [InlineData("--residuals", "cubic", "cubic")]
    public void Fit_BadConstraintOrOption_ExitsTwoNamingTheFlag(string option, string value, string message)
    {
        var run = CliRun.Of("fit", "--law", "chinchilla", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void Fit_EveryParameterFixed_ScoresThePublishedLaw()
    {
        var run = CliRun.Of("fit", "--law", "chinchilla", "--fix", "E=1.69,A=406.4,B=410.7", "--fix", "alpha=0.34,beta=0.28", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        Assert.Equal(1.69, json.GetProperty("parameters").GetProperty("E").GetDouble());
        Assert.Equal("fixed", json.GetProperty("constraints").GetProperty("beta").GetString());
        Assert.Equal(240, json.GetProperty("degreesOfFreedom").GetInt32());
        // Hoffmann's constants fit the replication's runs worse than their refit (0.00101827).
        Assert.True(json.GetProperty("objective").GetDouble() > 0.002);
    }

    [Fact]
    public void Fit_TiedExponents_ShareOneValue()
    {
        var run = CliRun.Of("fit", "--law", "chinchilla", "--tie", "alpha=beta", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var parameters = run.Json.GetProperty("parameters");
        Assert.Equal(parameters.GetProperty("alpha").GetDouble(), parameters.GetProperty("beta").GetDouble());
        Assert.Equal("= α", run.Json.GetProperty("constraints").GetProperty("beta").GetString());
    }

    [Fact]
    public void Fit_LawFile_ReadsFormulaAndParameters()
    {
        using var file = new TempFile("""
            {
              "name": "my-chinchilla",
              "formula": "E + A/N^alpha + B/D^beta",
              "parameters": { "E": { "start": [1, 3], "bounds": [0, 10], "positive": true }, "alpha": { "start": [0.2, 0.5] } }
            }
            """, ".json");
        var run = CliRun.Of("fit", "--law-file", file.Path, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("my-chinchilla", run.Json.GetProperty("law").GetString());
        Assert.Equal(1.8172, run.Json.GetProperty("parameters").GetProperty("E").GetDouble(), 3);
    }

    [Theory]
    [InlineData("{ \"formula\": \"E + A/N^alpha\",\n  \"parameters\": { \"E\": { \"start\": [1, } } }", "line 2")]
    [InlineData("{ \"name\": \"x\" }", "\"formula\" is missing")]
    [InlineData("{ \"formula\": \"E + A/N^alpha\", \"parameters\": { \"E\": { \"bounds\": [0] } } }", "\"parameters.E.bounds\" must be [low, high]")]
    [InlineData("{ \"formula\": \"E + A/N^alpha\", \"parameters\": { \"F\": { \"start\": 1 } } }", "'F' is described but does not appear")]
    [InlineData("{ \"formula\": \"E + A/N^alpha\", \"parameters\": { \"alpha\": { \"bounds\": [0.5, 0.2] } } }", "\"parameters.alpha.bounds\" is empty: its low end 0.5000 is not below its high end 0.2000")]
    [InlineData("{ \"formula\": \"E + A/N^alpha\", \"parameters\": { \"alpha\": { \"bounds\": [0, 0.3], \"start\": [0.1, 0.5] } } }", "\"parameters.alpha.start\" holds 0.5000, outside the parameter's bounds [0, 0.3]")]
    [InlineData("{ \"formula\": \"E + A/N^alpha\", \"parameters\": { \"E\": { \"bounds\": [-2, -1], \"positive\": true } } }", "allows no positive value")]
    public void Fit_BadLawFile_ExitsTwoNamingThePlace(string json, string message)
    {
        using var file = new TempFile(json, ".json");
        var run = CliRun.Of("fit", "--law-file", file.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void Fit_AnyTargetColumn_WithLinearResiduals()
    {
        // lr = k·C^a exactly, fitted by least squares in linear space: the values themselves.
        var csv = new StringBuilder("C,lr,loss\n");
        for (int i = 0; i <= 12; i++)
        {
            double c = 1e17 * Math.Pow(10, i / 3.0);
            csv.Append(CultureInfo.InvariantCulture, $"{c:R},{0.3 * Math.Pow(c, -0.125):R},2\n");
        }
        using var file = new TempFile(csv.ToString());
        var run = CliRun.Of("fit", file.Path, "--law", "lr = k*C^a", "--residuals", "linear", "--loss-function", "lsq", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("lr", run.Json.GetProperty("y").GetString());
        Assert.Equal("linear", run.Json.GetProperty("residuals").GetString());
        Assert.Equal(-0.125, run.Json.GetProperty("parameters").GetProperty("a").GetDouble(), 8);
        Assert.Equal(0.3, run.Json.GetProperty("parameters").GetProperty("k").GetDouble(), 6);

        var ols = CliRun.Of("fit", file.Path, "--law", "joint", "--x", "C", "--y", "lr", "--json");
        Assert.True(ols.ExitCode == 0, ols.Error);
        Assert.Equal(-0.125, ols.Json.GetProperty("parameters").GetProperty("aC").GetDouble(), 10);
    }

    [Fact]
    public void Fit_TargetColumnWithText_ExitsOneNamingTheLine()
    {
        using var file = new TempFile("N,loss,accuracy\n1e8,3,0.5\n2e8,2.9,n/a\n4e8,2.8,0.6\n8e8,2.7,0.7\n");
        var run = CliRun.Of("fit", file.Path, "--law", "power", "--y", "accuracy");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 3, column 'accuracy': 'n/a' is not a number", run.Error);
    }

    [Fact]
    public void Predict_MetricChain_JsonHasTheMetricInsideItsBounds()
    {
        string samples = Path.Combine(Repo.Root, "samples", "downstream-runs.csv");
        var run = CliRun.Of("predict", samples, "--law", "chinchilla", "--at", "N=7e10,D=1.4e12", "--metric-law", "sigmoid", "--metric-column", "accuracy", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        var metric = json.GetProperty("predictions")[0].GetProperty("metric");
        double hi = json.GetProperty("metricFit").GetProperty("ci95").GetProperty("hi")[1].GetDouble();
        Assert.Equal("accuracy", metric.GetProperty("name").GetString());
        Assert.True(metric.GetProperty("upper").GetDouble() <= hi);
        Assert.InRange(metric.GetProperty("value").GetDouble(), metric.GetProperty("lower").GetDouble(), metric.GetProperty("upper").GetDouble());
        Assert.Equal(2, CliRun.Of("predict", samples, "--at", "N=1e9", "--metric-law", "sigmoid").ExitCode);
    }

    [Fact]
    public void Optimal_FormulaLaw_AgreesWithTheBuiltInLaw()
    {
        var formula = CliRun.Of("optimal", "--law", Chinchilla, "--compute", "5.76e23", "--json");
        var builtIn = CliRun.Of("optimal", "--compute", "5.76e23", "--json");
        Assert.True(formula.ExitCode == 0, formula.Error);
        Assert.False(formula.Json.GetProperty("closedForm").GetBoolean());
        Assert.True(builtIn.Json.GetProperty("closedForm").GetBoolean());
        double expected = builtIn.Json.GetProperty("allocations")[0].GetProperty("nOpt").GetDouble();
        Assert.Equal(expected, formula.Json.GetProperty("allocations")[0].GetProperty("nOpt").GetDouble(), expected * 1e-4);
    }

    [Fact]
    public void Optimal_LawOfOneInput_ExitsTwo()
    {
        var run = CliRun.Of("optimal", "--law", "power", "--compute", "1e20");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs a law of both N and D", run.Error);
    }

    [Fact]
    public void Compare_BuiltInAndFormula_RanksBoth()
    {
        var run = CliRun.Of("compare", "--laws", $"chinchilla,{Chinchilla},saturating", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var scores = run.Json.GetProperty("laws").EnumerateArray().ToList();
        Assert.Equal(3, scores.Count);
        // The formula is the same law as chinchilla: the same backtest error.
        var errors = scores.Where(s => s.GetProperty("law").GetString() is "chinchilla" or "formula")
            .Select(s => s.GetProperty("backtest").GetProperty("meanAbsoluteRelativeError").GetDouble()).ToList();
        Assert.Equal(errors[0], errors[1], 1e-6);
    }

    [Fact]
    public void Plot_FrontierOfAFormulaLaw_WritesTheFigure()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "frontier.svg");
        var run = CliRun.Of("plot", "--kind", "frontier", "--law", Chinchilla, "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("N_opt", File.ReadAllText(path));
    }

    [Fact]
    public void Fit_DataConstrained_RunsOfOneSizeAndTokensOnOtherUniqueData_AreNotTakenForRepeats()
    {
        // samples/repeated-runs.csv trains each (N, D) on several amounts of unique data: different runs for this law, not seeds.
        string samples = Path.Combine(Repo.Root, "samples", "repeated-runs.csv");
        var law = CliRun.Of("fit", samples, "--law", "data-constrained", "--tie", "alpha=beta", "--json");
        Assert.True(law.ExitCode == 0, law.Error);
        Assert.Empty(law.Json.GetProperty("data").GetProperty("warnings").EnumerateArray());
        // A law that does not read unique tokens sees repeated (N, D) pairs, and says so.
        var chinchilla = CliRun.Of("fit", samples, "--law", "chinchilla", "--json");
        Assert.Contains(chinchilla.Json.GetProperty("data").GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "checkpoints-as-runs");
    }
}
