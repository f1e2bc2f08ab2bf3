using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Approach 2 against approach 3 in isoflop and optimal through the CLI as shipped: each side equals
/// what the other command answers on its own, the warnings carry their codes, and a side that cannot be
/// computed is said in one line without failing the command. The sample's experiments come from known
/// laws (samples/README.md).
/// </summary>
public class ApproachComparisonCommandTests
{
    private static readonly string Sample = Path.Combine(Repo.Root, "samples", "isoflop-runs.csv");

    private static JsonElement Json(params string[] args)
    {
        var run = ShippedCli.Run(Repo.Root, [.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void IsoFlop_BuiltInRuns_ComparesAtTheLargestBudgetUsed_WithOptimalsAnswerAsApproach3()
    {
        var root = Json("isoflop");
        double largest = root.GetProperty("budgets").EnumerateArray().Where(b => b.GetProperty("used").GetBoolean()).Max(b => b.GetProperty("compute").GetDouble());
        var approaches = root.GetProperty("approaches");
        Assert.Equal(JsonValueKind.Null, approaches.GetProperty("note").ValueKind);
        var row = Assert.Single(approaches.GetProperty("budgets").EnumerateArray().ToList());
        Assert.Equal(largest, row.GetProperty("compute").GetDouble());
        Assert.Equal("chinchilla", row.GetProperty("law").GetString());

        var optimal = Json("optimal", "--compute", R(largest), "--no-compare").GetProperty("allocations")[0];
        Assert.Equal(optimal.GetProperty("nOpt").GetDouble(), row.GetProperty("approach3").GetProperty("nOpt").GetDouble(), 1e-6 * optimal.GetProperty("nOpt").GetDouble());
        Assert.Equal(optimal.GetProperty("ci95").GetProperty("dOpt")[0].GetDouble(), row.GetProperty("approach3").GetProperty("dOptCi95")[0].GetDouble(), 1e-3 * optimal.GetProperty("dOpt").GetDouble());
        var isoflop = Json("isoflop", "--compute", R(largest), "--no-compare").GetProperty("allocations")[0];
        Assert.Equal(isoflop.GetProperty("nOpt").GetDouble(), row.GetProperty("approach2").GetProperty("nOpt").GetDouble(), 1e-9 * isoflop.GetProperty("nOpt").GetDouble());
        // D_opt = C/(6·N_opt) for approach 2, its interval the same interval of N_opt turned over.
        double n = row.GetProperty("approach2").GetProperty("nOpt").GetDouble();
        Assert.Equal(largest / (6 * n), row.GetProperty("approach2").GetProperty("dOpt").GetDouble(), 1e-9 * largest / n);
        Assert.Equal(largest / (6 * isoflop.GetProperty("ci95")[1].GetDouble()), row.GetProperty("approach2").GetProperty("dOptCi95")[0].GetDouble(), 1e-6 * largest / n);
        Assert.Equal(n / row.GetProperty("approach3").GetProperty("nOpt").GetDouble(), row.GetProperty("ratio").GetDouble(), 1e-9);
    }

    [Fact]
    public void IsoFlop_NoCompare_LeavesTheComparisonOut()
    {
        Assert.Equal(JsonValueKind.Null, Json("isoflop", "--no-compare").GetProperty("approaches").ValueKind);
        var text = ShippedCli.Run(Repo.Root, "isoflop", "--no-compare");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.DoesNotContain("against approach 3", text.Out);
        var with = ShippedCli.Run(Repo.Root, "isoflop");
        Assert.Contains("approach 2 (IsoFLOP) against approach 3 (fitted law)", with.Out);
        Assert.Contains("3: chinchilla law", with.Out);
    }

    [Fact]
    public void Optimal_HoffmannSample_Approach2IsIsoFlopsAnswerWithTheDefaults_AndTheyAgree()
    {
        var root = Json("optimal", Sample, "--where", "experiment=hoffmann", "--compute", "1e24");
        var row = root.GetProperty("approaches").GetProperty("budgets")[0];
        var isoflop = Json("isoflop", Sample, "--where", "experiment=hoffmann", "--compute", "1e24", "--no-compare").GetProperty("allocations")[0];
        Assert.Equal(isoflop.GetProperty("nOpt").GetDouble(), row.GetProperty("approach2").GetProperty("nOpt").GetDouble(), 1e-9 * isoflop.GetProperty("nOpt").GetDouble());
        Assert.Equal(root.GetProperty("allocations")[0].GetProperty("nOpt").GetDouble(), row.GetProperty("approach3").GetProperty("nOpt").GetDouble());
        Assert.False(row.GetProperty("disagree").GetBoolean());
        Assert.Empty(root.GetProperty("approaches").GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("parabola", root.GetProperty("approaches").GetProperty("vertex").GetString());
        // The widened interval holds the line's.
        var line = row.GetProperty("approach2").GetProperty("nOptCi95");
        var widened = row.GetProperty("approach2WithBias").GetProperty("nOptCi95");
        Assert.True(widened[0].GetDouble() <= line[0].GetDouble() && widened[1].GetDouble() >= line[1].GetDouble());
    }

    [Fact]
    public void Optimal_KaplanLawOnTheReplicationRuns_WarnsThatTheApproachesDisagree()
    {
        // Kaplan's law of N and D does not describe runs from a Chinchilla surface: its N_opt at 1e24 is far from the IsoFLOP minima's.
        var root = Json("optimal", Sample, "--where", "experiment=replication", "--law", "kaplan-nd", "--compute", "1e24");
        var approaches = root.GetProperty("approaches");
        Assert.True(approaches.GetProperty("budgets")[0].GetProperty("disagree").GetBoolean());
        var codes = approaches.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains("approaches-disagree", codes);
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("approaches 2 and 3 disagree", StringComparison.Ordinal));
        var text = ShippedCli.Run(Repo.Root, "optimal", Sample, "--where", "experiment=replication", "--law", "kaplan-nd", "--compute", "1e24");
        Assert.Contains("warning: approaches 2 and 3 disagree beyond their 95% intervals", text.Out);
        Assert.Contains("DISAGREE", text.Out);
    }

    [Fact]
    public void Optimal_RunsWithoutIsoFlopBudgets_SaysWhyInOneLine_AndStillAnswers()
    {
        // Twelve runs, each at its own compute: no budget holds several sizes.
        string path = Path.Combine(Path.GetTempPath(), $"approaches-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "N,D,loss" };
        for (int i = 0; i < 12; i++)
        {
            double size = 1e8 * Math.Pow(1.6, i), tokens = 3e9 * Math.Pow(1.9, i % 5 + i / 3.0);
            double loss = 1.69 + 406.4 / Math.Pow(size, 0.34) + 410.7 / Math.Pow(tokens, 0.28);
            lines.Add(FormattableString.Invariant($"{size:R},{tokens:R},{loss:R}"));
        }
        File.WriteAllLines(path, lines);
        try
        {
            var run = ShippedCli.Run(Repo.Root, "optimal", path, "--compute", "1e22", "--json");
            Assert.True(run.ExitCode == 0, run.Error);
            var approaches = JsonDocument.Parse(run.Out).RootElement.GetProperty("approaches");
            Assert.StartsWith("no approach 2: an IsoFLOP analysis needs at least 3 compute budgets", approaches.GetProperty("note").GetString());
            Assert.Empty(approaches.GetProperty("budgets").EnumerateArray());
            var text = ShippedCli.Run(Repo.Root, "optimal", path, "--compute", "1e22");
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("approaches 2 and 3  no approach 2: ", text.Out);
        }
        finally { File.Delete(path); }
    }
}
