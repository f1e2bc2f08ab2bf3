using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Tests.Support;
using ScalingFit.Uncertainty;

namespace ScalingFit.Tests.Analysis;

public class ReportAnalysisTests
{
    [Fact]
    public void Run_RunsWithNDAndC_ComparesEveryLawAndRanksChinchillaFirst()
    {
        var result = ReportData.Report;
        Assert.Equal(["chinchilla", "joint", "kaplan-nd", "power", "saturating"], result.Comparison.Scores.Select(s => s.Spec.Law.Name).Order(StringComparer.Ordinal));
        Assert.Equal("chinchilla", result.Best!.Spec.Law.Name);
        Assert.Equal(5, result.Fitted.Count);
    }

    [Fact]
    public void Run_Allocation_ComesFromTheComparisonsOwnChinchillaFit()
    {
        var result = ReportData.Report;
        var chinchilla = result.Comparison.Scores.Single(s => s.Spec.Law.Name == "chinchilla");
        // The same object: the law is fitted once and the allocation reuses that fit with its bootstrap.
        Assert.Same(chinchilla.Fit, result.Optimal!.Fit);
        Assert.Equal(40, result.Optimal.Fit.ParameterSamples.Count);
        Assert.Null(result.OptimalNote);
        // Hoffmann's law: a = β/(α+β) = 0.28/0.62 = 0.4516, recovered within its bootstrap interval.
        Assert.InRange(0.28 / 0.62, result.Optimal.ParameterExponent.Ci95.Lower, result.Optimal.ParameterExponent.Ci95.Upper);
        Assert.NotNull(ReportAnalysis.At(result.Optimal, ReportOptions.ChinchillaBudget));
    }

    [Fact]
    public void Run_Bootstrap_OnTheFitsToAllRunsNotOnTheBacktests()
    {
        var result = ReportData.Report;
        foreach (var score in result.Comparison.Scores.Where(s => s.Spec.IsNonlinear))
        {
            Assert.NotNull(score.Fit!.Bootstrap);
            Assert.Null(score.Backtest!.Fit.Bootstrap);
        }
        Assert.Equal(40, result.Bootstrap!.Resamples);
    }

    [Fact]
    public void Run_IsoFlop_OnTheSixBudgets()
    {
        var result = ReportData.Report;
        Assert.Null(result.IsoFlopNote);
        Assert.Equal(6, result.IsoFlop!.Budgets.Count(b => b.Used));
        Assert.InRange(result.IsoFlop.ParameterExponent.Value, 0.40, 0.50);
    }

    [Fact]
    public void Run_DefaultHoldout_TheLargestFifthByCompute()
    {
        var result = ReportData.Report;
        // 54 runs: ⌈0.2·54⌉ = 11, and the whole 1e21 budget (9 runs) plus the 3e20 budget (9 runs) hold compute ≥ the 11th largest.
        Assert.Equal(18, result.Split.HeldOut.Count);
        Assert.StartsWith("the largest 20.0% of runs by compute", result.Split.Description);
    }

    [Fact]
    public void Run_SizesOnly_NotesInsteadOfTheAllocationAndIsoFlop()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(ReportData.SizesOnlyCsv, "sizes.csv"), RunSelection.None);
        var result = ReportAnalysis.Run(runs);
        Assert.Equal(["power", "saturating"], result.Comparison.Scores.Select(s => s.Spec.Law.Name).Order());
        Assert.Null(result.Optimal);
        Assert.Equal("no compute-optimal allocation: it needs a law of both N and D, and sizes.csv has no training tokens D (nor compute C to derive D = C/(6N)).", result.OptimalNote);
        Assert.Null(result.IsoFlop);
        Assert.Equal("no IsoFLOP analysis: it groups runs by compute budget C and fits the loss against N, and sizes.csv has no compute C (nor training tokens D to derive C = 6ND).", result.IsoFlopNote);
        // Without compute, the largest runs by size are held out.
        Assert.StartsWith("the largest 20.0% of runs by size (N ≥ ", result.Split.Description);
    }

    [Fact]
    public void Run_WithoutChinchillaOrKaplan_NoteNamesTheLawsCompared()
    {
        var result = ReportAnalysis.Run(ReportData.Runs, new ReportOptions { Laws = [LawSpec.Create("power", null), LawSpec.Create("joint", null)] });
        Assert.Null(result.Optimal);
        Assert.Equal("no compute-optimal allocation: no law with a compute-optimal frontier (such as chinchilla or kaplan-nd) was among the laws compared.", result.OptimalNote);
        Assert.NotNull(result.IsoFlop);
    }

    [Fact]
    public void Run_TooFewBudgetsForIsoFlop_NoteWithTheAnalysisReason()
    {
        var runs = Synthetic.Runs((n, d) => 1.7 + 400 * Math.Pow(n, -0.34) + 410 * Math.Pow(d, -0.28), sizes: 8);
        var result = ReportAnalysis.Run(runs, new ReportOptions { Laws = [LawSpec.Create("power", null)] });
        Assert.Null(result.IsoFlop);
        Assert.StartsWith("no IsoFLOP analysis: an IsoFLOP analysis needs at least 3 compute budgets", result.IsoFlopNote);
    }

    [Fact]
    public void Run_Progress_EveryLawStartedThenTheAllocation()
    {
        var seen = new List<ReportProgress>();
        ReportAnalysis.Run(ReportData.Runs, new ReportOptions
        {
            Laws = [LawSpec.Create("power", null), LawSpec.Create("saturating", null)],
            Fit = new NonlinearFitOptions { Bootstrap = new BootstrapOptions(10, 1) { DegreeOfParallelism = 1 } },
            Progress = p => { lock (seen) seen.Add(p); },
        });
        var laws = seen.Where(p => p.Stage == ReportStage.Laws).ToList();
        Assert.Equal([("power (N)", 0), ("saturating (N)", 1), ("", 2)], laws.Select(p => (p.Item, p.Done)));
        var bootstrap = seen.Where(p => p.Stage == ReportStage.Bootstrap).ToList();
        Assert.Equal(Enumerable.Range(1, 10), bootstrap.Select(p => p.Done));
        Assert.All(bootstrap, p => Assert.Equal("saturating (N)", p.Item));
        Assert.Equal(2, seen[^1].Done);
        Assert.Equal(ReportStage.Allocation, seen[^1].Stage);
    }

    [Fact]
    public void Run_NoInput_FitException()
    {
        var runs = RunPreparation.Prepare(CsvRunReader.Parse("loss,step\n2.5,1\n2.4,2\n", "loss.csv"), RunSelection.None);
        Assert.Contains("no parameter count N, token count D or compute C", Assert.Throws<FitException>(() => ReportAnalysis.Run(runs)).Message);
    }
}
