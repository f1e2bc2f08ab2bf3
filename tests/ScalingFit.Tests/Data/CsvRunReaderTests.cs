using System.Globalization;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

public class CsvRunReaderTests
{
    [Theory]
    [InlineData("N"), InlineData("params"), InlineData("n_params"), InlineData("num_params"), InlineData("parameters"),
     InlineData("model_size"), InlineData("Model Size"), InlineData("MODEL SIZE"), InlineData("Params")]
    public void Read_ParameterAliases_FindsN(string header)
    {
        var runs = CsvRunReader.Parse($"{header},loss\n1e9,2.5\n2e9,2.4\n");
        Assert.Equal([1e9, 2e9], runs.Values(Quantity.ParameterCount).ToArray());
        Assert.Equal(header, runs.Origin(Quantity.ParameterCount)!.Column);
    }

    [Theory]
    [InlineData("D", Quantity.TrainingTokens), InlineData("tokens", Quantity.TrainingTokens), InlineData("n_tokens", Quantity.TrainingTokens),
     InlineData("train_tokens", Quantity.TrainingTokens), InlineData("training_tokens", Quantity.TrainingTokens),
     InlineData("C", Quantity.Compute), InlineData("flops", Quantity.Compute), InlineData("compute", Quantity.Compute),
     InlineData("Training FLOP", Quantity.Compute), InlineData("budget", Quantity.Compute)]
    public void Read_TokenAndComputeAliases_FindsQuantity(string header, Quantity expected)
    {
        var runs = CsvRunReader.Parse($"N,{header},loss\n1e9,3e10,2.5\n");
        Assert.Equal(3e10, runs.Value(expected, 0));
    }

    [Theory]
    [InlineData("loss"), InlineData("eval_loss"), InlineData("val_loss"), InlineData("train_loss"), InlineData("Eval_Loss")]
    public void Read_LossAliases_FindsLoss(string header)
    {
        var runs = CsvRunReader.Parse($"N,{header}\n1e9,2.5\n");
        Assert.Equal(2.5, runs.Value(Quantity.Loss, 0));
    }

    [Fact]
    public void Read_SeveralLossColumns_RefusesNamingBoth()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N,train_loss,eval_loss\n1e9,2.0,2.5\n"));
        Assert.Contains("'train_loss', 'eval_loss'", e.Message);
        Assert.Contains("--loss-column", e.Message);
        var chosen = CsvRunReader.Parse("N,train_loss,eval_loss\n1e9,2.0,2.5\n", "x.csv", new RunReadOptions { LossColumn = "eval_loss" });
        Assert.Equal(2.5, chosen.Value(Quantity.Loss, 0));
    }

    [Fact]
    public void Read_ColumnOverrides_UseNamedColumns()
    {
        var options = new RunReadOptions { ParameterCountColumn = "width_params", LossColumn = "my loss" };
        var runs = CsvRunReader.Parse("width_params,N,my loss,loss\n5e8,1,3.0,9\n", "x.csv", options);
        Assert.Equal(5e8, runs.Value(Quantity.ParameterCount, 0));
        Assert.Equal(3.0, runs.Value(Quantity.Loss, 0));
        Assert.Contains("N", runs.TextColumnNames);
    }

    [Fact]
    public void Read_OverrideMissing_NamesColumnAndLists()
    {
        var e = Assert.Throws<DataException>(() =>
            CsvRunReader.Parse("N,loss\n1,2\n", "x.csv", new RunReadOptions { TrainingTokensColumn = "toks" }));
        Assert.Contains("'toks'", e.Message);
        Assert.Contains("'N', 'loss'", e.Message);
    }

    [Fact]
    public void Read_IntegerBeyond64Bits_ReadAsDouble()
    {
        var runs = CsvRunReader.Parse("N,C,loss\n1e9,9456351902178213888,2.5\n1e9,123456789012345678901234567890,2.5\n");
        Assert.Equal(9456351902178213888.0, runs.Value(Quantity.Compute, 0));
        Assert.Equal(1.2345678901234568e29, runs.Value(Quantity.Compute, 1), 1e15);
    }

    [Fact]
    public void Read_OtherColumns_KeptAsText()
    {
        var runs = CsvRunReader.Parse("run,N,loss,lr\na,1e9,2.5,3e-4\nb,2e9,2.4,1e-4\n");
        Assert.Equal(["run", "lr"], runs.TextColumnNames);
        Assert.Equal(["run", "N", "loss", "lr"], runs.ColumnNames);
        Assert.Equal("b", runs.Text("run", 1));
        Assert.Equal("3e-4", runs.Text("LR", 0));
    }

    [Fact]
    public void Read_TextInNumericCell_NamesLineAndColumn()
    {
        var runs = CsvRunReader.Parse("N,loss\n1e9,2.5\n\n2e9,abc\n", "runs.csv");
        var e = Assert.Throws<DataException>(() => runs.Values(Quantity.Loss).ToArray());
        Assert.Equal(4, e.Line);
        Assert.Equal("loss", e.Column);
        Assert.StartsWith("runs.csv, line 4, column 'loss': 'abc' is not a number;", e.Message);
    }

    [Fact]
    public void Read_DecimalComma_ExplainsInvariantNumbers()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N;loss\n1000000000;\"2,5\"\n", "eu.csv").Values(Quantity.Loss).ToArray());
        Assert.Contains("decimal comma", e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Read_ThousandsSeparator_IsNotSilentlyReadAsAnotherNumber()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N,loss\n\"1,000\",2.5\n", "runs.csv").Values(Quantity.ParameterCount).ToArray());
        Assert.Contains("thousands separators", e.Message);
        Assert.Equal((2L, "N"), (e.Line!.Value, e.Column));
    }

    [Fact]
    public void Read_EmptyCell_NamesLineAndColumn()
    {
        var e = Assert.Throws<DataException>(() => RunPreparation.Prepare(CsvRunReader.Parse("N,D,loss\n1e9,,2.5\n", "runs.csv"), RunSelection.None));
        Assert.Equal((2L, "D"), (e.Line!.Value, e.Column));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Read_EmptyCellWithDropIncomplete_DropsAndNotes()
    {
        var runs = Runs.Load(new MemoryStream("N,eval_loss\n1e9,\n1e9,2.5\n2e9,\n"u8.ToArray()), "log.csv", new RunReadOptions { DropIncompleteRows = true });
        Assert.Equal(1, runs.Count);
        Assert.Equal(3, runs.Line(0));
        Assert.Contains(runs.Notes, n => n.Contains("dropped 2 rows"));
    }

    [Fact]
    public void Read_RaggedRow_NamesLine()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N,loss\n1e9,2.5\n2e9,2.4,7\n", "runs.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("3 fields but the header has 2", e.Message);
    }

    [Fact]
    public void Read_MissingLossColumn_ListsAliases()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N,perplexity\n1e9,12\n", "runs.csv"));
        Assert.Contains("'loss', 'eval_loss', 'val_loss'", e.Message);
        Assert.Contains("'perplexity' looks like a perplexity", e.Message);
        Assert.Contains("--loss-transform ln", e.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    [InlineData("N,loss\n", "no rows")]
    public void Read_EmptyOrHeaderOnly_Explains(string csv, string expected)
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse(csv, "runs.csv"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("runs.csv", e.Message);
    }

    [Fact]
    public void Read_CommaDecimalCulture_ReadsTheSameNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var runs = CsvRunReader.Parse("N,loss\n1.5e9,2.25\n");
            Assert.Equal(1.5e9, runs.Value(Quantity.ParameterCount, 0));
            Assert.Equal(2.25, runs.Value(Quantity.Loss, 0));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Read_BuiltInChinchilla_Has245RunsWithNAndC()
    {
        using var stream = Datasets.OpenChinchilla();
        var runs = CsvRunReader.Read(stream, Datasets.ChinchillaName);
        Assert.Equal(245, runs.Count);
        Assert.Equal("Model Size", runs.Origin(Quantity.ParameterCount)!.Column);
        Assert.Equal("Training FLOP", runs.Origin(Quantity.Compute)!.Column);
        Assert.False(runs.Has(Quantity.TrainingTokens));
    }
}
