using System.Globalization;
using System.Text;
using ScalingFit.Data;

namespace ScalingFit.Tests.Data;

/// <summary>Units, what the numbers mean, pooling, independence and compute conventions, each with a hand-made table.</summary>
public class DataChecksTests
{
    private static RunSet Prepare(string csv, RunSelection? selection = null, RunReadOptions? read = null) =>
        RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv", read), selection ?? RunSelection.None);

    [Theory]
    [InlineData("Model Size (B)", 1e9), InlineData("params (M)", 1e6), InlineData("N [K]", 1e3), InlineData("tokens (T)", 1e12),
     InlineData("Training FLOP (1E21)", 1e21), InlineData("num_params (billions)", 1e9), InlineData("C (PF-days)", 8.64e19)]
    public void Read_UnitInHeader_ScalesTheColumnAndSaysSo(string header, double scale)
    {
        var runs = CsvRunReader.Parse($"{header},loss\n0.5,3\n2,2.5\n", "u.csv");
        var q = Quantities.All.Single(q => runs.Origin(q)?.Column == header);
        Assert.Equal([0.5 * scale, 2 * scale], runs.Values(q).ToArray());
        Assert.Contains(runs.Notes, n => n.Contains(header) && n.Contains("as its header says"));
        Assert.Contains("×", runs.Origin(q)!.ToString());
    }

    [Fact]
    public void Read_UnitOption_ScalesAHeaderWithoutUnit()
    {
        var runs = CsvRunReader.Parse("N,D,loss\n7,1.4,2\n", "u.csv", new RunReadOptions
        {
            ParameterCountUnit = ColumnUnit.Parse("B", "N"), TrainingTokensUnit = ColumnUnit.Parse("T", "D"),
        });
        Assert.Equal((7e9, 1.4e12), (runs.Value(Quantity.ParameterCount, 0), runs.Value(Quantity.TrainingTokens, 0)));
    }

    [Theory]
    [InlineData("M", false)]   // the header says billions: 0.07 read as 7e4 parameters would be wrong by 1000x
    [InlineData("B", true)]
    [InlineData("1e9", true)]
    public void Read_UnitOptionAgainstAUnitInTheHeader_MustAgree(string unit, bool agrees)
    {
        var options = new RunReadOptions { ParameterCountUnit = ColumnUnit.Parse(unit, "N") };
        const string csv = "Model Size (B),loss\n0.07,3.3\n7,2.1\n";
        if (agrees)
        {
            Assert.Equal(7e7, CsvRunReader.Parse(csv, "u.csv", options).Value(Quantity.ParameterCount, 0), 1e-3);
            return;
        }
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse(csv, "u.csv", options));
        Assert.Contains("column 'Model Size (B)'", e.Message);
        Assert.Contains("says its unit is B (×1e9), but the unit given for N is M (×1e6)", e.Message);
    }

    [Fact]
    public void Prepare_RunsTableWithAStepAndARunName_IsNotCheckpoints()
    {
        // A W&B runs-table export: one row per run ('Name'), '_step' the last step each run logged.
        var runs = Prepare("Name,_step,params,eval/loss\nrun-a,1000,1e8,3.1\nrun-b,1000,1e8,3.12\nrun-c,2000,4e8,2.8\nrun-d,3000,1.6e9,2.5\n");
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
    }

    [Fact]
    public void Read_DuplicateHeader_NamesBothColumns()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("N,loss,Loss\n1,2,3\n", "d.csv"));
        Assert.Contains("columns 2 and 3", e.Message);
        Assert.Contains("'loss'", e.Message);
    }

    [Fact]
    public void Read_TwoColumnsForOneQuantity_NamesBoth()
    {
        var e = Assert.Throws<DataException>(() => CsvRunReader.Parse("num_params,non_embedding_params,loss\n1,2,3\n", "d.csv"));
        Assert.Contains("'num_params', 'non_embedding_params'", e.Message);
        Assert.Contains("--n-column", e.Message);
    }

    [Theory]
    [InlineData("val_ppl", "12.5\n25\n40\n", "its name says perplexity")]
    [InlineData("loss", "35\n60\n142\n", "its median is 60")]
    public void Prepare_Perplexity_RefusedWithTheTransformOffered(string column, string values, string why)
    {
        string csv = $"N,{column}\n" + string.Join("", values.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((v, i) => $"{(i + 1) * 1e8},{v}\n"));
        var e = Assert.Throws<DataException>(() => Prepare(csv, read: new RunReadOptions { LossColumn = column }));
        Assert.Contains(why, e.Message);
        Assert.Contains("--loss-transform ln", e.Message);
        var runs = Prepare(csv, read: new RunReadOptions { LossColumn = column, LossTransform = LossTransform.Ln });
        Assert.Equal(Math.Log(double.Parse(values.Split('\n')[0], CultureInfo.InvariantCulture)), runs.Value(Quantity.Loss, 0), 12);
        Assert.Contains(runs.Notes, n => n.Contains("perplexity"));
    }

    [Fact]
    public void Prepare_AccuracyRisingWithN_Warns()
    {
        var runs = Prepare("N,loss\n1e8,0.31\n2e8,0.35\n4e8,0.42\n8e8,0.48\n1.6e9,0.55\n");
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.AccuracyLikeLoss);
        Assert.Contains("ρ = 1", w.Message);
        Assert.Contains("--y 'loss' --residuals logit", w.Message);
    }

    [Fact]
    public void Prepare_FallingLossBelowOne_IsNotTakenForAnAccuracy()
    {
        var runs = Prepare("N,loss\n1e8,0.9\n2e8,0.8\n4e8,0.7\n8e8,0.6\n");
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.AccuracyLikeLoss);
    }

    [Fact]
    public void Prepare_NInBillionsWithoutUnit_HintsAtTheUnit()
    {
        var runs = Prepare("Model Size,D,loss\n0.41,3e11,2.8\n1.4,3e11,2.5\n7.0,3e11,2.2\n");
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.ParameterUnit);
        Assert.Contains("at most 7", w.Message);
        Assert.Contains("--n-unit", w.Message);
    }

    [Fact]
    public void Prepare_TokensInBillions_DBelowNHint()
    {
        var runs = Prepare("N,D,loss\n1e8,2,3\n1e9,20,2.5\n");
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.TokenUnit);
        Assert.Contains("median D/N", w.Message);
    }

    [Fact]
    public void Prepare_ForwardOnlyCompute_WarnsWithRatioAndConvention()
    {
        // C = 2ND: one third of 6ND.
        var csv = new StringBuilder("N,D,C,loss\n");
        foreach (var (n, d) in new[] { (1e8, 2e9), (4e8, 8e9), (1.6e9, 3.2e10) })
            csv.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{2 * n * d:R},3\n");
        var runs = Prepare(csv.ToString());
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.ComputeConvention);
        Assert.Contains("C is 0.33·6ND", w.Message);
        Assert.Contains("forward-only FLOPs (2ND)", w.Message);

        var fixedRuns = Prepare(csv.ToString(), new RunSelection { ComputeConvention = ComputeConvention.SixND, ComputeConventionChosen = true });
        Assert.Equal(6 * 1e8 * 2e9, fixedRuns.Value(Quantity.Compute, 0), 1e6);
        Assert.DoesNotContain(fixedRuns.Warnings, w => w.Code == DataWarning.ComputeConvention);
        Assert.Equal("derived as 6ND", fixedRuns.Origin(Quantity.Compute)!.ToString());
    }

    [Theory]
    [InlineData(8.64e19, 1.0, "--c-unit PF-days")]   // C in PF-days (Kaplan et al. 2020's unit)
    [InlineData(1e21, 1.0, "--c-unit 1e21")]         // C in units of 1e21 FLOP
    [InlineData(1.0, 1e9, "--n-unit or --d-unit")]  // C in FLOP, N in billions without a unit: C is 1e9·6ND
    public void Prepare_ComputeOrSizeInAnotherUnit_NamesTheUnitThatFixesIt(double cUnit, double nUnit, string advice)
    {
        var csv = new StringBuilder("N,D,C,loss\n");
        foreach (var (n, d) in new[] { (1e8, 2e9), (4e8, 8e9), (1.6e9, 3.2e10) })
            csv.Append(CultureInfo.InvariantCulture, $"{n / nUnit:R},{d:R},{6 * n * d / cUnit:R},3\n");
        var w = Assert.Single(Prepare(csv.ToString()).Warnings, w => w.Code == DataWarning.ComputeConvention);
        Assert.Contains(advice, w.Message);
        Assert.Equal(nUnit == 1 ? 1 : 0, CountOf(w.Message, "--c-unit"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Prepare_ConsistentCompute_ReportsTheRatioAsANote()
    {
        var runs = Prepare("N,D,C,loss\n1e8,2e9,1.2e18,3\n1e9,2e10,1.26e20,2.5\n");
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.ComputeConvention);
        Assert.Contains(runs.Notes, n => n.StartsWith("C/(6ND) has median 1.02 (range 1 to 1.05)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1), InlineData(2), InlineData(7), InlineData(1000), InlineData(1001)]
    public void Median_BySelection_EqualsTheMedianOfTheSortedValues(int n)
    {
        var random = new Random(n);
        var values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 10, 1)).ToArray();
        var sorted = values.Order().ToArray();
        double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Assert.Equal(expected, MeaningChecks.Median(values));
    }

    [Fact]
    public void Prepare_TextColumnSplittingTheRuns_WarnsAndSuggestsAFilter()
    {
        var csv = new StringBuilder("config,N,loss\n");
        foreach (var config in new[] { "baseline", "wide" })
            foreach (var n in new[] { 1e8, 2e8, 4e8 })
                csv.Append(CultureInfo.InvariantCulture, $"{config},{n:R},{(config == "wide" ? 2.9 : 3.0) - n / 1e9}\n");
        var runs = Prepare(csv.ToString());
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.PooledRuns);
        Assert.Equal("config", w.Column);
        Assert.Contains("2 values of 'config'", w.Message);
        Assert.Contains("--where \"config = baseline\"", w.Message);
        Assert.DoesNotContain(Prepare(csv.ToString(), new RunSelection { Where = [RowFilter.Parse("config = wide")] }).Warnings,
            w => w.Code == DataWarning.PooledRuns);
    }

    [Fact]
    public void Prepare_NameColumnOneValuePerSize_IsNotAPoolingWarning()
    {
        var runs = Prepare("model,N,loss\npythia-70m,7e7,3.3\npythia-70m,7e7,3.2\npythia-160m,1.6e8,3.0\npythia-160m,1.6e8,2.9\n",
            new RunSelection { RunColumns = ["model"], Checkpoint = CheckpointChoice.Min });
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.PooledRuns);
    }

    [Fact]
    public void Prepare_StepColumnWithoutRunColumn_WarnsOfCheckpoints()
    {
        var csv = new StringBuilder("step,N,D,loss\n");
        foreach (var n in new[] { 1e8, 4e8 })
            foreach (var step in new[] { 1000, 2000, 3000 })
                csv.Append(CultureInfo.InvariantCulture, $"{step},{n:R},{step * 1e6:R},{3 - step / 1e4}\n");
        var runs = Prepare(csv.ToString());
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("checkpoints of 2 runs, not 6 independent runs", w.Message);
    }

    [Fact]
    public void Prepare_RepeatedPairsThatALawTellsApart_AreRuns()
    {
        // Muennighoff et al.'s runs: one (N, D) trained on several amounts of unique data are several runs of the data-constrained law.
        const string csv = "N,D,unique_tokens,loss\n1e8,4e9,1e9,3.2\n1e8,4e9,4e9,3.1\n4e8,8e9,1e9,2.9\n4e8,8e9,8e9,2.7\n";
        Assert.DoesNotContain(Prepare(csv, new RunSelection { InputColumns = ["unique_tokens"] }).Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        var w = Assert.Single(Prepare(csv).Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("2 runs, not 4", w.Message);
        // Seeds of one (N, D, U) are still repeated measurements.
        const string seeds = "seed,N,D,unique_tokens,loss\n1,1e8,4e9,1e9,3.2\n2,1e8,4e9,1e9,3.1\n1,4e8,8e9,1e9,2.9\n2,4e8,8e9,1e9,2.7\n";
        w = Assert.Single(Prepare(seeds, new RunSelection { InputColumns = ["unique_tokens"] }).Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("2 rows repeat (N, D, unique_tokens)", w.Message);
    }

    [Fact]
    public void Prepare_RepeatedPairs_WarnOfRepeatedEvaluations()
    {
        var runs = Prepare("valset,N,D,loss\na,1e8,2e9,3.0\nb,1e8,2e9,3.1\na,4e8,8e9,2.6\nb,4e8,8e9,2.7\n");
        Assert.Contains(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns && w.Message.Contains("2 runs, not 4"));
        Assert.Contains(runs.Warnings, w => w.Code == DataWarning.PooledRuns && w.Column == "valset");
    }

    private static RunSet Misfitting(RunSelection selection) => RunPreparation.Prepare(
        RunReader.ReadPath(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "Tools", "misfitting-last-ckpt-head.csv")), selection);

    [Fact]
    public void Prepare_LearningRateSweepOfPublishedData_WarnsOfASweepAndPointsAtTheBestRowPerPair()
    {
        // 50 final checkpoints of (Mis)Fitting's sweep: 20 (N, D) pairs, each at several peak_lr (SOURCES.md).
        var w = Assert.Single(Misfitting(RunSelection.None).Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("of 20 runs, not 50 independent runs (30 rows repeat an (N, D) pair; within a pair 'peak_lr'", w.Message);
        Assert.Contains("--run-column N,D --select-by loss --select min", w.Message);
        Assert.Equal("peak_lr", w.Column);
    }

    [Fact]
    public void Prepare_BatchesOfOneGridAfterTheBestRowPerPair_AreNotPooledRuns()
    {
        // Each (N, D) once: the 'sweep' column names the batch a run was launched in, and splits no run.
        var runs = Misfitting(new RunSelection { RunColumns = ["N", "D"], SelectBy = "loss", Checkpoint = CheckpointChoice.Min });
        Assert.Equal(20, runs.Count);
        Assert.DoesNotContain(runs.Warnings, w => w.Code is DataWarning.PooledRuns or DataWarning.CheckpointsAsRuns);
    }

    [Fact]
    public void Prepare_RepeatedPairsDifferingInAMetric_AreNotCalledASweep()
    {
        var runs = Prepare("valset,N,D,loss,acc\na,1e8,2e9,3.0,0.1\nb,1e8,2e9,3.1,0.2\na,4e8,8e9,2.6,0.3\nb,4e8,8e9,2.7,0.4\n");
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.DoesNotContain("sweep", w.Message);
        Assert.Contains("'valset', 'acc' differ", w.Message);
    }

    [Fact]
    public void Prepare_TrainingCurveWithAStepColumnAndNoN_WarnsOfCheckpoints()
    {
        // One run's curve fitted along D: the checkpoints are not independent runs.
        var runs = Prepare("Step,tokens,loss\n100,2e8,4.1\n200,4e8,3.8\n300,6e8,3.6\n400,8e8,3.5\n500,1e9,3.4\n");
        var w = Assert.Single(runs.Warnings, w => w.Code == DataWarning.CheckpointsAsRuns);
        Assert.Contains("not 5 independent runs (the data has a step column 'Step', and no N or run column", w.Message);
        // One curve or several runs: the advice covers both rather than telling one run to keep one row.
        Assert.Contains("if they are one run's training curve", w.Message);
        Assert.Equal("Step", w.Column);
    }

    [Fact]
    public void Prepare_SelectBy_KeepsTheBestRowPerGroupOfQuantityColumns()
    {
        // The optimal learning rate per (N, D): the row with the lowest loss.
        const string sweep = "N,D,lr,loss\n1e8,2e9,1e-3,3.2\n1e8,2e9,3e-3,3.0\n1e8,2e9,1e-2,3.4\n4e8,8e9,1e-3,2.7\n4e8,8e9,3e-3,2.8\n";
        var best = Prepare(sweep, new RunSelection { RunColumns = ["N", "D"], SelectBy = "loss", Checkpoint = CheckpointChoice.Min });
        Assert.Equal(["3e-3", "1e-3"], Enumerable.Range(0, 2).Select(i => best.Text("lr", i)));
        var highest = Prepare(sweep, new RunSelection { RunColumns = ["N", "D"], SelectBy = "lr", Checkpoint = CheckpointChoice.Max });
        Assert.Equal(["1e-2", "3e-3"], Enumerable.Range(0, 2).Select(i => highest.Text("lr", i)));
        Assert.Contains(highest.Notes, n => n.Contains("the row with the highest lr"));
    }

    [Fact]
    public void Prepare_DropIncomplete_DropsOnlyRowsMissingAUsedValueAndCountsThem()
    {
        const string log = "N,D,loss\n1e8,2e9,3.0\n2e8,,2.9\n4e8,8e9,\n8e8,1.6e10,2.5\n";
        var powerInN = Prepare(log, new RunSelection { DropIncomplete = true, Uses = [Quantity.ParameterCount, Quantity.Loss] });
        Assert.Equal([1e8, 2e8, 8e8], powerInN.Values(Quantity.ParameterCount).ToArray());
        Assert.Contains(powerInN.Notes, n => n.Contains("dropped 1 rows") && n.Contains("'loss'") && n.Contains("line 4"));
        var all = Prepare(log, new RunSelection { DropIncomplete = true });
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void Prepare_DropInvalid_DropsDivergedRunsAndCountsThem()
    {
        const string log = "N,loss\n1e8,3.0\n2e8,nan\n4e8,inf\n8e8,2.5\n";
        var e = Assert.Throws<DataException>(() => Prepare(log));
        Assert.Contains("--drop-invalid", e.Message);
        var runs = Prepare(log, new RunSelection { DropInvalid = true });
        Assert.Equal([1e8, 8e8], runs.Values(Quantity.ParameterCount).ToArray());
        Assert.Contains(runs.Notes, n => n.Contains("dropped 2 runs whose loss is NaN or infinite") && n.Contains("lines 3, 4"));
    }
}
