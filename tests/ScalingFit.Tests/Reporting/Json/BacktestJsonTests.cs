using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;
using static ScalingFit.Tests.Reporting.Json.FitJsonTests;
using static ScalingFit.Tests.Reporting.Json.Printed;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>backtest and compare --json through the shipped tool, against the data file, the criteria's definitions and the tables.</summary>
public class BacktestJsonTests
{
    [Fact]
    public void BacktestJson_PowerLaw_EachHeldOutRunIsItsLineOfTheFileAndTheSummaryItsMean()
    {
        using var folder = new TempFolder();
        var (csv, _, _) = PowerRuns();
        File.WriteAllText(folder.File("runs.csv"), csv);
        var (json, text) = Both(folder.Path, "backtest", "runs.csv", "--holdout-fraction", "0.25");
        var lines = File.ReadAllLines(folder.File("runs.csv"));
        var fit = json.GetProperty("fit").GetProperty("parameters");
        double slope = fit.GetProperty("slope").GetDouble(), intercept = fit.GetProperty("intercept").GetDouble();
        var predictions = json.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(3, predictions.Count);
        Assert.Equal(3, json.GetProperty("heldOutRuns").GetInt32());
        Assert.Equal(9, json.GetProperty("trainingRuns").GetInt32());
        int inside = 0;
        foreach (var p in predictions)
        {
            // "line" is the file's line, header first: its N and loss are the run's.
            var fields = lines[p.GetProperty("line").GetInt32() - 1].Split(',');
            double n = double.Parse(fields[0], CultureInfo.InvariantCulture), actual = double.Parse(fields[1], CultureInfo.InvariantCulture);
            Assert.Equal(n, p.GetProperty("at").GetProperty("N").GetDouble());
            Assert.Equal(actual, p.GetProperty("actual").GetDouble());
            double predicted = Math.Exp(intercept + slope * Math.Log(n));
            Close(predicted, p.GetProperty("predicted"));
            Close((predicted - actual) / actual, p.GetProperty("relativeError"));
            bool within = p.GetProperty("lower").GetDouble() <= actual && actual <= p.GetProperty("upper").GetDouble();
            Assert.Equal(within, p.GetProperty("inside").GetBoolean());
            if (within) inside++;
            var row = Row(text, p.GetProperty("line").GetInt32().ToString(CultureInfo.InvariantCulture), after: "held-out runs");
            // line │ N │ actual │ predicted │ rel error │ 95% interval │ inside
            Agrees(row[2], p.GetProperty("actual"));
            Agrees(row[3], p.GetProperty("predicted"));
            Agrees(row[4], p.GetProperty("relativeError").GetDouble() * 100);
            Assert.Equal(within ? "yes" : "no", row[6]);
            AgreesInterval(row[5], JsonDocument.Parse($"[{p.GetProperty("lower").GetRawText()}, {p.GetProperty("upper").GetRawText()}]").RootElement);
        }
        Close(predictions.Average(p => Math.Abs(p.GetProperty("relativeError").GetDouble())), json.GetProperty("meanAbsoluteRelativeError"));
        Close(predictions.Average(p => p.GetProperty("relativeError").GetDouble()), json.GetProperty("meanRelativeError"));
        Assert.Equal(inside, json.GetProperty("inside").GetInt32());
        Assert.Equal(inside / 3.0, json.GetProperty("coverage").GetDouble(), 12);
        Agrees(Value(text, "mean |rel error|"), json.GetProperty("meanAbsoluteRelativeError").GetDouble() * 100);
    }

    [Fact]
    public void CompareJson_PowerAndJoint_CriteriaFollowTheirDefinitionAndTheTable()
    {
        var (json, text) = Both(Repo.Root, "compare", "--drop-highest-loss", "5", "--laws", "power,joint");
        var laws = json.GetProperty("laws").EnumerateArray().ToList();
        Assert.Equal([1, 2], laws.Select(l => l.GetProperty("rank").GetInt32()));
        Assert.True(laws[0].GetProperty("backtest").GetProperty("meanAbsoluteRelativeError").GetDouble()
                    <= laws[1].GetProperty("backtest").GetProperty("meanAbsoluteRelativeError").GetDouble());
        double bestAic = laws.Min(l => l.GetProperty("aic").GetDouble()), bestBic = laws.Min(l => l.GetProperty("bic").GetDouble());
        const int n = 240;
        foreach (var law in laws)
        {
            // The definition the output states: σ̂² = SSR/n, ln ℒ = −(n/2)(ln 2πσ̂² + 1), AIC = 2(k+1) − 2 ln ℒ, BIC = (k+1) ln n − 2 ln ℒ.
            int k = law.GetProperty("parameters").GetInt32();
            double ssr = law.GetProperty("sumOfSquares").GetDouble();
            double logLikelihood = -n / 2.0 * (Math.Log(2 * Math.PI * ssr / n) + 1);
            Close(logLikelihood, law.GetProperty("logLikelihood"));
            Close(2 * (k + 1) - 2 * logLikelihood, law.GetProperty("aic"));
            Close((k + 1) * Math.Log(n) - 2 * logLikelihood, law.GetProperty("bic"));
            Assert.Equal(law.GetProperty("aic").GetDouble() - bestAic, law.GetProperty("deltaAic").GetDouble(), 9);
            Assert.Equal(law.GetProperty("bic").GetDouble() - bestBic, law.GetProperty("deltaBic").GetDouble(), 9);
            Assert.Equal(JsonValueKind.Null, law.GetProperty("error").ValueKind);
            var row = Row(text, law.GetProperty("law").GetString()!, after: "laws ranked", column: 1);
            Assert.Equal(law.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(k.ToString(CultureInfo.InvariantCulture), row[3]);
            Agrees(row[4], law.GetProperty("backtest").GetProperty("meanAbsoluteRelativeError").GetDouble() * 100);
            Agrees(row[7], law.GetProperty("aic"));
            Agrees(row[9], law.GetProperty("bic"));
            Agrees(row[11], law.GetProperty("residualStd"));
        }
        Assert.Equal(240, json.GetProperty("data").GetProperty("runs").GetInt32());
    }
}
