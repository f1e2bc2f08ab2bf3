using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScalingFit.Tests.Support;
using static ScalingFit.Tests.Reporting.Json.FitJsonTests;
using static ScalingFit.Tests.Reporting.Json.Printed;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>
/// report --json through the shipped tool: the files written and the whole analysis, as the objects
/// compare, fit, optimal and isoflop print under --json, with the numbers of report.md and of the
/// law the runs were drawn from.
/// </summary>
public class ReportJsonTests
{
    /// <summary>Hoffmann et al.'s nine IsoFLOP budgets of nine sizes from E=1.69, A=406.4, B=410.7, α=0.34, β=0.28, 0.5% noise.</summary>
    private static readonly double[] Law = [1.69, 406.4, 410.7, 0.34, 0.28];

    [Fact]
    public void ReportJson_IsoFlopRuns_TheWholeAnalysisWithTheNamesOfEachCommandAndReportMdsNumbers()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("runs.csv"), SyntheticIsoFlop.Csv(Law, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes, noise: 0.005, seed: 3));
        string[] common = ["runs.csv", "--laws", "power,chinchilla"];
        var run = ShippedCli.Run(folder.Path, ["report", .. common, "--out", "out", "--bootstrap", "20", "--figure-format", "svg", "--json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json;
        Assert.Equal(
            ["html", "markdown", "figures", "manifest", "removed", "bestLaw", "notes", "command", "dataFile", "version", "headlineBudget",
             "headlineFromData", "data", "warnings", "comparison", "fits", "optimal", "isoflop", "approaches"],
            json.EnumerateObject().Select(p => p.Name));

        // The files written are where it says.
        foreach (var path in new[] { json.GetProperty("html"), json.GetProperty("markdown"), json.GetProperty("manifest") }
                     .Concat(json.GetProperty("figures").EnumerateArray()))
            Assert.True(File.Exists(Path.Combine(folder.Path, path.GetString()!)), path.GetString());
        Assert.Empty(json.GetProperty("removed").EnumerateArray());
        Assert.Equal(81, json.GetProperty("data").GetProperty("runs").GetInt32());

        // Each part has exactly the names the command of its own prints.
        var compare = ShippedCli.Run(folder.Path, ["compare", .. common, "--json"]);
        var optimal = ShippedCli.Run(folder.Path, ["optimal", "runs.csv", "--compute", json.GetProperty("headlineBudget").GetDouble().ToString("R", CultureInfo.InvariantCulture), "--json"]);
        var isoflop = ShippedCli.Run(folder.Path, ["isoflop", "runs.csv", "--json"]);
        var fit = ShippedCli.Run(folder.Path, ["fit", "runs.csv", "--json"]);
        SameNames(compare.Json, json.GetProperty("comparison"));
        SameNames(optimal.Json.GetProperty("fit"), json.GetProperty("fits")[json.GetProperty("fits").EnumerateArray().ToList().FindIndex(f => f.GetProperty("law").GetString() == "chinchilla")], ignore: "bootstrap");
        SameNames(fit.Json, json.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("law").GetString() == "power"));
        SameNames(isoflop.Json, json.GetProperty("isoflop"), ignore: "approaches");
        // Approach 2 against 3 at the headline budget, as optimal gives it there.
        SameNames(optimal.Json.GetProperty("approaches"), json.GetProperty("approaches"));
        Close(optimal.Json.GetProperty("approaches").GetProperty("budgets")[0].GetProperty("approach2").GetProperty("nOpt").GetDouble(),
            json.GetProperty("approaches").GetProperty("budgets")[0].GetProperty("approach2").GetProperty("nOpt"));
        Assert.Equal(optimal.Json.GetProperty("allocations")[0].EnumerateObject().Select(p => p.Name),
            json.GetProperty("optimal").GetProperty("allocations")[0].EnumerateObject().Select(p => p.Name));
        // The same fits: the comparison's estimates are those compare prints, law by law.
        foreach (var law in compare.Json.GetProperty("laws").EnumerateArray())
        {
            var mine = json.GetProperty("comparison").GetProperty("laws").EnumerateArray().Single(l => l.GetProperty("law").GetString() == law.GetProperty("law").GetString());
            foreach (var p in law.GetProperty("estimates").EnumerateObject()) Close(p.Value.GetDouble(), mine.GetProperty("estimates").GetProperty(p.Name));
            Close(law.GetProperty("aic").GetDouble(), mine.GetProperty("aic"));
        }

        // The allocation is Hoffmann's Eq. 4 of the chinchilla fit, at the headline budget too.
        var chinchilla = ChinchillaLawByHand.Of(json.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("law").GetString() == "chinchilla").GetProperty("parameters"));
        var allocation = json.GetProperty("optimal");
        Close(chinchilla.Exponent, allocation.GetProperty("a"));
        double headline = json.GetProperty("headlineBudget").GetDouble();
        var row = allocation.GetProperty("allocations").EnumerateArray().Single(r => r.GetProperty("compute").GetDouble() == headline);
        Close(chinchilla.OptimalN(headline), row.GetProperty("nOpt"));
        // The runs were drawn with a = β/(α+β) = 0.28/0.62: both approaches find it.
        Assert.Equal(0.28 / 0.62, allocation.GetProperty("a").GetDouble(), 0.02);
        Assert.Equal(0.28 / 0.62, json.GetProperty("isoflop").GetProperty("a").GetDouble(), 0.03);

        // report.md's summary quotes the same numbers.
        string md = File.ReadAllText(Path.Combine(folder.Path, json.GetProperty("markdown").GetString()!)).Replace("\\", "", StringComparison.Ordinal);
        Agrees(After(md, "compute-optimal (chinchilla)**: N_opt ∝ C^a with a = "), allocation.GetProperty("a"));
        Agrees(After(md, "**IsoFLOP**: N_opt ∝ C^a with a = "), json.GetProperty("isoflop").GetProperty("a"));
        string best = json.GetProperty("bestLaw").GetString()!;
        Assert.StartsWith(json.GetProperty("comparison").GetProperty("laws")[0].GetProperty("law").GetString()!, best);
        Assert.Contains($"**best law**: {best} ", md);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
    }

    /// <summary>The number printed right after <paramref name="prefix"/>.</summary>
    private static string After(string text, string prefix)
    {
        int at = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no '{prefix}' in:\n{text}");
        return Regex.Match(text[(at + prefix.Length)..], @"^-?[0-9.]+(e-?[0-9]+)?").Value;
    }

    /// <summary>The same names at every level of two objects (arrays compared by their first element).</summary>
    private static void SameNames(JsonElement expected, JsonElement actual, string? ignore = null)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(JsonValueKind.Object, actual.ValueKind);
            Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Where(n => n != ignore), actual.EnumerateObject().Select(p => p.Name).Where(n => n != ignore));
            foreach (var p in expected.EnumerateObject())
                if (p.Name != ignore && p.Name is not ("columns" or "parameters" or "standardErrors" or "ci95" or "estimates" or "at"))
                    SameNames(p.Value, actual.GetProperty(p.Name), ignore);
        }
        else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
            SameNames(expected[0], actual[0], ignore);
    }
}
