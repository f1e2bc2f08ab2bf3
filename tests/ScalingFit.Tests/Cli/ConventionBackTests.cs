using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Sizes given back in non-embedding parameters through the CLI as shipped, against the closed form
/// N_ne = N − (2·V + n_ctx)·d(N) for runs whose widths follow a known law d = c·N^k exactly
/// (c = 0.5, k = 0.3: N_total = (2d)^(10/3)), untied head, learned positions.
/// </summary>
public sealed class ConventionBackTests : IDisposable
{
    private const double C = 0.5, K = 0.3, V = 50257, Context = 2048;
    private readonly TempFolder _folder = new();
    private readonly string _runs;

    public ConventionBackTests()
    {
        // Widths 128…2048; N written non-embedding; loss a power law in total N with a little seeded noise, D = 20·N_total.
        var random = new Random(7);
        var text = new StringBuilder("hidden_size,N,D,loss\n");
        foreach (int d in new[] { 128, 192, 256, 384, 512, 768, 1024, 1536, 2048 })
        {
            double total = Math.Pow(d / C, 1 / K), nonEmbedding = total - (2 * V + Context) * d;
            double loss = Math.Pow(8.8e13 / total, 0.076) * Math.Exp(0.002 * Synthetic.Gaussian(random));
            text.Append(CultureInfo.InvariantCulture, $"{d},{nonEmbedding:R},{20 * total:R},{loss:R}\n");
        }
        _runs = _folder.File("runs.csv");
        File.WriteAllText(_runs, text.ToString());
    }

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Convert = ["--parameter-convention", "non-embedding", "--vocab", "50257", "--untied", "--n-ctx", "2048"];

    private static double ClosedForm(double total) => total - (2 * V + Context) * C * Math.Pow(total, K);

    private CliRun Run(params string[] args) => ShippedCli.Run(_folder.Path, args);

    [Fact]
    public void Predict_NonEmbeddingN_IsTheClosedForm_InTextAndJson()
    {
        var run = Run(["predict", _runs, "--at", "N=1e10", "--at", "N=3e11", .. Convert, "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = JsonDocument.Parse(run.Out).RootElement.GetProperty("predictions");
        foreach (var (row, n) in new[] { (rows[0], 1e10), (rows[1], 3e11) })
            Assert.Equal(ClosedForm(n), row.GetProperty("nNonEmbedding").GetDouble(), n * 1e-9);
        var text = Run(["predict", _runs, "--at", "N=1e10", .. Convert]);
        Assert.Contains("N non-emb", text.Out);
        Assert.Contains("d_model ≈ 0.5·N^0.3", text.Out);
    }

    [Fact]
    public void Predict_WithoutConversion_HasNoNonEmbeddingColumn()
    {
        var run = Run("predict", _runs, "--at", "N=1e10", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("nNonEmbedding", run.Out);
        Assert.DoesNotContain("N non-emb", Run("predict", _runs, "--at", "N=1e10").Out);
    }

    [Fact]
    public void Tradeoff_EachRungsNonEmbeddingN_IsTheClosedForm_AndNaWhereEmbeddingsExceedIt()
    {
        // At N = 1e6 the width law gives d = 31.5 and embeddings (2·50257 + 2048)·31.5 = 3.2e6 > N: no non-embedding count.
        var run = Run(["tradeoff", _runs, "--law", "power", "--tokens-per-parameter", "20", "--from", "1e6", "--to", "1e12", "--factor", "10", .. Convert, "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        var rungs = JsonDocument.Parse(run.Out).RootElement.GetProperty("rungs").EnumerateArray().ToList();
        Assert.False(rungs[0].TryGetProperty("nNonEmbedding", out _));
        foreach (var rung in rungs.Skip(1))
        {
            double n = rung.GetProperty("n").GetDouble();
            Assert.Equal(ClosedForm(n), rung.GetProperty("nNonEmbedding").GetDouble(), n * 1e-9);
        }
        var text = Run(["tradeoff", _runs, "--law", "power", "--tokens-per-parameter", "20", "--from", "1e6", "--to", "1e12", "--factor", "10", .. Convert]);
        Assert.Contains("n/a", text.Out);
        Assert.Contains("N non-emb", text.Out);
    }

    [Fact]
    public void Optimal_NOptNonEmbedding_IsTheClosedForm()
    {
        // The power law has no frontier; a Chinchilla law needs D to vary, so use the IsoFLOP sample instead for optimal and report.
        string csv = _folder.File("iso.csv");
        File.WriteAllText(csv, NonEmbeddingIsoFlop.Csv());
        var run = Run("optimal", csv, "--parameter-convention", "non-embedding", "--vocab", "50257", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var row = JsonDocument.Parse(run.Out).RootElement.GetProperty("allocations")[0];
        double total = row.GetProperty("nOpt").GetDouble(), back = row.GetProperty("nOptNonEmbedding").GetDouble();
        // The width law recomputed here: OLS of ln d on ln N_total over the runs (N_total = N + V·d, from the CSV).
        var lines = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToList();
        double[] x = lines.Select(f => Math.Log(f[1] + 50257 * f[0])).ToArray(), y = lines.Select(f => Math.Log(f[0])).ToArray();
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
        double width = Math.Exp(my - slope * mx) * Math.Pow(total, slope);
        Assert.Equal(total - 50257 * width, back, total * 1e-9);
    }

    [Fact]
    public void Report_GivesNOptBack_InTheHeadlineTheTablesAndJson_WithoutConversionItDoesNot()
    {
        string csv = _folder.File("iso.csv");
        File.WriteAllText(csv, NonEmbeddingIsoFlop.Csv());
        var run = Run("report", csv, "--parameter-convention", "non-embedding", "--vocab", "50257", "--laws", "chinchilla", "--bootstrap", "20",
            "--compute", "1e21", "--out", "converted", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var headline = json.GetProperty("optimal").GetProperty("allocations").EnumerateArray().Single(a => a.GetProperty("compute").GetDouble() == 1e21);
        double total = headline.GetProperty("nOpt").GetDouble(), back = headline.GetProperty("nOptNonEmbedding").GetDouble();
        Assert.True(back < total);
        Assert.All(json.GetProperty("isoflop").GetProperty("budgets").EnumerateArray(), b => Assert.True(b.GetProperty("nOptNonEmbedding").GetDouble() < b.GetProperty("nOpt").GetDouble()));
        string md = File.ReadAllText(Path.Combine(_folder.Path, "converted", "report.md"));
        string Sig(double v) => ScalingFit.NumberFormat.Significant(v, 3);
        Assert.Contains($"N\\_opt = {Sig(total)} parameters in total, {Sig(back)} non-embedding", md);
        Assert.Equal(3, md.Split("N\\_opt non-emb |").Length - 1);

        var plain = Run("report", csv, "--laws", "chinchilla", "--bootstrap", "20", "--out", "plain", "--json");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.DoesNotContain("nOptNonEmbedding", plain.Out);
        Assert.DoesNotContain("N\\_opt non-emb", File.ReadAllText(Path.Combine(_folder.Path, "plain", "report.md")));
    }
}
