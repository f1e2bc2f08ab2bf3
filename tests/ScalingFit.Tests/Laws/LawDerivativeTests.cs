using ScalingFit.Data;
using ScalingFit.Laws;

namespace ScalingFit.Tests.Laws;

/// <summary>Analytic gradients and Hessians of ln L̂ against central finite differences.</summary>
public class LawDerivativeTests
{
    public static TheoryData<string> Laws => ["chinchilla", "saturating", "kaplan-nd", "power"];

    private static IScalingLaw Law(string name) => name switch
    {
        "chinchilla" => ChinchillaLaw.Instance,
        "saturating" => new SaturatingLaw(Quantity.ParameterCount),
        "kaplan-nd" => KaplanNdLaw.Instance,
        _ => new PowerLaw(Quantity.ParameterCount),
    };

    /// <summary>Points in θ where every term of the law matters (no saturated softmax).</summary>
    private static IEnumerable<double[]> Thetas(string name) => name switch
    {
        "chinchilla" => [[0.6, 6.2, 7.7, 0.35, 0.37], [0.2, 4.0, 5.0, 0.2, 0.25]],
        "saturating" => [[0.5, 3.0, 0.15], [0.2, 5.0, 0.3]],
        "kaplan-nd" => [[Math.Log(6.4e13), Math.Log(1.8e13), 0.076, 0.103], [Math.Log(1e12), Math.Log(5e11), 0.3, 0.2]],
        _ => [[2.4, -0.07], [1.0, -0.3]],
    };

    [Theory, MemberData(nameof(Laws))]
    public void LogLoss_Gradient_MatchesCentralDifferences(string name)
    {
        var law = Law(name);
        int k = law.FitParameterNames.Count;
        foreach (var theta in Thetas(name))
        {
            foreach (var logX in LogInputs(law))
            {
                var g = new double[k];
                law.LogLoss(theta, logX, g, Span<double>.Empty);
                for (int j = 0; j < k; j++)
                {
                    double fd = Central(t => law.LogLoss(t, logX, new double[k], Span<double>.Empty), theta, j);
                    Assert.True(Math.Abs(g[j] - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name} ∂/∂θ{j}: analytic {g[j]}, numeric {fd}");
                }
            }
        }
    }

    [Theory, MemberData(nameof(Laws))]
    public void LogLoss_Hessian_MatchesDifferencesOfTheGradient(string name)
    {
        var law = Law(name);
        int k = law.FitParameterNames.Count;
        foreach (var theta in Thetas(name))
        {
            foreach (var logX in LogInputs(law))
            {
                var h = new double[k * k];
                law.LogLoss(theta, logX, new double[k], h);
                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b < k; b++)
                    {
                        double fd = Central(t => { var g = new double[k]; law.LogLoss(t, logX, g, Span<double>.Empty); return g[a]; }, theta, b);
                        Assert.True(Math.Abs(h[a * k + b] - fd) <= 1e-5 * Math.Max(1, Math.Abs(fd)), $"{name} H[{a},{b}]: analytic {h[a * k + b]}, numeric {fd}");
                        Assert.Equal(h[a * k + b], h[b * k + a], 12);
                    }
                }
            }
        }
    }

    [Theory, MemberData(nameof(Laws))]
    public void LogLoss_EqualsLogOfLossAtNaturalParameters(string name)
    {
        var law = Law(name);
        int k = law.FitParameterNames.Count;
        foreach (var theta in Thetas(name))
        {
            var natural = new double[k];
            law.ToNatural(theta, natural, new double[k * k]);
            var back = new double[k];
            law.FromNatural(natural, back);
            for (int j = 0; j < k; j++) Assert.Equal(theta[j], back[j], 10);
            foreach (var logX in LogInputs(law))
            {
                var x = logX.Select(Math.Exp).ToArray();
                Assert.Equal(Math.Log(law.Loss(natural, x)), law.LogLoss(theta, logX, new double[k], Span<double>.Empty), 10);
            }
        }
    }

    [Fact]
    public void Chinchilla_PublishedConstants_PredictionComputedByHand()
    {
        // Hoffmann et al. 2022: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28. By hand (Python):
        // 1.69 + 406.4/7e10^0.34 + 410.7/1.4e12^0.28 = 1.93664547...
        double loss = ChinchillaLaw.Instance.Loss([1.69, 406.4, 410.7, 0.34, 0.28], [70e9, 1.4e12]);
        Assert.Equal(1.9366454705587173, loss, 12);
    }

    [Fact]
    public void KaplanNd_PublishedConstants_ReduceToPureLawsInTheLimits()
    {
        // Kaplan et al. 2020 Eq. 1.5 with α_N = 0.076, α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13: with
        // D → ∞ it is (N_c/N)^α_N (Eq. 1.1); with N → ∞ it is (D_c/D)^α_D (Eq. 1.2).
        double[] p = [6.4e13, 1.8e13, 0.076, 0.103];
        Assert.Equal(Math.Pow(6.4e13 / 1e9, 0.076), KaplanNdLaw.Instance.Loss(p, [1e9, 1e30]), 9);
        Assert.Equal(Math.Pow(1.8e13 / 1e10, 0.103), KaplanNdLaw.Instance.Loss(p, [1e40, 1e10]), 9);
    }

    [Fact]
    public void StartGrid_Chinchilla_HasTheFullHoffmannGridWithUpperEnds()
    {
        var grid = ChinchillaLaw.Instance.Starts;
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

    private static IEnumerable<double[]> LogInputs(IScalingLaw law) => law.Inputs.Count == 1
        ? [[Math.Log(1e8)], [Math.Log(3e10)]]
        : [[Math.Log(1e8), Math.Log(2e9)], [Math.Log(7e10), Math.Log(1.4e12)]];

    private static double Central(Func<double[], double> f, double[] theta, int j)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
        var up = (double[])theta.Clone();
        var down = (double[])theta.Clone();
        up[j] += h;
        down[j] -= h;
        return (f(up) - f(down)) / (2 * h);
    }
}
