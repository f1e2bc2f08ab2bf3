using ScalingFit.Fitting;
using ScalingFit.Fitting.Search;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Fitting.Search;

public class StratifiedSampleTests
{
    [Fact]
    public void Rows_OneInput_TakesEvenlySpacedQuantiles()
    {
        // 10,000 runs with 1000·ln N = 0…9999 in shuffled order: a stratified sample of 100 holds one
        // run from each block of 100 consecutive values (a simple random sample would not).
        var random = new Random(4);
        var values = Enumerable.Range(0, 10_000).Select(i => Math.Exp(i * 1e-3)).OrderBy(_ => random.Next()).ToArray();
        var data = FitData.Of([values], Enumerable.Repeat(1.0, values.Length).ToArray(), ResidualSpace.Log);
        var rows = StratifiedSample.Rows(data, 100);
        Assert.Equal(100, rows.Distinct().Count());
        var blocks = rows.Select(r => (int)Math.Round(Math.Log(values[r]) * 1e3) / 100).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 100), blocks);
    }

    [Fact]
    public void Rows_TwoInputs_FillEveryCellOfTheQuantileGrid()
    {
        // 40,000 runs, ln N and ln D independent and uniform: each of the 8×8 cells of their
        // quantile grid holds 1/64 of any stratified sample of 1,024 (16 each), within a few.
        var random = new Random(5);
        int n = 40_000;
        var u = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) u[i] = random.NextDouble();
        var data = FitData.Of([[.. Enumerable.Range(0, n).Select(i => Math.Exp(u[2 * i]))], [.. Enumerable.Range(0, n).Select(i => Math.Exp(u[2 * i + 1]))]],
            Enumerable.Repeat(1.0, n).ToArray(), ResidualSpace.Log);
        var rows = StratifiedSample.Rows(data, 1024);
        var counts = new int[64];
        foreach (int r in rows) counts[(int)(u[2 * r] * 8) * 8 + (int)(u[2 * r + 1] * 8)]++;
        Assert.All(counts, c => Assert.InRange(c, 12, 20));
    }

    [Fact]
    public void Rows_SameDataSameRows_AndAllRowsWhenAskedForMore()
    {
        var data = SeveralOptimaData();
        Assert.Equal(StratifiedSample.Rows(data, 300), StratifiedSample.Rows(data, 300));
        Assert.Equal(Enumerable.Range(0, data.Count), StratifiedSample.Rows(data, data.Count + 5));
    }

    [Fact]
    public void Take_CopiesEveryPerRunArrayOfTheRows()
    {
        var data = SeveralOptimaData();
        var sample = StratifiedSample.Take(data, [3, 10]);
        Assert.Equal(2, sample.Count);
        Assert.Equal(data.InputCount, sample.InputCount);
        for (int j = 0; j < data.InputCount; j++)
        {
            Assert.Equal([data.Columns[j][3], data.Columns[j][10]], sample.Columns[j]);
            Assert.Equal([data.LogColumns[j][3], data.LogColumns[j][10]], sample.LogColumns[j]);
        }
        Assert.Equal([data.Inputs[6], data.Inputs[7], data.Inputs[20], data.Inputs[21]], sample.Inputs);
        Assert.Equal([data.LogInputs[6], data.LogInputs[7], data.LogInputs[20], data.LogInputs[21]], sample.LogInputs);
        Assert.Equal([data.Observed[3], data.Observed[10]], sample.Observed);
        Assert.Equal([data.Target[3], data.Target[10]], sample.Target);
        Assert.Equal(data.Space, sample.Space);
    }

    [Theory]
    [InlineData(ResidualSpace.Linear)]
    [InlineData(ResidualSpace.Logit)]
    public void Take_AnotherResidualSpace_KeepsItsTarget(ResidualSpace space)
    {
        // An accuracy-like target in (0, 1), fitted with linear or logit residuals: the sample's target is the rows' own, in that space.
        var observed = new[] { 0.2, 0.4, 0.6, 0.8 };
        var data = FitData.Of([[1.0, 2, 3, 4]], observed, space);
        var sample = StratifiedSample.Take(data, [1, 3]);
        Assert.Equal(space, sample.Space);
        Assert.Equal([0.4, 0.8], sample.Observed);
        Assert.Equal([space.Transform(0.4), space.Transform(0.8)], sample.Target);
    }

    private static FitData SeveralOptimaData() => Support.SeveralOptima.Data("plain", 1000, 2);
}
