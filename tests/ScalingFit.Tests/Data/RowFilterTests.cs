using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

public class RowFilterTests
{
    private const string Log = """
        run,family,epochs,N,loss
        a,pythia,1,1e8,3.1
        b,pythia,2,2e8,2.9
        c,qwen,1,4e8,2.7
        d,qwen,0.5,8e8,2.5
        e,llama,1,1.6e9,2.3
        f,,1,3.2e9,2.1

        """;

    private static string[] Kept(string expression) =>
        Rows(RunPreparation.Filter(CsvRunReader.Parse(Log, "log.csv"), [RowFilter.Parse(expression)]));

    private static string[] Rows(RunSet runs) => Enumerable.Range(0, runs.Count).Select(i => runs.Text("run", i)).ToArray();

    [Theory]
    [InlineData("epochs <= 1 and family in (pythia, qwen)", "a,c,d")]
    [InlineData("epochs < 1", "d")]
    [InlineData("epochs >= 1", "a,b,c,e,f")]
    [InlineData("epochs > 1 or family = llama", "b,e")]
    [InlineData("not family in (pythia, qwen)", "e,f")]
    [InlineData("family not in (pythia, qwen)", "e,f")]
    [InlineData("not (epochs = 1 and family = qwen)", "a,b,d,e,f")]
    [InlineData("(family = pythia or family = qwen) and epochs = 1", "a,c")]
    [InlineData("family = pythia or family = qwen and epochs = 1", "a,b,c")]
    [InlineData("N >= 1e9", "e,f")]
    [InlineData("N = 400000000", "c")]
    [InlineData("epochs == 1.0", "a,c,e,f")]
    [InlineData("family != qwen", "a,b,e,f")]
    [InlineData("family = ''", "f")]
    [InlineData("FAMILY = \"pythia\" AND Epochs <> 2", "a")]
    [InlineData("family>=q", "c,d")]
    [InlineData("epochs in (0.5, 2)", "b,d")]
    public void Filter_Grammar_KeepsTheRowsTheExpressionDescribes(string expression, string expected) =>
        Assert.Equal(expected.Split(','), Kept(expression));

    [Fact]
    public void Filter_RowExcludedByFilter_MayHoldAnything()
    {
        const string log = "run,N,loss,split\na,1e8,3.1,train\nb,n/a,\"garbage, really\",broken\nc,4e8,2.7,train\n";
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(log, "log.csv"), new RunSelection { Where = [RowFilter.Parse("split = train")] });
        Assert.Equal([1e8, 4e8], runs.Values(Quantity.ParameterCount).ToArray());
    }

    [Theory]
    [InlineData("epochs <=", 10, "unexpected end of input")]
    [InlineData("epochs <= 1 and", 16, "unexpected end of input")]
    [InlineData("family in (a, b", 16, "expected `)`")]
    [InlineData("family ~ a", 8, "unexpected")]
    [InlineData("(epochs = 1", 12, "expected `)`")]
    [InlineData("family in ()", 12, "expected a value")]
    public void Parse_Malformed_PointsAtThePosition(string expression, int column, string problem)
    {
        var e = Assert.Throws<OptionException>(() => RowFilter.Parse(expression));
        Assert.Contains($"at character {column}", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains(expression + "\n  " + new string(' ', column - 1) + "^", e.Message);
    }

    [Fact]
    public void Filter_QuotesDoubledInsideQuotedText_AreOneQuoteAndPrintBackTheSame()
    {
        const string log = "run,say \"hi\",N,loss\na,it's,1e8,3.1\nb,\"a \"\"b\"\"\",2e8,2.9\nc,x,4e8,2.7\n";
        var runs = CsvRunReader.Parse(log, "log.csv");
        var filter = RowFilter.Parse("\"say \"\"hi\"\"\" in ('it''s', \"a \"\"b\"\"\")");
        var kept = RunPreparation.Filter(runs, [filter]);
        Assert.Equal(["a", "b"], Rows(kept));
        Assert.Equal(["a", "b"], Rows(RunPreparation.Filter(runs, [RowFilter.Parse(filter.ToString())])));
    }

    [Fact]
    public void Filter_UnknownColumn_ListsTheColumns()
    {
        var e = Assert.Throws<DataException>(() => Kept("size > 1"));
        Assert.Contains("'size'", e.Message);
        Assert.Contains("'run', 'family', 'epochs', 'N', 'loss'", e.Message);
    }

    [Fact]
    public void Filter_QuantitySymbol_ComparesTheQuantityInItsUnits()
    {
        var runs = CsvRunReader.Parse("Model Size (B),loss\n0.07,3.3\n7,2.1\n", "sizes.csv");
        var kept = RunPreparation.Filter(runs, [RowFilter.Parse("N > 1e9")]);
        Assert.Equal([7e9], kept.Values(Quantity.ParameterCount).ToArray());
        var quoted = RunPreparation.Filter(runs, [RowFilter.Parse("\"Model Size (B)\" < 1")]);
        Assert.Equal([7e7], quoted.Values(Quantity.ParameterCount).ToArray());
    }

    [Fact]
    public void Filter_RepeatedConditions_AllMustHold()
    {
        var runs = RunPreparation.Filter(CsvRunReader.Parse(Log, "log.csv"), [RowFilter.Parse("epochs = 1"), RowFilter.Parse("N < 1e9")]);
        Assert.Equal(["a", "c"], Rows(runs));
        Assert.Contains(runs.Notes, n => n == "kept 2 of 6 rows where epochs = 1 and N < 1e9");
    }
}
