using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>Any column of the runs as numbers (RunSet.Numbers), for law inputs and targets, from every reader.</summary>
public class RunSetNumbersTests
{
    private static RunSet Runs(string text, string source = "runs.csv", RunReadOptions? read = null, RunSelection? selection = null) =>
        RunPreparation.Prepare(RunReader.Parse(text, source, read), selection ?? RunSelection.None);

    [Fact]
    public void Numbers_OtherColumn_ParsedWithADecimalPointWhateverTheLocale()
    {
        var runs = Runs("N,loss,lr,name\n1e8,3,3e-4,a\n2e8,2.9,0.0002,b\n");
        Assert.Equal([3e-4, 2e-4], runs.Numbers("LR"));
    }

    [Fact]
    public void Numbers_Quantities_BySymbolOrByTheirColumnsName()
    {
        var runs = Runs("params,loss\n1e8,3\n2e8,2.9\n");
        Assert.Equal([1e8, 2e8], runs.Numbers("N"));
        Assert.Equal([1e8, 2e8], runs.Numbers("params"));
        Assert.Equal([3, 2.9], runs.Numbers("loss"));
        Assert.True(runs.HasColumn("Params"));
        Assert.False(runs.HasColumn("lr"));
    }

    [Fact]
    public void Numbers_QuantityColumn_InItsUnitAndTransformAsTheAnalysisTakesIt()
    {
        // The header's unit (millions) and --loss-transform ln apply to the column read by name, as to the quantity.
        var runs = Runs("Model Size (M),ppl\n100,20\n200,15\n", read: new RunReadOptions { LossColumn = "ppl", LossTransform = LossTransform.Ln });
        Assert.Equal([1e8, 2e8], runs.Numbers("Model Size (M)"));
        Assert.Equal([Math.Log(20), Math.Log(15)], runs.Numbers("ppl"));
    }

    [Fact]
    public void Numbers_QuantityColumn_ValidatedWhenUsed()
    {
        // Read without using N: no error. Asked for N's column by name: the bad value is named.
        var runs = Runs("N,loss,lr\n1e8,3,1e-3\n-2e8,2.9,2e-3\n", selection: RunSelection.None with { Uses = [Quantity.Loss] });
        Assert.Equal([1e-3, 2e-3], runs.Numbers("lr"));
        var e = Assert.Throws<DataException>(() => runs.Numbers("N"));
        Assert.StartsWith("runs.csv, line 3, column 'N': N is negative", e.Message);
    }

    [Theory]
    [InlineData("N,loss,lr\n1e8,3,3e-4\n2e8,2.9,fast\n", "runs.csv, line 3, column 'lr': 'fast' is not a number")]
    [InlineData("N,loss,lr\n1e8,3,\n2e8,2.9,1\n", "runs.csv, line 2, column 'lr': the cell is empty")]
    [InlineData("N,loss,lr\n1e8,3,1e999\n2e8,2.9,1\n", "runs.csv, line 2, column 'lr': '1e999' is beyond the range of a double")]
    public void Numbers_BadCell_NamesFileLineAndColumn(string csv, string message)
    {
        var e = Assert.Throws<DataException>(() => Runs(csv).Numbers("lr"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Numbers_JsonLines_NumbersAndNumbersAsText()
    {
        const string rows = "{\"N\": 1e8, \"loss\": 3, \"lr\": 3e-4}\n{\"N\": 2e8, \"loss\": 2.9, \"lr\": \"2e-4\"}\n";
        Assert.Equal([3e-4, 2e-4], Runs(rows, "runs.jsonl").Numbers("lr"));
        var e = Assert.Throws<DataException>(() => Runs(rows + "{\"N\": 4e8, \"loss\": 2.8, \"lr\": null}\n", "runs.jsonl").Numbers("lr"));
        Assert.StartsWith("runs.jsonl, line 3, column 'lr': the cell is empty", e.Message);
    }

    [Fact]
    public void Numbers_RowsLeftOutByFilters_AreNotRead()
    {
        var runs = Runs("N,loss,lr\n1e8,3,3e-4\n2e8,2.9,n/a\n4e8,2.8,1e-4\n",
            selection: RunSelection.None with { Where = [RowFilter.Parse("N != 2e8")] });
        Assert.Equal([3e-4, 1e-4], runs.Numbers("lr"));
    }

    [Fact]
    public void Numbers_Missing_ListsTheColumns() =>
        Assert.Contains("there is no column 'lr'", Assert.Throws<DataException>(() => Runs("N,loss\n1e8,3\n").Numbers("lr")).Message);
}
