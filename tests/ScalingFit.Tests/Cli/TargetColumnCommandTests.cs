using System.Globalization;
using System.Text;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Laws of another column than the loss (--y) read through every reader and through the data
/// selection: the optimal learning rate per (N, D) from a learning-rate sweep, and an accuracy
/// fitted as a metric from a file without a loss column, as the data warning advises.
/// </summary>
public class TargetColumnCommandTests
{
    /// <summary>The learning rate that minimises the loss at (N, D): η_opt = 0.3·N^−0.25·D^0.05.</summary>
    private static double OptimalLearningRate(double n, double d) => 0.3 * Math.Pow(n, -0.25) * Math.Pow(d, 0.05);

    /// <summary>
    /// A learning-rate sweep as JSON Lines, rows shuffled: at each (N, D), seven rates a factor 10^(1/8)
    /// apart around η_opt, with the loss L(N, D) + 0.05·ln²(η/η_opt), so the best run of each (N, D) has η_opt.
    /// </summary>
    private static string Sweep()
    {
        var rows = new List<string>();
        foreach (double n in new[] { 1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9 })
            foreach (double ratio in new[] { 5.0, 20, 80 })
            {
                double d = ratio * n, best = OptimalLearningRate(n, d);
                for (int k = -3; k <= 3; k++)
                {
                    double lr = best * Math.Pow(10, k / 8.0);
                    double loss = 1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28) + 0.05 * Math.Pow(Math.Log(lr / best), 2);
                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{{\"N\": {n:R}, \"D\": {d:R}, \"lr\": {lr:R}, \"loss\": {loss:R}, \"family\": \"{(n < 1e9 ? "small" : "large")}\"}}"));
                }
            }
        var random = new Random(7);
        return string.Join('\n', rows.OrderBy(_ => random.Next())) + "\n";
    }

    [Fact]
    public void Fit_OptimalLearningRate_BestRunPerSizeAndTokensFromJsonLines()
    {
        using var file = new TempFile(Sweep(), ".jsonl");
        var run = CliRun.Of("fit", file.Path, "--run-column", "N,D", "--select-by", "loss", "--select", "min",
            "--law", "joint", "--x", "N,D", "--y", "lr", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var p = run.Json.GetProperty("parameters");
        Assert.Equal(-0.25, p.GetProperty("aN").GetDouble(), 9);
        Assert.Equal(0.05, p.GetProperty("aD").GetDouble(), 9);
        Assert.Equal(0.3, p.GetProperty("k").GetDouble(), 7);
        Assert.Equal(18, run.Json.GetProperty("data").GetProperty("runs").GetInt32());
        Assert.Equal("lr", run.Json.GetProperty("y").GetString());
    }

    [Fact]
    public void Fit_OptimalLearningRateFormula_WithAFilter_AsShipped()
    {
        // The shipped tool (invariant globalization, a German locale): a formula law of N and D predicting lr, on the large models only.
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "sweep.jsonl"), Sweep());
        var run = ShippedCli.Run(folder.Path, "fit", "sweep.jsonl", "--where", "family = large", "--run-column", "N,D", "--select-by", "loss",
            "--select", "min", "--law", "lr = a*N^b*D^c", "--loss-function", "lsq", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var p = run.Json.GetProperty("parameters");
        Assert.Equal(-0.25, p.GetProperty("b").GetDouble(), 6);
        Assert.Equal(0.05, p.GetProperty("c").GetDouble(), 6);
        Assert.Equal(6, run.Json.GetProperty("data").GetProperty("runs").GetInt32());
        Assert.Contains(run.Json.GetProperty("data").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("where family = large", StringComparison.Ordinal));
    }

    /// <summary>Accuracies with logit(acc) = −10 + 0.3·ln N + 0.2·ln D, a little noise (fixed seed), and no loss column.</summary>
    private static string Accuracies()
    {
        var random = new Random(3);
        var csv = new StringBuilder("N,D,acc\n");
        foreach (double n in new[] { 1e8, 3e8, 1e9, 3e9, 1e10 })
            foreach (double ratio in new[] { 5.0, 20, 80 })
            {
                double d = ratio * n, z = -10 + 0.3 * Math.Log(n) + 0.2 * Math.Log(d) + 0.002 * (random.NextDouble() - 0.5);
                csv.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{1 / (1 + Math.Exp(-z)):R}\n");
            }
        return csv.ToString();
    }

    [Fact]
    public void Fit_AccuracyTakenForTheLoss_WarnsWithAnAdviceThatRuns()
    {
        using var file = new TempFile(Accuracies());
        var asLoss = CliRun.Of("fit", file.Path, "--loss-column", "acc", "--json");
        Assert.True(asLoss.ExitCode == 0, asLoss.Error);
        var warning = Assert.Single(asLoss.Json.GetProperty("data").GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "accuracy-like-loss");
        Assert.Contains("--y 'acc' --residuals logit", warning.GetProperty("message").GetString());

        // The advice, as written: the file has no loss column, and needs none.
        var asMetric = CliRun.Of("fit", file.Path, "--law", "sigmoid(a + b*ln(N) + c*ln(D))", "--y", "acc", "--residuals", "logit",
            "--loss-function", "lsq", "--json");
        Assert.True(asMetric.ExitCode == 0, asMetric.Error);
        var p = asMetric.Json.GetProperty("parameters");
        Assert.Equal(0.3, p.GetProperty("b").GetDouble(), 3);
        Assert.Equal(0.2, p.GetProperty("c").GetDouble(), 3);
        Assert.Equal("logit", asMetric.Json.GetProperty("residuals").GetString());
        Assert.Empty(asMetric.Json.GetProperty("data").GetProperty("warnings").EnumerateArray());
    }

    /// <summary>Exact lr = 0.3·C^−0.125·U^0.1 over a grid of C and U, with cells left empty or unreadable where asked.</summary>
    private static string LearningRates(int emptyTargetRow, int emptyInputRow)
    {
        var csv = new StringBuilder("C,U,lr,loss\n");
        int row = 0;
        foreach (double c in new[] { 1e18, 1e19, 1e20, 1e21 })
            foreach (double u in new[] { 1e9, 4e9, 1.6e10 })
            {
                string lr = row == emptyTargetRow ? "" : (0.3 * Math.Pow(c, -0.125) * Math.Pow(u, 0.1)).ToString("R", CultureInfo.InvariantCulture);
                string uText = row == emptyInputRow ? "n/a" : u.ToString("R", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{c:R},{uText},{lr},2\n");
                row++;
            }
        return csv.ToString();
    }

    [Fact]
    public void Fit_DropIncomplete_DropsRowsEmptyInTheTargetOrAFormulaInput()
    {
        // --drop-incomplete considers the columns the law reads: its target (--y, or left of '=') and its formula's input columns.
        using var file = new TempFile(LearningRates(emptyTargetRow: 4, emptyInputRow: 7));
        var run = CliRun.Of("fit", file.Path, "--law", "lr = k*C^a*U^b", "--loss-function", "lsq", "--drop-incomplete", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var p = run.Json.GetProperty("parameters");
        Assert.Equal(-0.125, p.GetProperty("a").GetDouble(), 6);
        Assert.Equal(0.1, p.GetProperty("b").GetDouble(), 6);
        Assert.Equal(10, run.Json.GetProperty("data").GetProperty("runs").GetInt32());
        Assert.Contains(run.Json.GetProperty("data").GetProperty("notes").EnumerateArray(),
            n => n.GetString()!.Contains("dropped 2 rows with an empty or non-numeric cell in 'U', 'lr' (lines 6, 9)", StringComparison.Ordinal));

        // Without the flag the empty target cell is an error that names its place.
        var strict = CliRun.Of("fit", file.Path, "--law", "joint", "--x", "C", "--y", "lr");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("line 6, column 'lr'", strict.Error);
        var dropped = CliRun.Of("fit", file.Path, "--law", "joint", "--x", "C", "--y", "lr", "--drop-incomplete", "--json");
        Assert.True(dropped.ExitCode == 0, dropped.Error);
        Assert.Equal(11, dropped.Json.GetProperty("data").GetProperty("runs").GetInt32());
    }

    [Fact]
    public void Fit_AnotherTarget_TheFormulaMethodAndIntervalsNameIt()
    {
        // A built-in law of L fitted to lr reads "lr = k·C^a_C", its least squares are on ln lr, and so are its intervals.
        using var file = new TempFile(LearningRates(emptyTargetRow: -1, emptyInputRow: -1));
        var run = CliRun.Of("fit", file.Path, "--law", "joint", "--x", "C", "--y", "lr");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("joint law: lr = k·C^a_C", run.Out);
        Assert.Contains("ordinary least squares on ln lr", run.Out);
        var predict = CliRun.Of("predict", file.Path, "--law", "joint", "--x", "C", "--y", "lr", "--at", "C=1e20");
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Contains("from the joint law lr = k·C^a_C", predict.Out);
        Assert.Contains("degrees of freedom, in ln lr)", predict.Out);
        Assert.DoesNotContain("ln L", predict.Out);
    }
}
