using System.Globalization;
using System.Text;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>
/// The data warnings at their thresholds: the same hand-made table just past and just short of each (issue 11:
/// every warning has a test that triggers it and one that does not). The thresholds are the documented ones
/// (a loss above 20 nats per token; N at most 1000; median D/N below 1; C/(6ND) outside [0.9, 1.1]).
/// </summary>
public class DataWarningSidesTests
{
    private static RunSet Prepare(string csv, RunSelection? selection = null) =>
        RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), selection ?? RunSelection.None);

    private static string Table(string header, IEnumerable<double[]> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.Append(string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        return text.ToString();
    }

    private static bool Warns(RunSet runs, string code) => runs.Warnings.Any(w => w.Code == code);

    [Theory]
    [InlineData(20.5, true)]
    [InlineData(19.5, false)]
    public void LossAbove20_OneDivergedRunAmongPlausibleLosses(double diverged, bool warns)
    {
        // Five runs of L = (8.8e13/N)^0.076 (Kaplan eq. 1.1) and a sixth whose loss is the one on the threshold's side.
        var rows = new[] { 1e7, 1e8, 1e9, 1e10, 1e11 }.Select(n => new[] { n, Math.Pow(8.8e13 / n, 0.076) }).Append([3e7, diverged]);
        var runs = Prepare(Table("N,loss", rows));
        Assert.Equal(warns, Warns(runs, DataWarning.LossAbove20));
        if (warns) Assert.Contains("1 of 6 runs", runs.Warnings.Single(w => w.Code == DataWarning.LossAbove20).Message);
    }

    [Theory]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    public void ParameterUnit_OnlyWhenTheLargestNIsBelowAThousand(double largest, bool warns)
    {
        var rows = new[] { largest / 8, largest / 4, largest / 2, largest }.Select(n => new[] { n, 2.0 + 1 / Math.Log(n) });
        Assert.Equal(warns, Warns(Prepare(Table("N,loss", rows)), DataWarning.ParameterUnit));
    }

    [Fact]
    public void ParameterUnit_NotWhenTheHeaderGivesTheUnit()
    {
        var rows = new[] { 0.125, 0.25, 0.5, 1.0 }.Select(n => new[] { n, 2.0 + 0.1 / n });
        var runs = Prepare(Table("params (B),loss", rows));
        Assert.False(Warns(runs, DataWarning.ParameterUnit));
        Assert.Equal(1e9, runs.Values(Quantity.ParameterCount).ToArray().Max());
    }

    [Theory]
    [InlineData(0.9, true)]
    [InlineData(1.1, false)]
    public void TokenUnit_OnlyWhenTheMedianDOverNIsBelowOne(double ratio, bool warns)
    {
        var rows = new[] { 1e8, 1e9, 1e10 }.Select(n => new[] { n, ratio * n, Math.Pow(8.8e13 / n, 0.076) });
        Assert.Equal(warns, Warns(Prepare(Table("N,D,loss", rows)), DataWarning.TokenUnit));
    }

    [Theory]
    [InlineData(1.12, true)]
    [InlineData(1.08, false)]
    [InlineData(0.88, true)]
    [InlineData(0.92, false)]
    public void ComputeConvention_OutsideNinetyToHundredTenPercentOf6ND(double factor, bool warns)
    {
        var rows = new[] { 1e8, 1e9, 1e10 }.Select(n => new[] { n, 20 * n, factor * 6 * n * 20 * n, Math.Pow(8.8e13 / n, 0.076) });
        var runs = Prepare(Table("N,D,C,loss", rows));
        Assert.Equal(warns, Warns(runs, DataWarning.ComputeConvention));
        if (!warns) Assert.Contains(runs.Notes, n => n.Contains("C/(6ND) has median " + factor.ToString("G3", CultureInfo.InvariantCulture)));
    }
}
