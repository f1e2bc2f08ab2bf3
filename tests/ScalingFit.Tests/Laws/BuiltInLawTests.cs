using System.Globalization;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Laws;

/// <summary>The field's laws as built-ins: each recovers its parameters from runs drawn from known values, and matches its paper where it publishes numbers.</summary>
public class BuiltInLawTests
{
    private static RunSet Load(string csv, string name = "synthetic.csv") =>
        RunPreparation.Prepare(CsvRunReader.Parse(csv, name), RunSelection.None);

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Muennighoff et al. 2023's published fit (huggingface/datablations README, "Parametric Fit").</summary>
    private static readonly Dictionary<string, double> Muennighoff = new()
    {
        ["E"] = Math.Exp(0.6254804), ["A"] = Math.Exp(6.255414), ["B"] = Math.Exp(7.3049974),
        ["alpha"] = 0.3526596, ["beta"] = 0.3526596, ["RDstar"] = 15.387756, ["RNstar"] = 5.309743,
    };

    private static double Value(IScalingLaw law, IReadOnlyDictionary<string, double> parameters, IReadOnlyDictionary<string, double> inputs) =>
        law.Value(law.Parameters.Select(p => parameters[p.Name]).ToArray(), law.Inputs.Select(i => inputs[i.Name]).ToArray());

    [Theory]
    // The README's own examples: "scaling_law(6.34e9, 242e9, 25e9) # 2.2256440889984477", "(8.67e9, 178e9, 25e9) # 2.2269634075087867".
    [InlineData(6.34e9, 242e9, 25e9, 2.2256440889984477)]
    [InlineData(8.67e9, 178e9, 25e9, 2.2269634075087867)]
    public void DataConstrained_PublishedFit_GivesThePublishedLosses(double n, double d, double u, double loss)
    {
        var law = LawRegistry.Create("data-constrained");
        Assert.Equal(loss, Value(law, Muennighoff, new Dictionary<string, double> { ["N"] = n, ["D"] = d, ["unique_tokens"] = u }), 12);
    }

    [Fact]
    public void DataConstrained_RunsFromThePublishedFit_RecoverItWithTheExponentsTied()
    {
        var law = LawRegistry.Create("data-constrained", new LawSettings { UniqueTokensColumn = "U" });
        var csv = new StringBuilder("N,D,U,loss\n");
        var random = new Random(8);
        foreach (double n in new[] { 1e8, 3e8, 1e9, 3e9 })
            foreach (double u in new[] { 1e8, 1e9, 4e9, 2e10 })
                foreach (double epochs in new[] { 1.0, 2, 4, 8, 16, 40, 100 })
                {
                    double loss = Value(law, Muennighoff, new Dictionary<string, double> { ["N"] = n, ["D"] = u * epochs, ["U"] = u });
                    csv.Append(CultureInfo.InvariantCulture, $"{F(n)},{F(u * epochs)},{F(u)},{F(loss * Math.Exp(1e-4 * Support.Synthetic.Gaussian(random)))}\n");
                }
        var fit = NonlinearFitter.Fit(Load(csv.ToString()), new LawSpec(law) { Constraints = new ParameterConstraints { Ties = [new ParameterTie("beta", "alpha")] } });
        foreach (var (name, value) in Muennighoff)
            Assert.True(Math.Abs(fit[name].Value / value - 1) < 0.02, $"{name}: {fit[name].Value} against {value}");
        Assert.True(fit["RDstar"].Ci95.Contains(15.387756) && fit["RNstar"].Ci95.Contains(5.309743));
    }

    [Fact]
    public void DataConstrained_WithoutTheUniqueTokensColumn_SaysWhichColumn()
    {
        var e = Assert.Throws<DataException>(() => new LawSpec(LawRegistry.Create("data-constrained")).Fit(Support.Synthetic.Runs((n, d) => 3, sizes: 10, tokenCounts: 2)));
        Assert.Contains("'unique_tokens'", e.Message);
    }

    [Fact]
    public void Broken_RunsFromOneSharpBreak_RecoverIt()
    {
        // Caballero et al. 2023's form with one break at N = 3e8.
        var law = LawRegistry.Create("broken");
        var truth = new Dictionary<string, double> { ["a"] = 1.2, ["b"] = 30, ["c0"] = 0.15, ["c1"] = 0.35, ["d1"] = 3e8, ["f1"] = 0.1 };
        var csv = new StringBuilder("N,loss\n");
        for (int i = 0; i <= 40; i++)
        {
            double n = 1e6 * Math.Pow(10, i / 10.0);
            csv.Append(CultureInfo.InvariantCulture, $"{F(n)},{F(Value(law, truth, new Dictionary<string, double> { ["N"] = n }))}\n");
        }
        var fit = new LawSpec(law).Fit(Load(csv.ToString()));
        foreach (var (name, value) in truth)
            Assert.True(Math.Abs(fit[name].Value / value - 1) < 1e-4, $"{name}: {fit[name].Value} against {value}");
    }

    [Fact]
    public void Broken_TwoBreaks_HaveTheirParameters()
    {
        var law = LawRegistry.Create("broken", new LawSettings { Breaks = 2, Inputs = [Quantity.Compute] });
        Assert.Equal(["a", "b", "c0", "c1", "c2", "d1", "d2", "f1", "f2"], law.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal([Quantity.Compute], law.Inputs.Select(i => i.Quantity!.Value));
        Assert.Throws<OptionException>(() => LawRegistry.Create("broken", new LawSettings { Breaks = 9 }));
    }

    [Fact]
    public void Sigmoid_AccuracyAgainstLoss_RecoversItsBounds()
    {
        var law = LawRegistry.Create("sigmoid");
        var truth = new Dictionary<string, double> { ["lo"] = 0.25, ["hi"] = 0.85, ["k"] = 8, ["L0"] = 2.6 };
        var csv = new StringBuilder("N,loss,accuracy\n");
        for (int i = 0; i < 30; i++)
        {
            double loss = 1.9 + 0.05 * i;
            csv.Append(CultureInfo.InvariantCulture, $"{F(1e8 + i)},{F(loss)},{F(Value(law, truth, new Dictionary<string, double> { ["L"] = loss }))}\n");
        }
        var spec = new LawSpec(law) { Target = LawTarget.Column("accuracy"), Residuals = ResidualSpace.Linear };
        var fit = NonlinearFitter.Fit(Load(csv.ToString()), spec, new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        foreach (var (name, value) in truth) Assert.Equal(value, fit[name].Value, value * 1e-6);
    }

    [Fact]
    public void Downstream_ErrorAgainstLoss_RecoversItsParameters()
    {
        var law = LawRegistry.Create("downstream");
        var truth = new Dictionary<string, double> { ["epsilon"] = 0.75, ["k"] = 12, ["gamma"] = 1.6 };
        var csv = new StringBuilder("N,loss,error\n");
        for (int i = 0; i < 30; i++)
        {
            double loss = 2 + 0.1 * i;
            csv.Append(CultureInfo.InvariantCulture, $"{F(1e8 + i)},{F(loss)},{F(Value(law, truth, new Dictionary<string, double> { ["L"] = loss }))}\n");
        }
        var fit = NonlinearFitter.Fit(Load(csv.ToString()), new LawSpec(law) { Target = LawTarget.Column("error"), Residuals = ResidualSpace.Linear },
            new NonlinearFitOptions { Loss = LossFunction.LeastSquares });
        foreach (var (name, value) in truth) Assert.Equal(value, fit[name].Value, value * 1e-6);
    }

    [Fact]
    public void IsoFlopMinima_VerticesOnALaw_RecoverIt()
    {
        // Each budget's runs lie on a parabola in ln N whose vertex loss is L*(C) = 1.7 + 40·C^(−0.05).
        var csv = new StringBuilder("N,C,loss\n");
        foreach (double c in new[] { 1e18, 1e19, 1e20, 1e21, 1e22, 1e23 })
        {
            double nOpt = 0.1 * Math.Sqrt(c), vertex = 1.7 + 40 * Math.Pow(c, -0.05);
            foreach (double u in new[] { -1.0, -0.5, 0, 0.5, 1 })
                csv.Append(CultureInfo.InvariantCulture, $"{F(nOpt * Math.Exp(u))},{F(c)},{F(vertex + 0.05 * u * u)}\n");
        }
        var law = LawRegistry.Create("isoflop-minima");
        var fit = new LawSpec(law).Fit(Load(csv.ToString()));
        Assert.Equal(6, fit.Statistics.Points);
        Assert.Equal(1.7, fit["E"].Value, 1e-6);
        Assert.Equal(40, fit["A"].Value, 1e-4);
        Assert.Equal(0.05, fit["alpha"].Value, 1e-8);
    }

    [Fact]
    public void Joint_OneInputAndAnotherTarget_IsAHyperparameterLaw()
    {
        // lr = k·C^a of the form DeepSeek-AI 2024 fitted (η_opt against compute), from exact values: OLS on logs recovers it.
        var csv = new StringBuilder("C,lr,loss\n");
        for (int i = 0; i <= 12; i++)
        {
            double c = 1e17 * Math.Pow(10, i / 3.0);
            csv.Append(CultureInfo.InvariantCulture, $"{F(c)},{F(0.3 * Math.Pow(c, -0.125))},2\n");
        }
        var law = LawRegistry.Create("joint", new LawSettings { Inputs = [Quantity.Compute] });
        var fit = new LawSpec(law) { Target = LawTarget.Column("lr") }.Fit(Load(csv.ToString()));
        Assert.Equal(0.3, fit["k"].Value, 1e-9);
        Assert.Equal(-0.125, fit["aC"].Value, 1e-12);
        Assert.Equal("lr", fit.Target.Name);
    }

    [Fact]
    public void Registry_EveryLaw_IsMadeFromDefaultsWithDistinctParameterNames()
    {
        foreach (var definition in LawRegistry.All)
        {
            var law = definition.Create(new LawSettings());
            Assert.Equal(definition.Name, law.Name);
            Assert.Equal(law.Parameters.Count, law.Parameters.Select(p => p.Name).Distinct().Count());
            Assert.NotEmpty(law.Inputs);
            Assert.False(string.IsNullOrWhiteSpace(law.Formula));
        }
        Assert.Contains("unknown law 'gopher'", Assert.Throws<OptionException>(() => LawRegistry.Create("gopher")).Message);
    }
}
