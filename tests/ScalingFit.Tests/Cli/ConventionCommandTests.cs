using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// --vocab, --untied, --n-ctx through the CLI as shipped, on samples/nonembedding_runs.csv: runs
/// generated in total parameters from L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (seed 11) and written
/// with non-embedding N = 12·n_layer·d_model², V = 50257.
/// </summary>
public class ConventionCommandTests
{
    private static readonly string Sample = Path.Combine(Repo.Root, "samples", "nonembedding_runs.csv");

    private static (double Lower, double Upper) Ci(JsonElement json, string parameter)
    {
        var ci = json.GetProperty("fit").GetProperty("ci95").GetProperty(parameter);
        return (ci[0].GetDouble(), ci[1].GetDouble());
    }

    [Fact]
    public void Optimal_VocabConverts_IntervalsCoverTheGeneratingExponents()
    {
        var run = ShippedCli.Run(Repo.Root, "optimal", Sample, "--parameter-convention", "non-embedding", "--vocab", "50257", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var alpha = Ci(json, "alpha");
        var beta = Ci(json, "beta");
        Assert.InRange(0.34, alpha.Lower, alpha.Upper);
        Assert.InRange(0.28, beta.Lower, beta.Upper);
        Assert.Equal("total", json.GetProperty("convention").GetString());
        Assert.Contains("converted from non-embedding to total", run.Out);
        // Back in non-embedding: N_opt − 50257·d with d from the runs' widths, below N_opt by less than the largest run's share (14%… 94%).
        var row = json.GetProperty("allocations")[0];
        double total = row.GetProperty("nOpt").GetDouble(), nonEmbedding = row.GetProperty("nOptNonEmbedding").GetDouble();
        Assert.InRange(nonEmbedding, 0.5 * total, total - 50257.0 * 1280);
    }

    [Fact]
    public void Optimal_NotConverted_AlphaIntervalMissesTheTruth()
    {
        var run = ShippedCli.Run(Repo.Root, "optimal", Sample, "--parameter-convention", "non-embedding", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var alpha = Ci(JsonDocument.Parse(run.Out).RootElement, "alpha");
        Assert.True(alpha.Upper < 0.34, $"alpha [{alpha.Lower}, {alpha.Upper}]");
    }

    [Fact]
    public void Optimal_KeepNonEmbedding_WarnsWithTheSmallestModelsShare()
    {
        var run = ShippedCli.Run(Repo.Root, "optimal", Sample, "--parameter-convention", "non-embedding", "--vocab", "50257", "--keep-non-embedding", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("embedding-share", run.Out);
        // d_model 128, 2 layers: 50257·128 / (12·2·128² + 50257·128) = 94.2%.
        Assert.Contains("94.2%", run.Out);
    }

    [Fact]
    public void Optimal_VocabWithoutWidthColumn_ExitsTwoNamingTheColumnsLookedFor()
    {
        using var folder = new TempFolder();
        string csv = folder.File("runs.csv");
        File.WriteAllText(csv, "N,D,loss\n1e8,1e9,3.0\n2e8,2e9,2.9\n4e8,4e9,2.8\n");
        var run = ShippedCli.Run(folder.Path, "optimal", csv, "--parameter-convention", "non-embedding", "--vocab", "50257");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--d-model-column", run.Error);
        Assert.Contains("'d_model', 'hidden_size', 'n_embd', 'width'", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Optimal_VocabWithoutNonEmbedding_ExitsTwo()
    {
        var run = ShippedCli.Run(Repo.Root, "optimal", Sample, "--vocab", "50257");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--parameter-convention non-embedding", run.Error);
    }
}
