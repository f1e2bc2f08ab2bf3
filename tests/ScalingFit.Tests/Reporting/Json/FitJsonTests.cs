using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingFit.Tests.Support;
using static ScalingFit.Tests.Reporting.Json.Printed;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>
/// fit and predict --json through the shipped tool: the JSON parses, keeps its names, and carries the
/// numbers of the human tables and of an ordinary least-squares fit computed here by hand.
/// </summary>
public class FitJsonTests
{
    /// <summary>Student's t, 97.5% quantile, 10 degrees of freedom (standard tables).</summary>
    private const double T10 = 2.2281388519649385;

    /// <summary>Twelve runs of L = (8.8e13/N)^0.076 with 1% log-normal noise, seed 5.</summary>
    internal static (string Csv, double[] N, double[] Loss) PowerRuns()
    {
        var random = new Random(5);
        var n = Enumerable.Range(0, 12).Select(i => 1e7 * Math.Pow(10, 3.0 * i / 11)).ToArray();
        var loss = n.Select(x => Math.Pow(8.8e13 / x, 0.076) * Math.Exp(0.01 * Synthetic.Gaussian(random))).ToArray();
        var csv = new StringBuilder("N,loss\n");
        for (int i = 0; i < n.Length; i++) csv.Append(CultureInfo.InvariantCulture, $"{n[i]:R},{loss[i]:R}\n");
        return (csv.ToString(), n, loss);
    }

    [Fact]
    public void FitJson_PowerLaw_MatchesOrdinaryLeastSquaresByHandAndTheTable()
    {
        using var folder = new TempFolder();
        var (csv, n, loss) = PowerRuns();
        File.WriteAllText(folder.File("runs.csv"), csv);
        var (json, text) = Both(folder.Path, "fit", "runs.csv");

        // ln L = intercept + slope·ln N by the textbook formulas.
        var x = n.Select(v => Math.Log(v)).ToArray();
        var y = loss.Select(v => Math.Log(v)).ToArray();
        double mx = x.Average(), my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx)), sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        double slope = sxy / sxx, intercept = my - slope * mx;
        double sse = x.Zip(y).Sum(p => Math.Pow(p.Second - intercept - slope * p.First, 2));
        double sst = y.Sum(v => (v - my) * (v - my));
        double s2 = sse / (n.Length - 2);
        double seSlope = Math.Sqrt(s2 / sxx), seIntercept = Math.Sqrt(s2 * (1.0 / n.Length + mx * mx / sxx));

        Assert.Equal(["N"], json.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.False(json.TryGetProperty("y", out _));          // the loss: left out, as always
        Assert.False(json.TryGetProperty("bootstrap", out _));  // no bootstrap: left out
        Assert.Equal(12, json.GetProperty("n").GetInt32());
        Assert.Equal(10, json.GetProperty("degreesOfFreedom").GetInt32());
        var p = json.GetProperty("parameters");
        Close(slope, p.GetProperty("slope"));
        Close(intercept, p.GetProperty("intercept"));
        Close(-slope, p.GetProperty("alpha"));
        Close(Math.Exp(intercept / -slope), p.GetProperty("scale"));
        Close(seSlope, json.GetProperty("standardErrors").GetProperty("slope"));
        Close(seIntercept, json.GetProperty("standardErrors").GetProperty("intercept"));
        var ci = json.GetProperty("ci95").GetProperty("slope");
        Close(slope - T10 * seSlope, ci[0]);
        Close(slope + T10 * seSlope, ci[1]);
        Close(1 - sse / sst, json.GetProperty("r2"));
        Close(Math.Sqrt(s2), json.GetProperty("residualStd"));

        foreach (var name in new[] { "alpha", "slope", "intercept", "scale" })
        {
            var row = Row(text, name);
            Agrees(row[1], p.GetProperty(name));
            Agrees(row[2], json.GetProperty("standardErrors").GetProperty(name));
            AgreesInterval(row[4], json.GetProperty("ci95").GetProperty(name));
        }
        Agrees(Value(text, "R²"), json.GetProperty("r2"));
        Agrees(Value(text, "condition number"), json.GetProperty("conditionNumber"));
    }

    [Fact]
    public void PredictJson_PowerLaw_LossIsTheHandFittedLineAndTheIntervalIsTheTables()
    {
        using var folder = new TempFolder();
        var (csv, n, loss) = PowerRuns();
        File.WriteAllText(folder.File("runs.csv"), csv);
        var (json, text) = Both(folder.Path, "predict", "runs.csv", "--at", "N=1e11", "--at", "N=3e12");

        var x = n.Select(v => Math.Log(v)).ToArray();
        var y = loss.Select(v => Math.Log(v)).ToArray();
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y).Sum(q => (q.First - mx) * (q.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
        double intercept = my - slope * mx;
        var predictions = json.GetProperty("predictions");
        Assert.Equal(2, predictions.GetArrayLength());
        foreach (var (at, label) in new[] { (1e11, "1e11"), (3e12, "3e12") })
        {
            var p = predictions.EnumerateArray().Single(e => e.GetProperty("at").GetProperty("N").GetDouble() == at);
            Close(Math.Exp(intercept + slope * Math.Log(at)), p.GetProperty("loss"));
            Assert.True(p.GetProperty("lower").GetDouble() < p.GetProperty("loss").GetDouble());
            Assert.True(p.GetProperty("upper").GetDouble() > p.GetProperty("loss").GetDouble());
            Assert.NotEmpty(p.GetProperty("warnings").EnumerateArray()); // beyond the data: extrapolation
            var row = Row(text, label);
            Agrees(row[1], p.GetProperty("loss"));
            Agrees(row[2], p.GetProperty("lower"));
            Agrees(row[3], p.GetProperty("upper"));
        }
        Assert.False(json.TryGetProperty("metricLaw", out _));
        Assert.Equal("power", json.GetProperty("fit").GetProperty("law").GetString());
    }

    [Fact]
    public void FitJson_ChinchillaWithBootstrap_DerivedExponentsAreHoffmannsAndTheTableAgrees()
    {
        var (json, text) = Both(Repo.Root, "fit", "--law", "chinchilla", "--drop-highest-loss", "5", "--bootstrap", "40", "--seed", "7");
        var p = json.GetProperty("parameters");
        double alpha = p.GetProperty("alpha").GetDouble(), beta = p.GetProperty("beta").GetDouble();
        // Hoffmann et al. 2022, Eq. 4: a = β/(α+β), b = α/(α+β).
        var derived = json.GetProperty("derived");
        Close(beta / (alpha + beta), derived.GetProperty("a").GetProperty("value"));
        Close(alpha / (alpha + beta), derived.GetProperty("b").GetProperty("value"));
        Assert.Equal(["value", "standardError", "ci95"], derived.GetProperty("a").EnumerateObject().Select(e => e.Name));
        var bootstrap = json.GetProperty("bootstrap");
        Assert.Equal(40, bootstrap.GetProperty("resamples").GetInt32());
        Assert.Equal(7, bootstrap.GetProperty("seed").GetInt64());
        foreach (var (name, label) in new[] { ("E", "E"), ("A", "A"), ("B", "B"), ("alpha", "alpha"), ("beta", "beta") })
        {
            var row = Row(text, label);
            Agrees(row[1], p.GetProperty(name));
            AgreesInterval(row[4], json.GetProperty("ci95").GetProperty(name));
        }
        // The replication's optimum (Besiroglu et al. 2024, as the README quotes it).
        Assert.Equal(1.8172, p.GetProperty("E").GetDouble(), 3);
        Assert.Equal(0.3473, alpha, 3);
        Assert.Equal(0.3672, beta, 3);
    }

    /// <summary>Equal to 1e-9 relative: the JSON number is the computation's double, not a rounded one.</summary>
    internal static void Close(double expected, JsonElement json) =>
        Assert.True(Math.Abs(json.GetDouble() - expected) <= 1e-9 * Math.Abs(expected), $"{json.GetDouble():R} vs {expected:R}");
}
