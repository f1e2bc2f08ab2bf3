using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Checkpoint logs of kinds the samples do not show, through the CLI as shipped (issue 11 review).
/// The truth is the runs the files were written from: samples/training-log.csv holds 12 runs (its
/// model × seed pairs), and a copy with a logging time on every row holds the same 12.
/// </summary>
public class CheckpointReviewTests
{
    private static JsonElement Fit(string path, params string[] extra)
    {
        var run = ShippedCli.Run(Repo.Root, ["fit", path, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static string Temp(string name, IEnumerable<string> lines)
    {
        string dir = Path.Combine(Path.GetTempPath(), "sf-review11-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Fit_LogWithATimeOnEveryRow_StillCountsTheRuns()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "samples", "training-log.csv"));
        int runs = lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Distinct().Count();
        var start = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var timed = lines.Select((l, i) => (i == 0 ? "time" : start.AddSeconds(37 * i).ToString("s", CultureInfo.InvariantCulture)) + "," + l);
        var fit = Fit(Temp("timed-log.csv", timed));
        Assert.Equal(runs, fit.GetProperty("runs").GetInt32());
        Assert.Equal(runs - 1, fit.GetProperty("intervalDegreesOfFreedom").GetInt32());
        Assert.Contains(fit.GetProperty("data").GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "checkpoints-as-runs");
    }

    [Fact]
    public void Fit_RunsTableWithANamePerRow_IsNotCheckpoints()
    {
        // A W&B runs table: one row per run, '_step' each run's last step, 'Name' different on every row.
        var lines = new List<string> { "Name,Created,_step,params,tokens,loss" };
        double[] n = [2e7, 5e7, 1e8, 2e8, 5e8, 1e9];
        for (int i = 0; i < n.Length; i++)
            for (int s = 0; s < 2; s++)
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"run-{i}-{s},2024-05-0{i + 1}T0{s}:00:00,{1000 + 7 * i + s},{n[i]},{20 * n[i]},{1.69 + 406.4 / Math.Pow(n[i], 0.34) + 0.01 * s}"));
        var fit = Fit(Temp("runs-table.csv", lines));
        Assert.False(fit.TryGetProperty("runs", out var runs) && runs.ValueKind == JsonValueKind.Number);
        Assert.DoesNotContain(fit.GetProperty("data").GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "checkpoints-as-runs");
    }

    [Fact]
    public void Fit_GroupByOnCheckpoints_CountsEachGroupsRunsNotItsRows()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "samples", "training-log.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var fit = Fit("samples/training-log.csv", "--group-by", "seed");
        foreach (var group in fit.GetProperty("groups").EnumerateArray())
        {
            string seed = group.GetProperty("label").GetString()!;
            int runs = lines.Where(c => c[1] == seed).Select(c => c[0]).Distinct().Count();
            Assert.Equal(runs, group.GetProperty("runs").GetInt32());
            Assert.Equal(runs, group.GetProperty("result").GetProperty("runs").GetInt32());
        }
        var text = ShippedCli.Run(Repo.Root, "fit", "samples/training-log.csv", "--group-by", "seed");
        Assert.Matches(@"│ 1\s+│\s+6 │", text.Out);
    }

    [Fact]
    public void Fit_OneRunsCurveWithBootstrap_GivesNoZeroWidthInterval()
    {
        // One run: every resample of it, whole, is the run itself, so a percentile interval would have width 0.
        var lines = new List<string> { "step,params,tokens,loss" };
        var random = new Random(3);
        for (int s = 100; s <= 3000; s += 100)
        {
            double d = s * 2e8 / 3000;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{s},1e8,{d},{(2.1 + 410.7 / Math.Pow(d, 0.28)) * Math.Exp(0.01 * (random.NextDouble() - 0.5))}"));
        }
        var fit = Fit(Temp("one-run.csv", lines), "--x", "D", "--law", "saturating", "--bootstrap", "50");
        Assert.Equal(1, fit.GetProperty("runs").GetInt32());
        foreach (var p in fit.GetProperty("ci95").EnumerateObject())
            Assert.True(p.Value[0].ValueKind == JsonValueKind.Null || p.Value[1].GetDouble() - p.Value[0].GetDouble() > 0, p.Name);
        Assert.Contains("no bootstrap", fit.GetProperty("uncertainty").GetString());
    }
}

/// <summary>
/// Approach 2 against approach 3 after an IsoFLOP bootstrap of whole runs, through the CLI as shipped. The truth is
/// the law samples/isoflop-checkpoints.csv was written from (samples/isoflop_checkpoints.py: Hoffmann et al.'s
/// A = 406.4, B = 410.7, α = 0.34, β = 0.28), whose N_opt at 1e21 FLOP is G·(C/6)^a by Hoffmann's Eq. 4.
/// </summary>
public class IsoFlopBootstrapComparisonTests
{
    [Fact]
    public void IsoFlop_Bootstrap_Approach2IntervalIsTheBootstrapsAndHoldsTheTruth()
    {
        var run = ShippedCli.Run(Repo.Root, "isoflop", "samples/isoflop-checkpoints.csv", "--bootstrap", "60", "--seed", "7", "--compute", "1e21", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        double g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62), truth = g * Math.Pow(1e21 / 6, 0.28 / 0.62);
        var two = root.GetProperty("approaches").GetProperty("budgets")[0];
        var ci = two.GetProperty("approach2").GetProperty("nOptCi95");
        var boot = root.GetProperty("bootstrap").GetProperty("allocations")[0].GetProperty("nOptCi95");
        Assert.Equal("bootstrap", two.GetProperty("approach2Interval").GetString());
        Assert.Equal(boot[0].GetDouble(), ci[0].GetDouble(), 6);
        Assert.Equal(boot[1].GetDouble(), ci[1].GetDouble(), 6);
        // The line's t interval (budgets from the same runs taken as independent) misses this truth; the runs' bootstrap holds it.
        Assert.InRange(truth, ci[0].GetDouble(), ci[1].GetDouble());
        Assert.DoesNotContain("bootstrap interval", ShippedCli.Run(Repo.Root, "isoflop", "samples/isoflop-checkpoints.csv", "--compute", "1e21").Out);
    }

    [Fact]
    public void IsoFlop_BootstrapOfTooFewRuns_StillAnswersAndSaysWhy()
    {
        // Four runs (one seed of every third size): most resamples of four runs repeat a size and leave no budget
        // with four sizes, so the bootstrap cannot give intervals; the analysis without it still can.
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "samples", "isoflop-checkpoints.csv"));
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(l => l.Split(',')[0] is var run && run.EndsWith("-s0", StringComparison.Ordinal) && int.Parse(run[1..run.IndexOf('-')], CultureInfo.InvariantCulture) % 3 == 0)).ToList();
        string dir = Path.Combine(Path.GetTempPath(), "sf-review11-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "four-runs.csv");
        File.WriteAllLines(path, kept);
        var plain = ShippedCli.Run(Repo.Root, "isoflop", path, "--json");
        var boot = ShippedCli.Run(Repo.Root, "isoflop", path, "--json", "--bootstrap", "50");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.True(boot.ExitCode == 0, boot.Error);
        var a = JsonDocument.Parse(boot.Out).RootElement;
        Assert.Equal(JsonDocument.Parse(plain.Out).RootElement.GetProperty("a").GetDouble(), a.GetProperty("a").GetDouble(), 12);
        Assert.True(!a.TryGetProperty("bootstrap", out var b) || b.ValueKind == JsonValueKind.Null);
        Assert.Contains(a.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("no bootstrap intervals: only", StringComparison.Ordinal));
    }
}
