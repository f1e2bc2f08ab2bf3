using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;
using static ScalingFit.Tests.Reporting.Json.FitJsonTests;
using static ScalingFit.Tests.Reporting.Json.Printed;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>optimal, isoflop and tradeoff --json through the shipped tool, against Hoffmann et al.'s closed forms, fits by hand and the tables.</summary>
public class AllocationJsonTests
{
    [Fact]
    public void OptimalJson_Chinchilla_AllocationIsHoffmannsEquation4AndGsMissingErrorIsNull()
    {
        var (json, text) = Both(Repo.Root, "optimal", "--drop-highest-loss", "5", "--compute", "5.76e23", "--compute", "1e21");
        var law = ChinchillaLawByHand.Of(json.GetProperty("fit").GetProperty("parameters"));
        Close(law.Exponent, json.GetProperty("a"));
        Close(1 - law.Exponent, json.GetProperty("b"));
        Close(law.G, json.GetProperty("g"));
        var allocations = json.GetProperty("allocations");
        Assert.Equal(2, allocations.GetArrayLength());
        foreach (var row in allocations.EnumerateArray())
        {
            Assert.Equal("compute", row.GetProperty("given").GetString());
            double c = row.GetProperty("compute").GetDouble(), n = law.OptimalN(c), d = c / (6 * n);
            Close(n, row.GetProperty("nOpt"));
            Close(d, row.GetProperty("dOpt"));
            Close(d / n, row.GetProperty("tokensPerParameter"));
            Close(law.Loss(n, d), row.GetProperty("loss"));
            Assert.Equal(["compute", "nOpt", "dOpt", "tokensPerParameter", "loss"], row.GetProperty("ci95").EnumerateObject().Select(x => x.Name));
        }
        // G has no standard error: "n/a" in the table, null in JSON (NaN is not JSON), and so are its bounds.
        var gRow = Row(text, "G");
        Agrees(gRow[1], json.GetProperty("exponents").GetProperty("g").GetProperty("value"));
        Agrees(gRow[2], json.GetProperty("exponents").GetProperty("g").GetProperty("standardError"));
        AgreesInterval(gRow[4], json.GetProperty("exponents").GetProperty("g").GetProperty("ci95"));
        var aRow = Row(text, "a");
        Agrees(aRow[1], json.GetProperty("exponents").GetProperty("a").GetProperty("value"));
        AgreesInterval(aRow[4], json.GetProperty("exponents").GetProperty("a").GetProperty("ci95"));
        var budget = Row(text, "budget C", after: "5.76e23");
        var chinchilla = allocations.EnumerateArray().Single(r => r.GetProperty("compute").GetDouble() == 5.76e23);
        Agrees(budget[2], chinchilla.GetProperty("nOpt"));
        Agrees(budget[4], chinchilla.GetProperty("dOpt"));
        Agrees(budget[7], chinchilla.GetProperty("loss"));
    }

    [Fact]
    public void IsoFlopJson_HoffmannSample_VerticesAndSlopeAreTheParabolasFittedByHand()
    {
        var (json, text) = Both(Repo.Root, "isoflop", "samples/isoflop-runs.csv", "--where", "experiment=hoffmann", "--group-column", "isoflop");
        // Each budget's parabola of loss in ln N by least squares, computed here; its vertex is N_opt.
        var rows = File.ReadAllLines(Path.Combine(Repo.Root, "samples", "isoflop-runs.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[0] == "hoffmann")
            .Select(f => (Budget: f[1], N: Num(f[2]), C: Num(f[4]), Loss: Num(f[5]))).ToList();
        var lnC = new List<double>();
        var lnN = new List<double>();
        var budgets = json.GetProperty("budgets");
        foreach (var group in rows.GroupBy(r => r.Budget))
        {
            var x = group.Select(r => Math.Log(r.N)).ToArray();
            var (c0, c1, c2) = Parabola(x, group.Select(r => r.Loss).ToArray());
            double vertex = Math.Exp(-c1 / (2 * c2));
            double compute = Math.Exp(group.Average(r => Math.Log(r.C)));
            var budget = budgets.EnumerateArray().Single(b => b.GetProperty("label").GetString() == group.Key);
            Assert.Equal(vertex, budget.GetProperty("nOpt").GetDouble(), vertex * 1e-6);
            Assert.Equal(compute / (6 * budget.GetProperty("nOpt").GetDouble()), budget.GetProperty("dOpt").GetDouble(), compute * 1e-15);
            Assert.Equal(c0 - c1 * c1 / (4 * c2), budget.GetProperty("lossAtOpt").GetDouble(), 1e-9);
            var row = Row(text, group.Key, after: "minimum of each budget");
            Agrees(row[5], budget.GetProperty("nOpt"));
            AgreesInterval(row[6], budget.GetProperty("nOptCi95"));
            Agrees(row[9], budget.GetProperty("lossAtOpt"));
            lnC.Add(Math.Log(compute));
            lnN.Add(Math.Log(vertex));
        }
        // a: the slope of ln N_opt on ln C; b = 1 − a.
        double mx = lnC.Average(), my = lnN.Average();
        double slope = lnC.Zip(lnN).Sum(q => (q.First - mx) * (q.Second - my)) / lnC.Sum(v => (v - mx) * (v - mx));
        Assert.Equal(slope, json.GetProperty("a").GetDouble(), 1e-6);
        Assert.Equal(1 - slope, json.GetProperty("b").GetDouble(), 1e-6);
        Assert.Equal(9, json.GetProperty("budgetsUsed").GetInt32());
        Agrees(Row(text, "a")[1], json.GetProperty("a"));
        AgreesInterval(Row(text, "a")[4], json.GetProperty("ci95").GetProperty("a"));
        Agrees(Row(text, "logK")[2], json.GetProperty("standardErrors").GetProperty("logK"));
    }

    [Fact]
    public void TradeoffJson_Chinchilla_RungsAreTheLawAtSixNDAndTheFirstGainIsNull()
    {
        var (json, text) = Both(Repo.Root, "tradeoff", "--drop-highest-loss", "5", "--from", "1e8", "--to", "1e10");
        var law = ChinchillaLawByHand.Of(json.GetProperty("fit").GetProperty("parameters"));
        var rungs = json.GetProperty("rungs").EnumerateArray().ToList();
        Assert.Equal(7, rungs.Count);
        for (int i = 0; i < rungs.Count; i++)
        {
            double n = rungs[i].GetProperty("n").GetDouble(), d = rungs[i].GetProperty("d").GetDouble();
            Close(6 * n * d, rungs[i].GetProperty("compute"));
            Close(law.Loss(n, d), rungs[i].GetProperty("loss"));
            // The first rung has no rung before it: an empty cell in the table, null in JSON.
            if (i == 0) Assert.Equal(JsonValueKind.Null, rungs[i].GetProperty("lossGain").ValueKind);
            else Close(rungs[i - 1].GetProperty("loss").GetDouble() - rungs[i].GetProperty("loss").GetDouble(), rungs[i].GetProperty("lossGain"));
            Assert.Equal(JsonValueKind.Null, rungs[i].GetProperty("days").ValueKind);
            var row = Row(text, n.ToString("0.0e0", CultureInfo.InvariantCulture), after: "the ladder");
            Agrees(row[1], rungs[i].GetProperty("d"));
            Agrees(row[4], rungs[i].GetProperty("loss"));
            AgreesInterval(row[5], rungs[i].GetProperty("lossCi95"));
            if (i == 0) Assert.Equal("", row[6]);
            else Agrees(row[6], rungs[i].GetProperty("lossGain"));
        }
        foreach (var decade in json.GetProperty("decades").EnumerateArray())
            Close(decade.GetProperty("lossFrom").GetDouble() - decade.GetProperty("lossTo").GetDouble(), decade.GetProperty("gain"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("accelerators").ValueKind);
    }

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>y = c0 + c1·x + c2·x² by the normal equations (Cramer's rule on centred x, then moved back).</summary>
    internal static (double C0, double C1, double C2) Parabola(double[] x, double[] y)
    {
        double m = x.Average();
        var u = x.Select(v => v - m).ToArray();
        double s0 = u.Length, s1 = u.Sum(), s2 = u.Sum(v => v * v), s3 = u.Sum(v => v * v * v), s4 = u.Sum(v => v * v * v * v);
        double t0 = y.Sum(), t1 = u.Zip(y).Sum(q => q.First * q.Second), t2 = u.Zip(y).Sum(q => q.First * q.First * q.Second);
        static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
            a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        double det = Det(s0, s1, s2, s1, s2, s3, s2, s3, s4);
        double k0 = Det(t0, s1, s2, t1, s2, s3, t2, s3, s4) / det;
        double k1 = Det(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det;
        double k2 = Det(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det;
        // k0 + k1·(x − m) + k2·(x − m)² in powers of x.
        return (k0 - k1 * m + k2 * m * m, k1 - 2 * k2 * m, k2);
    }
}
