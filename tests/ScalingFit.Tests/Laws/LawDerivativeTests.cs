using ScalingFit.Data;
using ScalingFit.Laws;

using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Laws;

/// <summary>Analytic gradients and Hessians of the built-in laws against central finite differences.</summary>
public class LawDerivativeTests
{
    public static TheoryData<string> Laws => ["chinchilla", "saturating", "kaplan-nd", "power", "joint"];

    private static LogSpaceLaw Law(string name) => (LogSpaceLaw)LawRegistry.Create(name);

    /// <summary>Points in θ where every term of the law matters (no saturated softmax).</summary>
    private static IEnumerable<double[]> Thetas(string name) => name switch
    {
        "chinchilla" => [[0.6, 6.2, 7.7, 0.35, 0.37], [0.2, 4.0, 5.0, 0.2, 0.25]],
        "saturating" => [[0.5, 3.0, 0.15], [0.2, 5.0, 0.3]],
        "kaplan-nd" => [[Math.Log(6.4e13), Math.Log(1.8e13), 0.076, 0.103], [Math.Log(1e12), Math.Log(5e11), 0.3, 0.2]],
        "joint" => [[2.4, -0.07, -0.05], [1.0, -0.3, 0.1]],
        _ => [[0.076, Math.Log(8.8e13)], [0.3, Math.Log(1e10)]],
    };

    [Theory, MemberData(nameof(Laws))]
    public void LogValue_Gradient_MatchesCentralDifferences(string name)
    {
        var law = Law(name);
        int k = law.Parameters.Count;
        foreach (var theta in Thetas(name))
        {
            foreach (var logX in LogInputs(law))
            {
                var g = new double[k];
                law.LogValue(theta, logX, g, Span<double>.Empty);
                for (int j = 0; j < k; j++)
                {
                    double fd = Differences.Central(t => law.LogValue(t, logX, new double[k], Span<double>.Empty), theta, j);
                    Assert.True(Math.Abs(g[j] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name} ∂/∂θ{j}: analytic {g[j]}, numeric {fd}");
                }
            }
        }
    }

    [Theory, MemberData(nameof(Laws))]
    public void LogValue_Hessian_MatchesDifferencesOfTheGradient(string name)
    {
        var law = Law(name);
        int k = law.Parameters.Count;
        foreach (var theta in Thetas(name))
        {
            foreach (var logX in LogInputs(law))
            {
                var h = new double[k * k];
                law.LogValue(theta, logX, new double[k], h);
                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b < k; b++)
                    {
                        double fd = Differences.Central(t => { var g = new double[k]; law.LogValue(t, logX, g, Span<double>.Empty); return g[a]; }, theta, b);
                        Assert.True(Math.Abs(h[a * k + b] - fd) <= 1e-5 * Math.Max(1, Math.Abs(fd)), $"{name} H[{a},{b}]: analytic {h[a * k + b]}, numeric {fd}");
                        Assert.Equal(h[a * k + b], h[b * k + a], 12);
                    }
                }
            }
        }
    }

    [Theory, MemberData(nameof(Laws))]
    public void LogValue_EqualsLogOfValueAtNaturalParameters(string name)
    {
        var law = Law(name);
        int k = law.Parameters.Count;
        foreach (var theta in Thetas(name))
        {
            var natural = law.Parameters.Select((p, i) => p.FromTheta(theta[i])).ToArray();
            for (int j = 0; j < k; j++) Assert.Equal(theta[j], law.Parameters[j].ToTheta(natural[j]), 10);
            foreach (var logX in LogInputs(law))
            {
                var x = logX.Select(Math.Exp).ToArray();
                Assert.Equal(Math.Log(law.Value(natural, x)), law.LogValue(theta, logX, new double[k], Span<double>.Empty), 10);
            }
        }
    }

    [Theory, MemberData(nameof(Laws))]
    public void Evaluate_LinearAndLogitSpaces_MatchCentralDifferencesOfTheValue(string name)
    {
        // The chain rule from ln ŷ into ŷ and logit ŷ, against differences of ŷ itself (scaled into (0, 1) for logit by choosing points where ŷ < 1 is not needed: logit is checked only where 0 < ŷ < 1).
        var law = Law(name);
        int k = law.Parameters.Count;
        foreach (var theta in Thetas(name))
        {
            foreach (var logX in LogInputs(law))
            {
                var x = logX.Select(Math.Exp).ToArray();
                double Linear(double[] t) => law.Value(law.Parameters.Select((p, i) => p.FromTheta(t[i])).ToArray(), x);
                var g = new double[k];
                var h = new double[k * k];
                double value = law.Evaluate(theta, new LawRow(x, logX), ResidualSpace.Linear, g, h);
                Assert.Equal(Linear(theta), value, 10);
                for (int a = 0; a < k; a++)
                {
                    double fd = Differences.Central(Linear, theta, a);
                    Assert.True(Math.Abs(g[a] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name} linear ∂/∂θ{a}: {g[a]} vs {fd}");
                    for (int b = 0; b < k; b++)
                    {
                        double fh = Differences.Central(t => { var gg = new double[k]; law.Evaluate(t, new LawRow(x, logX), ResidualSpace.Linear, gg, Span<double>.Empty); return gg[a]; }, theta, b);
                        Assert.True(Math.Abs(h[a * k + b] - fh) <= 1e-5 * Math.Max(1, Math.Abs(fh)), $"{name} linear H[{a},{b}]: {h[a * k + b]} vs {fh}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Chinchilla_PublishedConstants_PredictionComputedByHand()
    {
        // Hoffmann et al. 2022: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28. By hand (Python):
        // 1.69 + 406.4/7e10^0.34 + 410.7/1.4e12^0.28 = 1.93664547...
        double loss = ChinchillaLaw.Instance.Value([1.69, 406.4, 410.7, 0.34, 0.28], [70e9, 1.4e12]);
        Assert.Equal(1.9366454705587173, loss, 12);
    }

    [Fact]
    public void KaplanNd_PublishedConstants_ReduceToPureLawsInTheLimits()
    {
        // Kaplan et al. 2020 Eq. 1.5 with α_N = 0.076, α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13: with
        // D → ∞ it is (N_c/N)^α_N (Eq. 1.1); with N → ∞ it is (D_c/D)^α_D (Eq. 1.2).
        double[] p = [6.4e13, 1.8e13, 0.076, 0.103];
        Assert.Equal(Math.Pow(6.4e13 / 1e9, 0.076), KaplanNdLaw.Instance.Value(p, [1e9, 1e30]), 9);
        Assert.Equal(Math.Pow(1.8e13 / 1e10, 0.103), KaplanNdLaw.Instance.Value(p, [1e40, 1e10]), 9);
    }

    [Fact]
    public void StartGrid_Chinchilla_HasTheFullHoffmannGridWithUpperEnds()
    {
        var grid = ChinchillaLaw.Instance.Starts(StartContext.None);
        Assert.Equal(4500, grid.Count);
        Assert.Equal([0.0, 5, 10, 15, 20, 25], grid.Axes[1]);
        Assert.Equal([0.0, 0.5, 1, 1.5, 2], grid.Axes[3]);
        Assert.Equal([-1.0, -0.5, 0, 0.5, 1], grid.Axes[0]);
        var points = new HashSet<string>();
        var x = new double[5];
        for (int i = 0; i < grid.Count; i++)
        {
            grid.Point(i, x);
            points.Add(string.Join(",", x));
        }
        Assert.Equal(4500, points.Count);
        Assert.Contains("1,25,25,2,2", points);
    }

    [Theory]
    [InlineData("chinchilla")]
    [InlineData("kaplan-nd")]
    [InlineData("joint")]
    public void InputGradient_MatchesCentralDifferencesInTheInputs(string name)
    {
        var law = Law(name);
        var p = name switch
        {
            "chinchilla" => new[] { 1.69, 406.4, 410.7, 0.34, 0.28 },
            "kaplan-nd" => [6.4e13, 1.8e13, 0.076, 0.103],
            _ => [20.0, -0.07, -0.05],
        };
        double[] x = [7e10, 1.4e12];
        var g = new double[2];
        ((IHasInputGradient)law).InputGradient(p, x, g);
        for (int j = 0; j < 2; j++)
        {
            double h = 1e-6 * x[j];
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[j] += h;
            down[j] -= h;
            double fd = (law.Value(p, up) - law.Value(p, down)) / (2 * h);
            Assert.Equal(fd, g[j], Math.Abs(fd) * 1e-6);
        }
    }

    private static IEnumerable<double[]> LogInputs(IScalingLaw law) => law.Inputs.Count == 1
        ? [[Math.Log(1e8)], [Math.Log(3e10)]]
        : [[Math.Log(1e8), Math.Log(2e9)], [Math.Log(7e10), Math.Log(1.4e12)]];
}
