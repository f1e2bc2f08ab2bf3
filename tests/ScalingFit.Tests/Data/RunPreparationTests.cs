using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

public class RunPreparationTests
{
    private static RunSet Prepare(string csv, RunSelection? selection = null) =>
        RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), selection ?? RunSelection.None);

    [Fact]
    public void Prepare_NoTokens_DerivesDFromCompute()
    {
        var runs = Prepare("N,C,loss\n1e9,6e19,2.5\n2e9,2.4e20,2.4\n");
        Assert.Equal(6e19 / (6 * 1e9), runs.Value(Quantity.TrainingTokens, 0), 1e-6);
        Assert.Equal(2.4e20 / (6 * 2e9), runs.Value(Quantity.TrainingTokens, 1), 1e-6);
        Assert.True(runs.Origin(Quantity.TrainingTokens)!.IsDerived);
        Assert.Equal("C/(6N)", runs.Origin(Quantity.TrainingTokens)!.Formula);
        Assert.Contains(runs.Notes, n => n.StartsWith("D derived as C/(6N)", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_NoCompute_DerivesSixND()
    {
        var runs = Prepare("N,D,loss\n1e9,2e10,2.5\n");
        Assert.Equal(6 * 1e9 * 2e10, runs.Value(Quantity.Compute, 0));
        Assert.True(runs.Origin(Quantity.Compute)!.IsDerived);
        Assert.False(runs.Origin(Quantity.ParameterCount)!.IsDerived);
    }

    [Fact]
    public void Prepare_NoParameters_DerivesFromComputeAndTokens()
    {
        var runs = Prepare("D,C,loss\n2e10,1.2e20,2.5\n");
        Assert.Equal(1.2e20 / (6 * 2e10), runs.Value(Quantity.ParameterCount, 0), 1e-3);
    }

    [Theory]
    [InlineData("0", "zero"), InlineData("-5", "negative"), InlineData("NaN", "NaN"), InlineData("Infinity", "infinite")]
    public void Prepare_UnloggableValue_NamesLineColumnAndWhy(string value, string what)
    {
        var e = Assert.Throws<DataException>(() => Prepare($"params,loss\n1e9,2.5\n{value},2.4\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal("params", e.Column);
        Assert.Contains(what, e.Message);
        Assert.Contains("logarithm", e.Message);
    }

    [Fact]
    public void Prepare_NumberBeyondDoubleRange_IsNotReadAsInfinity()
    {
        var e = Assert.Throws<DataException>(() => Prepare("params,loss\n1e9,2.5\n1e400,2.4\n"));
        Assert.Equal((3L, "params"), (e.Line!.Value, e.Column));
        Assert.Contains("'1e400' is beyond the range of a double", e.Message);
    }

    [Fact]
    public void Prepare_Where_KeepsMatchingRowsNumericallyAndAsText()
    {
        const string csv = "exp,lr,N,loss\na,3e-4,1e9,2.5\nb,0.0003,2e9,2.4\na,1e-4,3e9,2.3\n";
        var byText = Prepare(csv, new RunSelection { Where = [ColumnCondition.Parse("exp=a")] });
        Assert.Equal([1e9, 3e9], byText.Values(Quantity.ParameterCount).ToArray());
        var byNumber = Prepare(csv, new RunSelection { Where = [ColumnCondition.Parse("lr=0.0003")] });
        Assert.Equal([1e9, 2e9], byNumber.Values(Quantity.ParameterCount).ToArray());
        var negated = Prepare(csv, new RunSelection { Where = [ColumnCondition.Parse("exp!=a")] });
        Assert.Equal([2e9], negated.Values(Quantity.ParameterCount).ToArray());
    }

    [Fact]
    public void Prepare_WhereUnknownColumn_ListsColumns()
    {
        var e = Assert.Throws<DataException>(() =>
            Prepare("exp,N,loss\na,1e9,2.5\n", new RunSelection { Where = [ColumnCondition.Parse("run=3")] }));
        Assert.Contains("'run'", e.Message);
        Assert.Contains("'exp'", e.Message);
    }

    [Fact]
    public void Prepare_WhereMatchesNothing_Explains()
    {
        var e = Assert.Throws<DataException>(() =>
            Prepare("exp,N,loss\na,1e9,2.5\n", new RunSelection { Where = [ColumnCondition.Parse("exp=z")] }));
        Assert.Contains("no rows satisfy exp=z", e.Message);
    }

    [Fact]
    public void Prepare_DropHighestLoss_RemovesExactlyTheHighest()
    {
        var runs = Prepare("N,loss\n1,5\n2,3\n3,9\n4,1\n5,7\n", new RunSelection { DropHighestLoss = 2 });
        Assert.Equal([1.0, 2.0, 4.0], runs.Values(Quantity.ParameterCount).ToArray());
    }

    [Fact]
    public void Prepare_DropAll_Refuses()
    {
        Assert.Throws<DataException>(() => Prepare("N,loss\n1,5\n2,3\n", new RunSelection { DropHighestLoss = 2 }));
    }

    [Fact]
    public void Prepare_CheckpointsLastByStep_KeepsHighestStepEvenWhenUnordered()
    {
        const string csv = "model,seed,step,N,D,loss\n" +
                           "s,1,200,1e8,2e9,3.1\ns,1,100,1e8,1e9,3.5\ns,2,50,1e8,5e8,4.0\ns,2,150,1e8,1.5e9,3.2\nm,1,300,1e9,3e9,2.8\n";
        var runs = Prepare(csv, new RunSelection { RunColumns = ["model", "seed"], StepColumn = "step" });
        Assert.Equal([3.1, 3.2, 2.8], runs.Values(Quantity.Loss).ToArray());
        Assert.Equal([2e9, 1.5e9, 3e9], runs.Values(Quantity.TrainingTokens).ToArray());
    }

    [Fact]
    public void Prepare_CheckpointsMin_KeepsLowestLoss()
    {
        const string csv = "run,step,N,D,loss\na,1,1e8,1e9,3.0\na,2,1e8,2e9,2.7\na,3,1e8,3e9,2.9\n";
        var runs = Prepare(csv, new RunSelection { RunColumns = ["run"], StepColumn = "step", Checkpoint = CheckpointChoice.Min });
        Assert.Equal(2.7, Assert.Single(runs.Values(Quantity.Loss).ToArray()));
    }

    [Fact]
    public void Prepare_StepNotANumber_NamesLine()
    {
        var e = Assert.Throws<DataException>(() =>
            Prepare("run,step,N,loss\na,1,1e8,3\na,x,1e8,2\n", new RunSelection { RunColumns = ["run"], StepColumn = "step" }));
        Assert.Equal((3L, "step"), (e.Line!.Value, e.Column));
    }

    [Fact]
    public void Prepare_StepZeroCheckpointWithZeroTokens_IsDroppedBeforeValidation()
    {
        var runs = Prepare("run,step,N,D,loss\na,0,1e8,0,10.8\na,1000,1e8,1e9,3.0\n",
            new RunSelection { RunColumns = ["run"], StepColumn = "step" });
        Assert.Equal(1e9, runs.Value(Quantity.TrainingTokens, 0));
    }

    [Fact]
    public void ColumnCondition_Malformed_Refuses()
    {
        Assert.Throws<OptionException>(() => ColumnCondition.Parse("exp"));
        Assert.Throws<OptionException>(() => ColumnCondition.Parse("=a"));
    }
}
