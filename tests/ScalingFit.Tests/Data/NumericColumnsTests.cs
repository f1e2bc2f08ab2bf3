using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>Any column of the runs as numbers, for law inputs and targets.</summary>
public class NumericColumnsTests
{
    private static RunSet Runs(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None);

    [Fact]
    public void NumericColumn_TextColumn_ParsedWithADecimalPointWhateverTheLocale()
    {
        var runs = Runs("N,loss,lr,name\n1e8,3,3e-4,a\n2e8,2.9,0.0002,b\n");
        Assert.Equal([3e-4, 2e-4], runs.NumericColumn("LR"));
    }

    [Fact]
    public void NumericColumn_Quantities_BySymbolOrByTheirColumnsName()
    {
        var runs = Runs("params,loss\n1e8,3\n2e8,2.9\n");
        Assert.Equal([1e8, 2e8], runs.NumericColumn("N"));
        Assert.Equal([1e8, 2e8], runs.NumericColumn("params"));
        Assert.Equal([3, 2.9], runs.NumericColumn("loss"));
        Assert.True(runs.HasNumericColumn("Params"));
        Assert.False(runs.HasNumericColumn("lr"));
    }

    [Theory]
    [InlineData("N,loss,lr\n1e8,3,3e-4\n2e8,2.9,fast\n", "runs.csv, line 3, column 'lr': 'fast' is not a number")]
    [InlineData("N,loss,lr\n1e8,3,\n2e8,2.9,1\n", "runs.csv, line 2, column 'lr': the cell is empty")]
    public void NumericColumn_BadCell_NamesFileLineAndColumn(string csv, string message)
    {
        var e = Assert.Throws<DataException>(() => Runs(csv).NumericColumn("lr"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void NumericColumn_Missing_ListsTheColumns() =>
        Assert.Contains("there is no column 'lr'", Assert.Throws<DataException>(() => Runs("N,loss\n1e8,3\n").NumericColumn("lr")).Message);
}
