using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// --parameter-convention non-embedding --vocab V on every command that reads runs with N, through the
/// CLI as shipped, against IsoFLOP runs generated in total parameters from Hoffmann et al.'s law
/// (<see cref="NonEmbeddingIsoFlop"/>, seed 5) and written with non-embedding N.
/// </summary>
public sealed class ConventionEveryCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _runs;

    public ConventionEveryCommandTests()
    {
        _runs = _folder.File("isoflop.csv");
        File.WriteAllText(_runs, NonEmbeddingIsoFlop.Csv());
    }

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Convert = ["--parameter-convention", "non-embedding", "--vocab", "50257"];

    private JsonElement Json(params string[] args)
    {
        var run = ShippedCli.Run(_folder.Path, [.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static (double Lower, double Upper) Pair(JsonElement ci) => (ci[0].GetDouble(), ci[1].GetDouble());

    [Fact]
    public void Fit_Converted_IntervalsCoverTheGeneratingExponents_UnconvertedAlphaMissesIt()
    {
        var ci = Json(["fit", _runs, "--law", "chinchilla", .. Convert]).GetProperty("ci95");
        Assert.InRange(NonEmbeddingIsoFlop.Alpha, Pair(ci.GetProperty("alpha")).Lower, Pair(ci.GetProperty("alpha")).Upper);
        Assert.InRange(NonEmbeddingIsoFlop.Beta, Pair(ci.GetProperty("beta")).Lower, Pair(ci.GetProperty("beta")).Upper);
        var kept = Pair(Json("fit", _runs, "--law", "chinchilla", "--parameter-convention", "non-embedding").GetProperty("ci95").GetProperty("alpha"));
        Assert.True(kept.Upper < NonEmbeddingIsoFlop.Alpha, $"unconverted alpha [{kept.Lower}, {kept.Upper}]");
    }

    [Fact]
    public void Compare_Converted_ChinchillaEstimatesWithinTheFitsIntervalWidthOfTheTruth()
    {
        var fit = Json(["fit", _runs, "--law", "chinchilla", .. Convert]).GetProperty("ci95");
        var law = Json(["compare", _runs, "--laws", "chinchilla", .. Convert]).GetProperty("laws")[0].GetProperty("estimates");
        foreach (var (name, truth) in new[] { ("alpha", NonEmbeddingIsoFlop.Alpha), ("beta", NonEmbeddingIsoFlop.Beta) })
        {
            var (lower, upper) = Pair(fit.GetProperty(name));
            Assert.InRange(law.GetProperty(name).GetDouble(), truth - (upper - lower), truth + (upper - lower));
        }
        var unconverted = Json("compare", _runs, "--laws", "chinchilla", "--parameter-convention", "non-embedding").GetProperty("laws")[0].GetProperty("estimates");
        Assert.True(unconverted.GetProperty("alpha").GetDouble() < 0.2, unconverted.GetRawText());
    }

    [Fact]
    public void IsoFlop_Converted_ExponentIntervalCoversBetaOverAlphaPlusBeta_UnconvertedDoesNot()
    {
        var json = Json(["isoflop", _runs, "--compute", "1e21", .. Convert]);
        var a = Pair(json.GetProperty("ci95").GetProperty("a"));
        Assert.InRange(NonEmbeddingIsoFlop.ParameterExponent, a.Lower, a.Upper);
        // Every budget's N_opt and the N_opt read off at 1e21 are given back, below the total by at least V·(smallest width sampled).
        foreach (var budget in json.GetProperty("budgets").EnumerateArray())
            Assert.InRange(budget.GetProperty("nOptNonEmbedding").GetDouble(), 0, budget.GetProperty("nOpt").GetDouble() - 50257.0 * 4);
        var at = json.GetProperty("allocations")[0];
        Assert.True(at.GetProperty("nOptNonEmbedding").GetDouble() < at.GetProperty("nOpt").GetDouble());
        var unconverted = Pair(Json("isoflop", _runs, "--parameter-convention", "non-embedding").GetProperty("ci95").GetProperty("a"));
        Assert.True(unconverted.Lower > NonEmbeddingIsoFlop.ParameterExponent, $"unconverted a [{unconverted.Lower}, {unconverted.Upper}]");
    }

    [Fact]
    public void Backtest_Converted_FitsTotalN()
    {
        var json = Json(["backtest", _runs, "--law", "chinchilla", .. Convert]);
        Assert.Contains("converted from non-embedding to total", json.GetRawText());
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("predict", "--at", "N=1e9")]
    [InlineData("compare")]
    [InlineData("backtest")]
    [InlineData("isoflop")]
    [InlineData("tradeoff")]
    [InlineData("optimal")]
    [InlineData("report")]
    [InlineData("plot", "--kind", "isoflop", "--out", "figure.png")]
    [InlineData("plot", "--kind", "fit", "--out", "figure.png")]
    public void Command_VocabWithoutWidthColumn_ExitsTwoNamingTheColumnsLookedFor(string command, params string[] more)
    {
        string csv = _folder.File("no-width.csv");
        File.WriteAllText(csv, "N,D,loss\n1e8,1e9,3.0\n2e8,2e9,2.9\n4e8,4e9,2.8\n8e8,8e9,2.7\n");
        var run = ShippedCli.Run(_folder.Path, [command, csv, .. more, .. Convert]);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains("'d_model', 'hidden_size', 'n_embd', 'width'", run.Error);
        Assert.Contains("--d-model-column", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void PlotWhatIf_WithVocab_ExitsTwo_ItReadsNoRuns()
    {
        var run = ShippedCli.Run(_folder.Path, ["plot", "--kind", "whatif", "--out", "w.png", .. Convert]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--parameter-convention", run.Error);
    }

    [Fact]
    public void PlotIsoFlop_Converted_DrawsTheFigure()
    {
        var run = ShippedCli.Run(_folder.Path, ["plot", _runs, "--kind", "isoflop", "--out", "iso.png", .. Convert]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(new FileInfo(_folder.File("iso.png")).Length > 1000);
    }

    [Fact]
    public void ComputeColumn_CountingEmbeddings_WarnsOnNonEmbeddingN_AndNotOnceConverted()
    {
        string Codes(JsonElement data) => string.Join(",", data.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        var raw = Json("fit", _runs, "--law", "chinchilla", "--parameter-convention", "non-embedding").GetProperty("data");
        Assert.Contains("compute-convention", Codes(raw));
        var converted = Json(["fit", _runs, "--law", "chinchilla", .. Convert]).GetProperty("data");
        Assert.DoesNotContain("compute-convention", Codes(converted));
        Assert.Contains("warning on C against the non-embedding N is withdrawn", converted.GetRawText());
    }

    [Fact]
    public void ComputeColumn_SixNdOfTheNonEmbeddingN_DoesNotWarnAsWritten_WarnsOnceConverted()
    {
        // Kaplan's convention: C = 6·N_ne·D written as a column.
        var lines = NonEmbeddingIsoFlop.Csv(withCompute: false).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder("d_model,N,D,C,loss\n");
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            double c = 6 * double.Parse(f[1], CultureInfo.InvariantCulture) * double.Parse(f[2], CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{f[0]},{f[1]},{f[2]},{c:R},{f[3]}\n");
        }
        string csv = _folder.File("kaplan-c.csv");
        File.WriteAllText(csv, text.ToString());
        var raw = Json("fit", csv, "--law", "chinchilla", "--parameter-convention", "non-embedding").GetProperty("data");
        Assert.DoesNotContain("compute-convention", raw.GetProperty("warnings").GetRawText());
        var converted = Json(["fit", csv, "--law", "chinchilla", .. Convert]).GetProperty("data").GetProperty("warnings");
        Assert.Contains("C is 0.", converted.GetRawText());
        Assert.Contains("compute-convention", converted.GetRawText());
    }

    [Fact]
    public void NonEmbeddingWithoutVocab_IsNotedAsNotConverted_WithVocabItIsNot()
    {
        Assert.Contains("non-embedding as written and not converted", Json("fit", _runs, "--parameter-convention", "non-embedding").GetRawText());
        Assert.DoesNotContain("not converted", Json(["fit", _runs, .. Convert]).GetRawText());
        Assert.DoesNotContain("not converted", Json("fit", _runs).GetRawText());
    }

    [Fact]
    public void KeepNonEmbedding_OnFit_WarnsAboutTheSmallestModels_WithoutItDoesNot()
    {
        var kept = Json(["fit", _runs, .. Convert, "--keep-non-embedding"]).GetProperty("data").GetProperty("warnings").GetRawText();
        Assert.Contains("embedding-share", kept);
        var converted = Json(["fit", _runs, .. Convert]).GetProperty("data").GetProperty("warnings").GetRawText();
        Assert.DoesNotContain("embedding-share", converted);
    }
}
