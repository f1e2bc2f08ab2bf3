using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Analysis;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>--group-by through the CLI as shipped: numbers against numpy and the known generating laws, bad input, JSON shape, figures.</summary>
public class GroupByCommandTests
{
    private static readonly string IsoFlopSample = Path.Combine(Repo.Root, "samples", "isoflop-runs.csv");

    [Fact]
    public void Fit_GroupByText_EachGroupsSlopeMatchesNumpyPolyfit()
    {
        using var folder = new TempFolder();
        string csv = folder.File("groups.csv");
        File.WriteAllText(csv, GroupedAnalysisTests.TwoLaws(("a", 0.076, 8.8e13, 12), ("b", 0.12, 1e13, 9)));
        var run = ShippedCli.Run(folder.Path, "fit", csv, "--group-by", "config", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var reference = NumpySlopes(csv);
        var groups = JsonDocument.Parse(run.Out).RootElement.GetProperty("groups");
        Assert.Equal(2, groups.GetArrayLength());
        foreach (var group in groups.EnumerateArray())
        {
            string label = group.GetProperty("key").GetProperty("config").GetString()!;
            double slope = group.GetProperty("result").GetProperty("parameters").GetProperty("slope").GetDouble();
            Assert.Equal(reference[label], slope, Math.Abs(reference[label]) * 1e-9);
            Assert.Equal("analysed", group.GetProperty("status").GetString());
        }
        var alpha = JsonDocument.Parse(run.Out).RootElement.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "alpha");
        Assert.True(alpha.GetProperty("differ").GetBoolean());
    }

    [Fact]
    public void IsoFlop_GroupByExperiment_RecoversEachGeneratingLawsExponent()
    {
        // samples/isoflop-runs.csv: experiment hoffmann from a = 0.4516, replication from a = 0.5139 (samples/README.md).
        var run = ShippedCli.Run(Repo.Root, "isoflop", IsoFlopSample, "--group-by", "experiment", "--group-column", "isoflop", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var groups = JsonDocument.Parse(run.Out).RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("label").GetString()!, g => g.GetProperty("result"));
        foreach (var (label, truth) in new[] { ("hoffmann", 0.4516), ("replication", 0.5139) })
        {
            var ci = groups[label].GetProperty("ci95").GetProperty("a");
            Assert.InRange(truth, ci[0].GetDouble(), ci[1].GetDouble());
        }
    }

    [Fact]
    public void Fit_GroupByNumericColumn_PrintsValuesInvariantUnderAGermanLocale()
    {
        using var folder = new TempFolder();
        string csv = folder.File("lr.csv");
        File.WriteAllText(csv, GroupedAnalysisTests.TwoLaws(("0.0003", 0.076, 8.8e13, 8), ("0.001", 0.12, 1e13, 8)).Replace("config", "lr"));
        var run = ShippedCli.Run(folder.Path, "fit", csv, "--group-by", "lr");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("│ 0.0003 ", run.Out);
        Assert.Contains("│ 0.001 ", run.Out);
        Assert.DoesNotContain("0,0003", run.Out);
        Assert.Contains("do the groups differ?", run.Out);
    }

    [Fact]
    public void Fit_GroupByUnknownColumn_ExitsTwoNamingItAndTheCloseOne()
    {
        var run = ShippedCli.Run(Repo.Root, "fit", IsoFlopSample, "--group-by", "experimnt");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --group-by: there is no column 'experimnt'", run.Error);
        Assert.Contains("Did you mean experiment?", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Optimal_GroupByColumnWithOneValue_SaysSoAndAnalysesOneGroup()
    {
        var run = ShippedCli.Run(Repo.Root, "optimal", IsoFlopSample, "--where", "experiment = hoffmann", "--group-by", "experiment", "--compute", "1e22");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("'experiment' has one value (hoffmann)", run.Out);
        Assert.Contains("1 group, 1 analysed", run.Out);
    }

    [Fact]
    public void Fit_SomeGroupsTooSmall_SkipsThemAndExitsZero_NoneFitted_ExitsOne()
    {
        using var folder = new TempFolder();
        string csv = folder.File("g.csv");
        File.WriteAllText(csv, GroupedAnalysisTests.TwoLaws(("a", 0.076, 8.8e13, 10), ("c", 0.1, 1e13, 2)));
        var run = ShippedCli.Run(folder.Path, "compare", csv, "--group-by", "config", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var skipped = JsonDocument.Parse(run.Out).RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("status").GetString() == "skipped");
        Assert.Equal(2, skipped.GetProperty("runs").GetInt32());
        Assert.Contains("no law could be fitted", skipped.GetProperty("reason").GetString());

        var none = ShippedCli.Run(folder.Path, "fit", csv, "--group-by", "config", "--law", "chinchilla");
        Assert.Equal(1, none.ExitCode);
        Assert.StartsWith("error: ", none.Error);
    }

    [Fact]
    public void Fit_PooledRuns_WarningPointsAtGroupBy()
    {
        var run = ShippedCli.Run(Repo.Root, "fit", IsoFlopSample);
        Assert.Contains("--group-by experiment", run.Out);
    }

    [Fact]
    public void Plot_GroupBy_WritesOneFigureAndRefusesALawOfTwoQuantities()
    {
        using var folder = new TempFolder();
        string csv = folder.File("g.csv");
        File.WriteAllText(csv, GroupedAnalysisTests.TwoLaws(("a", 0.076, 8.8e13, 10), ("b", 0.12, 1e13, 10)));
        var run = ShippedCli.Run(folder.Path, "plot", csv, "--group-by", "config", "--out", "g.png", "--scale", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        var png = File.ReadAllBytes(folder.File("g.png"));
        Assert.Equal(2000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        // The joint law L = k·N^a_N·D^a_D has no compute-optimal N along C = 6ND, so there is no curve along C to draw per group.
        var refused = ShippedCli.Run(Repo.Root, "plot", IsoFlopSample, "--group-by", "experiment", "--law", "joint", "--out", folder.File("c.png"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("one curve per group", refused.Error);
    }

    [Fact]
    public void Report_GroupBy_WritesTheGroupsSideBySideAndASectionPerGroup()
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "report", IsoFlopSample, "--group-by", "experiment", "--bootstrap", "50",
            "--figure-format", "png", "--out", "r", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(["analysed", "analysed"], json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("status").GetString()));
        Assert.Equal("chinchilla", json.GetProperty("groups")[0].GetProperty("bestLaw").GetString());
        var figures = json.GetProperty("figures").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToList();
        Assert.Contains("groups-fit.png", figures);
        Assert.Contains("g1-hoffmann-isoflop.png", figures);
        Assert.Contains("g2-replication-isoflop.png", figures);
        string markdown = File.ReadAllText(json.GetProperty("markdown").GetString()!);
        Assert.Contains("## The groups of experiment side by side", markdown);
        Assert.Contains("## experiment = hoffmann: 81 runs", markdown);
        Assert.Contains("## experiment = replication: 81 runs", markdown);
        Assert.Contains("do the groups differ?", markdown);
    }

    /// <summary>np.polyfit(ln N, ln L, 1) per config, computed by numpy from the same file.</summary>
    private static Dictionary<string, double> NumpySlopes(string csv)
    {
        const string script =
            "import sys, csv, numpy as np\n" +
            "rows = list(csv.DictReader(open(sys.argv[1])))\n" +
            "for g in sorted({r['config'] for r in rows}):\n" +
            "    x = np.log([float(r['N']) for r in rows if r['config'] == g]); y = np.log([float(r['loss']) for r in rows if r['config'] == g])\n" +
            "    print(g, repr(np.polyfit(x, y, 1)[0]))\n";
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(csv);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => double.Parse(p[1].Replace("np.float64(", "").TrimEnd(')'), CultureInfo.InvariantCulture));
    }
}
