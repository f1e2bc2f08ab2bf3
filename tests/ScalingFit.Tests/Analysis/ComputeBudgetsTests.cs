using ScalingFit.Analysis;

namespace ScalingFit.Tests.Analysis;

public class ComputeBudgetsTests
{
    [Fact]
    public void LogSpaced_DecadeRange_GivesOneBudgetPerDecade()
    {
        var budgets = ComputeBudgets.LogSpaced(1e18, 1e26);
        Assert.Equal(Enumerable.Range(18, 9).Select(k => Math.Pow(10, k)), budgets);
    }

    [Fact]
    public void LogSpaced_WithPoints_SpacesEvenlyInLogAndKeepsTheEnds()
    {
        var budgets = ComputeBudgets.LogSpaced(1e20, 1e22, 5);
        Assert.Equal(5, budgets.Count);
        Assert.Equal(1e20, budgets[0]);
        Assert.Equal(1e21, budgets[2]);
        Assert.Equal(1e22, budgets[4]);
        Assert.Equal(Math.Sqrt(10) * 1e20, budgets[1], 1e20 * 1e-12);
    }

    [Fact]
    public void LogSpaced_OnePoint_Refuses()
    {
        Assert.Throws<OptionException>(() => ComputeBudgets.LogSpaced(1e18, 1e20, 1));
    }

    [Theory]
    [InlineData(1.296e22, 1.3e23)] // the largest built-in Chinchilla run
    [InlineData(1e21, 1e22)]
    [InlineData(9.96e20, 1e22)]
    [InlineData(3.04e18, 3e19)]
    public void DecadePast_IsTenTimesTheLargestToTwoDigits(double largest, double headline) =>
        Assert.Equal(headline, ComputeBudgets.DecadePast(largest), headline * 1e-12);

    [Fact]
    public void Spanning_DecadesOfTheDataThroughTheDecadePastWithTheExtraBudgetsInOrder()
    {
        // Runs from 6e18 to 1.3e22 FLOP: the decades 1e18 to 1e23, the headline 1.3e23 and Chinchilla's 5.76e23.
        var budgets = ComputeBudgets.Spanning(6e18, 1.296e22, 1.3e23, 5.76e23);
        Assert.Equal([1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1.3e23, 5.76e23], budgets);
        // An extra budget that is already a decade is not repeated.
        Assert.Equal([1e19, 1e20, 1e21, 1e22], ComputeBudgets.Spanning(1e19, 1e21, 1e22));
    }
}
