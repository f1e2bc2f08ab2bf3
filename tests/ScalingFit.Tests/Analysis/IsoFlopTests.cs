using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Analysis;

public class IsoFlopTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 410.7, 0.34, 0.28];

    // a = β/(α+β) and b = α/(α+β) of Hoffmann's law, computed here from the formulas.
    private const double A = 0.28 / 0.62, B = 0.34 / 0.62;

    [Fact]
    public void Analyze_NoiseFreeRunsAtFixedOffsets_RecoversTheLawsExponentsExactly()
    {
        // Along 6ND = C the law is E + K(C)·f(ln N − ln N_opt) with the same f at every budget, so
        // parabolas fitted at the same offsets put their vertex at the same offset: the slope of
        // ln N_opt on ln C is the law's own a, however far the vertex sits from the true optimum.
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        Assert.Equal(A, result.ParameterExponent.Value, 9);
        Assert.Equal(B, result.TokenExponent.Value, 9);
        Assert.Equal(9, result.Budgets.Count(b => b.Used));
        Assert.All(result.Budgets, b => Assert.Equal(9, b.Sizes));
    }

    [Theory]
    [InlineData(1), InlineData(2), InlineData(3)]
    public void Analyze_NoisyRunsAtFixedBudgets_RecoverAAndBWithinTheirIntervals(int seed)
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes, noise: 0.005, seed: seed);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { BudgetTolerance = 0 });
        Assert.True(result.ParameterExponent.Ci95.Contains(A), $"a = {result.ParameterExponent.Value}, CI {result.ParameterExponent.Ci95}, truth {A}");
        Assert.True(result.TokenExponent.Ci95.Contains(B), $"b = {result.TokenExponent.Value}, CI {result.TokenExponent.Ci95}, truth {B}");
        Assert.Equal(1, result.ParameterExponent.Value + result.TokenExponent.Value, 9);
    }

    [Fact]
    public void Analyze_ReadsNOptOffTheFittedLine()
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes, noise: 0.005, seed: 4);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { Budgets = [5.76e23] });
        var allocation = result.Allocations.Single();
        double expected = Math.Exp(result.LogCoefficient.Value + result.ParameterExponent.Value * Math.Log(5.76e23));
        Assert.Equal(1, allocation.ParameterCount / expected, 10);
        Assert.True(allocation.ParameterCountCi95.Contains(allocation.ParameterCount));
        Assert.Equal(5.76e23 / (6 * expected), allocation.TrainingTokens, allocation.TrainingTokens * 1e-10);
    }

    [Fact]
    public void Parabola_ExactQuadratic_HasItsVertexAndLoss()
    {
        // L = 2.5 + 0.3·(ln N − ln 1e9)²: vertex at 1e9 with loss 2.5.
        double[] n = [1e8, 3e8, 1e9, 3e9, 1e10];
        var losses = n.Select(v => 2.5 + 0.3 * Math.Pow(Math.Log(v) - Math.Log(1e9), 2)).ToList();
        var p = IsoFlopParabola.Fit(n, losses)!;
        Assert.Equal(Math.Log(1e9), p.LogVertex, 9);
        Assert.Equal(2.5, p.VertexLoss, 9);
        Assert.Equal(0.3, p.Curvature, 9);
        Assert.Equal(2.5 + 0.3 * Math.Pow(Math.Log(5), 2), p.Loss(5e9), 9);
    }

    [Fact]
    public void Parabola_StandardErrorOfTheVertex_MatchesTheDeltaMethodComputedByHand()
    {
        double[] x = [-2, -1, 0, 1, 2, 3];
        double[] y = [3.1, 2.62, 2.49, 2.55, 2.93, 3.52];
        var p = IsoFlopParabola.Fit(x.Select(Math.Exp).ToList(), y)!;
        // OLS of y on (1, x − x̄, (x − x̄)²) done here with MathNet, then g = (0, −1/(2c₂), c₁/(2c₂²)).
        double center = x.Average();
        var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(x.Length, 3, (i, j) => Math.Pow(x[i] - center, j));
        var yv = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y);
        var c = design.Solve(yv);
        var residual = yv - design * c;
        double s2 = residual.DotProduct(residual) / (x.Length - 3);
        var cov = (design.TransposeThisAndMultiply(design)).Inverse() * s2;
        double g1 = -1 / (2 * c[2]), g2 = c[1] / (2 * c[2] * c[2]);
        double se = Math.Sqrt(g1 * g1 * cov[1, 1] + 2 * g1 * g2 * cov[1, 2] + g2 * g2 * cov[2, 2]);
        Assert.Equal(center - c[1] / (2 * c[2]), p.LogVertex, 9);
        Assert.Equal(se, p.LogMinimumStandardError, 9);
    }

    [Fact]
    public void Analyze_BudgetWithTwoSizes_LeavesItOutAndSaysWhy()
    {
        var csv = SyntheticIsoFlop.Csv(Hoffmann, SyntheticIsoFlop.HoffmannBudgets[..4], SyntheticIsoFlop.NineSizes)
                  + string.Concat(SyntheticIsoFlop.Csv(Hoffmann, [1e21], [-0.5, 0.5]).Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : ""));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "two.csv"), RunSelection.None);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var two = result.Budgets.Single(b => b.Label == "1e21");
        Assert.False(two.Used);
        Assert.Equal(2, two.Sizes);
        Assert.Contains("2 sizes", two.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("too few sizes"));
    }

    [Fact]
    public void Analyze_TooFewBudgets_RefusesNamingEachLeftOutBudget()
    {
        var csv = SyntheticIsoFlop.Csv(Hoffmann, [1e19, 1e20], SyntheticIsoFlop.NineSizes)
                  + string.Concat(SyntheticIsoFlop.Csv(Hoffmann, [1e21], [-0.5, 0.5]).Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : ""));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "few.csv"), RunSelection.None);
        var e = Assert.Throws<FitException>(() => IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" }));
        Assert.Contains("at least 3 compute budgets", e.Message);
        Assert.Contains("gives 2 of 3 budgets", e.Message);
        Assert.Contains("1e21 (2 sizes: a parabola needs 3)", e.Message);
    }

    [Fact]
    public void Analyze_ParabolaOpeningDownward_IsLeftOutWithAWarning()
    {
        var good = SyntheticIsoFlop.Csv(Hoffmann, SyntheticIsoFlop.HoffmannBudgets[..4], SyntheticIsoFlop.NineSizes);
        // A concave budget: loss highest in the middle.
        var bad = "5e20,1e9,8.3e10,5e20,2.40\n5e20,2e9,4.2e10,5e20,2.50\n5e20,4e9,2.1e10,5e20,2.41\n";
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(good + bad, "down.csv"), RunSelection.None);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop", MinimumSizes = 3 });
        var down = result.Budgets.Single(b => b.Label == "5e20");
        Assert.False(down.Used);
        Assert.False(down.Parabola!.HasMinimum);
        Assert.Contains(result.Warnings, w => w.Contains("open downward") || w.Contains("opens downward"));
    }

    [Fact]
    public void Analyze_MinimumOutsideTheSizesSampled_Warns()
    {
        // At 3e21 only sizes well below the optimum: the vertex is extrapolated beyond them.
        var csv = SyntheticIsoFlop.Csv(Hoffmann, SyntheticIsoFlop.HoffmannBudgets[..4], SyntheticIsoFlop.NineSizes)
                  + string.Concat(SyntheticIsoFlop.Csv(Hoffmann, [3e21], [-3, -2.5, -2, -1.5]).Split('\n').Skip(1).Select(l => l.Length > 0 ? l + "\n" : ""));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "outside.csv"), RunSelection.None);
        var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
        var outside = result.Budgets.Single(b => b.Label == "3e21");
        Assert.True(outside.MinimumOutsideSizes);
        Assert.Contains(result.Warnings, w => w.Contains("outside the sizes"));
    }

    [Fact]
    public void ByTolerance_KeepsAClusterTogetherWhereAGreedySweepWouldCutIt()
    {
        // Compute 1.00, 1.09, 1.12, 1.14, 1.16 (×1e20): a greedy sweep from the smallest with a
        // factor 1.1 would take {1.00, 1.09} and then {1.12, 1.14, 1.16}; densest-first takes the four
        // runs within a factor 1.1 of 1.09 together.
        double[] c = [1.00e20, 1.09e20, 1.12e20, 1.14e20, 1.16e20];
        var csv = "N,C,loss\n" + string.Concat(c.Select((v, i) => FormattableString.Invariant($"{1e8 * (i + 1)},{v},3\n")));
        var runs = RunPreparation.Prepare(CsvRunReader.Parse(csv, "cluster.csv"), RunSelection.None);
        var groups = BudgetGrouping.ByTolerance(runs, 0.1);
        Assert.Equal([1, 4], groups.Select(g => g.Rows.Count));
        Assert.Equal([1, 2, 3, 4], groups[1].Rows);
    }

    [Fact]
    public void ByTolerance_Zero_GroupsOnlyEqualCompute()
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes);
        var groups = BudgetGrouping.ByTolerance(runs, 0);
        Assert.Equal(SyntheticIsoFlop.HoffmannBudgets, groups.Select(g => g.Compute).Select(v => Math.Round(v / 1e15) * 1e15));
        Assert.All(groups, g => Assert.Equal(1, g.Spread));
    }

    [Fact]
    public void Analyze_SampleFile_RecoversEachExperimentsLaw()
    {
        // samples/isoflop-runs.csv: two experiments from known laws (see samples/README.md).
        string path = SamplePath("isoflop-runs.csv");
        var expected = new Dictionary<string, double> { ["hoffmann"] = 0.28 / 0.62, ["replication"] = 0.3672 / (0.3473 + 0.3672) };
        foreach (var (experiment, a) in expected)
        {
            using var file = File.OpenRead(path);
            var runs = Runs.Load(file, path, selection: new RunSelection { Where = [new ColumnCondition("experiment", experiment)] });
            var result = IsoFlop.Analyze(runs, new IsoFlopOptions { GroupColumn = "isoflop" });
            Assert.True(result.ParameterExponent.Ci95.Contains(a), $"{experiment}: a = {result.ParameterExponent.Value}, CI {result.ParameterExponent.Ci95}, truth {a}");
            Assert.Equal(9, result.Budgets.Count(b => b.Used));
        }
    }

    [Fact]
    public void Analyze_ChinchillaExtraction_BinsTheScatteredBudgetsAndSaysSo()
    {
        // The extraction's runs are not on exact budgets; binned with the default tolerance the
        // analysis still lands near Hoffmann's approach-2 exponent, and warns about the bins.
        var result = IsoFlop.Analyze(Runs.Chinchilla(new RunSelection { DropHighestLoss = 5 }));
        Assert.InRange(result.ParameterExponent.Value, 0.44, 0.56);
        Assert.True(result.ParameterExponent.Ci95.Contains(0.49), $"a = {result.ParameterExponent.Value}, CI {result.ParameterExponent.Ci95}");
        Assert.Contains(result.Warnings, w => w.Contains("unequal compute"));
        Assert.Contains(result.Warnings, w => w.Contains("too few sizes"));
    }

    [Theory]
    [InlineData(-0.1, 3), InlineData(0.2, 2)]
    public void Analyze_BadOptions_Refuse(double tolerance, int minimumSizes)
    {
        var runs = SyntheticIsoFlop.Runs(Hoffmann, SyntheticIsoFlop.HoffmannBudgets, SyntheticIsoFlop.NineSizes);
        Assert.Throws<OptionException>(() => IsoFlop.Analyze(runs, new IsoFlopOptions { BudgetTolerance = tolerance, MinimumSizes = minimumSizes }));
    }

    internal static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"samples/{name} not found above {AppContext.BaseDirectory}");
    }
}
