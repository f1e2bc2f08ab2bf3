using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

public class ShapeDerivationTests
{
    private static RunSet Prepare(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None);

    [Fact]
    public void Prepare_WidthAndDepthColumns_DeriveNAsTwelveLdSquared()
    {
        var runs = Prepare("d_model,n_layer,loss\n512,6,3.1\n768,12,2.9\n");
        Assert.Equal(12.0 * 6 * 512 * 512, runs.Value(Quantity.ParameterCount, 0));
        Assert.Equal(84_934_656, runs.Value(Quantity.ParameterCount, 1));
        Assert.Equal("12·n_layer·d_model²", runs.Origin(Quantity.ParameterCount)!.Formula);
        Assert.Contains(runs.Notes, n => n.StartsWith("N derived as 12·n_layer·d_model²", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_FeedForwardAndAttentionColumns_UseFullFormula()
    {
        var runs = Prepare("D_MODEL,n_layer,d_ff,d_attn,loss\n1024,8,3000,512,3.0\n");
        Assert.Equal(2.0 * 1024 * 8 * (2 * 512 + 3000), runs.Value(Quantity.ParameterCount, 0));
        Assert.Equal("2·d_model·n_layer·(2·d_attn + d_ff)", runs.Origin(Quantity.ParameterCount)!.Formula);
    }

    [Fact]
    public void Prepare_OnlyFeedForwardColumn_AttentionDefaultsToWidth()
    {
        var runs = Prepare("d_model,n_layer,d_ff,loss\n1024,8,2816,3.0\n");
        Assert.Equal(2.0 * 1024 * 8 * (2 * 1024 + 2816), runs.Value(Quantity.ParameterCount, 0));
        Assert.Contains(runs.Notes, n => n.Contains("d_attn = d_model"));
    }

    [Fact]
    public void Prepare_ShapesAndTokens_DeriveNThenCompute()
    {
        var runs = Prepare("d_model,n_layer,tokens,loss\n768,12,1e9,2.9\n");
        Assert.Equal(6.0 * 84_934_656 * 1e9, runs.Value(Quantity.Compute, 0), 1e3);
        Assert.Equal("6ND", runs.Origin(Quantity.Compute)!.Formula);
    }

    [Fact]
    public void Prepare_ParameterColumnPresent_ShapesAreNotUsed()
    {
        var runs = Prepare("params,d_model,n_layer,loss\n1.5e8,768,12,2.9\n");
        Assert.Equal(1.5e8, runs.Value(Quantity.ParameterCount, 0));
        Assert.False(runs.Origin(Quantity.ParameterCount)!.IsDerived);
    }

    [Theory]
    [InlineData("0", "got '0'")]
    [InlineData("-6", "got '-6'")]
    [InlineData("6.5", "got '6.5'")]
    [InlineData("six", "got 'six'")]
    [InlineData("", "the cell is empty")]
    public void Prepare_BadShapeCell_NamesLineAndColumn(string cell, string got)
    {
        var e = Assert.Throws<DataException>(() => Prepare($"d_model,n_layer,loss\n512,6,3.1\n768,{cell},2.9\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal("n_layer", e.Column);
        Assert.Contains("positive integer", e.Message);
        Assert.Contains(got, e.Message);
    }

    [Fact]
    public void Prepare_WidthAndDepthAliases_DeriveNAsTwelveLdSquared()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("width,depth,loss\n768,12,3.3\n1024,24,3.0\n", "sweep.csv"), RunSelection.None);
        Assert.Equal([12.0 * 12 * 768 * 768, 12.0 * 24 * 1024 * 1024], runs.Values(Quantity.ParameterCount).ToArray());
        Assert.Contains(runs.Notes, n => n.Contains("d_model from 'width', n_layer from 'depth'"));
    }
}
