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
}
