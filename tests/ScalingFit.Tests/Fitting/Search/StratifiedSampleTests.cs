using ScalingFit.Fitting;
using ScalingFit.Fitting.Search;

namespace ScalingFit.Tests.Fitting.Search;

public class StratifiedSampleTests
{
    [Fact]
    public void Rows_OneInput_TakesEvenlySpacedQuantiles()
    {
        // 10,000 runs with ln N = 0…9999 in shuffled order: a stratified sample of 100 holds one
        // run from each block of 100 consecutive values (a simple random sample would not).
        var random = new Random(4);
        var values = Enumerable.Range(0, 10_000).Select(i => (double)i).OrderBy(_ => random.Next()).ToArray();
        var data = new FitData(values, new double[values.Length], 1);
        var rows = StratifiedSample.Rows(data, 100);
        Assert.Equal(100, rows.Distinct().Count());
        var blocks = rows.Select(r => (int)values[r] / 100).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 100), blocks);
    }

    [Fact]
    public void Rows_TwoInputs_FillEveryCellOfTheQuantileGrid()
    {
        // 40,000 runs, ln N and ln D independent and uniform: each of the 8×8 cells of their
        // quantile grid holds 1/64 of any stratified sample of 1,024 (16 each), within a few.
        var random = new Random(5);
        int n = 40_000;
        var logX = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) logX[i] = random.NextDouble();
        var data = new FitData(logX, new double[n], 2);
        var rows = StratifiedSample.Rows(data, 1024);
        var counts = new int[64];
        foreach (int r in rows) counts[(int)(logX[2 * r] * 8) * 8 + (int)(logX[2 * r + 1] * 8)]++;
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
    public void Take_CopiesTheRowsInputsAndLoss()
    {
        var data = SeveralOptimaData();
        var sample = StratifiedSample.Take(data, [3, 10]);
        Assert.Equal([data.LogInputs[6], data.LogInputs[7], data.LogInputs[20], data.LogInputs[21]], sample.LogInputs);
        Assert.Equal([data.LogLoss[3], data.LogLoss[10]], sample.LogLoss);
    }

    private static FitData SeveralOptimaData() => Support.SeveralOptima.Data("plain", 1000, 2);
}
