using System.Text.Json;
using ScalingFit.Fitting;
using ScalingFit.Reporting.Json;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>The conventions every --json output shares, on a record with values JSON cannot hold.</summary>
public class JsonConventionsTests
{
    private static FitJson Fit(double r2, double lower, double upper, double? conditionNumber) => new(
        "power", "L = (N_c/N)^α", ["N"], null, null, 3,
        new Dictionary<string, double> { ["alpha"] = 0.1 + 0.2, ["scale"] = double.PositiveInfinity },
        new Dictionary<string, double> { ["alpha"] = double.NaN, ["scale"] = double.NegativeInfinity },
        null,
        new Dictionary<string, IntervalJson> { ["alpha"] = new(lower, upper), ["scale"] = new(1, 2) },
        null, "none", null, r2, 0, 0, 0, 1, conditionNumber, null, [], 1,
        Convergence.Direct("test"), [], [], new DataJson("x.csv", 3, new Dictionary<string, string>(), [], [], [new DataWarningJson("n-unit", "m", null)]));

    [Fact]
    public void Write_NonFiniteNumbers_AreNullEverywhereAndFiniteOnesReadBackExactly()
    {
        var json = JsonDocument.Parse(JsonOutput.Write(Fit(double.NaN, double.NegativeInfinity, 0.5, null), ResultJsonContext.Default.FitJson)).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("r2").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("parameters").GetProperty("scale").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("standardErrors").GetProperty("alpha").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("standardErrors").GetProperty("scale").ValueKind);
        // An interval is [lower, upper]; an infinite bound is null.
        var ci = json.GetProperty("ci95").GetProperty("alpha");
        Assert.Equal(JsonValueKind.Null, ci[0].ValueKind);
        Assert.Equal(0.5, ci[1].GetDouble());
        // The shortest text that reads back to the same double: 0.1 + 0.2 is not 0.3.
        Assert.Equal(0.1 + 0.2, json.GetProperty("parameters").GetProperty("alpha").GetDouble());
        Assert.Contains("0.30000000000000004", json.GetRawText());
    }

    [Fact]
    public void Write_AbsentOptionalParts_AreLeftOutAsTheOutputAlwaysDid()
    {
        var json = JsonDocument.Parse(JsonOutput.Write(Fit(0.9, 0.1, 0.2, null), ResultJsonContext.Default.FitJson)).RootElement;
        foreach (var name in new[] { "y", "residuals", "constraints", "derived", "bootstrap", "conditionNumber" })
            Assert.False(json.TryGetProperty(name, out _), name);
        Assert.Equal(["code", "message"], json.GetProperty("data").GetProperty("warnings")[0].EnumerateObject().Select(p => p.Name));
        var with = JsonDocument.Parse(JsonOutput.Write(Fit(0.9, 0.1, 0.2, double.NaN), ResultJsonContext.Default.FitJson)).RootElement;
        Assert.Equal(JsonValueKind.Null, with.GetProperty("conditionNumber").ValueKind); // present but not finite: null
    }

    [Fact]
    public void Error_NoLocation_AllSevenNamesWithNulls()
    {
        var json = JsonDocument.Parse(JsonOutput.Error(new ErrorJson("bad", null, null, null, null, null, 2))).RootElement.GetProperty("error");
        Assert.Equal(["message", "file", "line", "column", "position", "key", "exitCode"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("line").ValueKind);
        Assert.Equal(2, json.GetProperty("exitCode").GetInt32());
    }
}
