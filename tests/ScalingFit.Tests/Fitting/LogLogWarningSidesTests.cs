using MathNet.Numerics.LinearAlgebra;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Fitting;

/// <summary>
/// Each warning of the log-log (OLS) fits on runs just past its threshold and on the same kind of runs just short of
/// it (issue 11: every warning has a test that triggers it and one that does not). The runs come from closed forms.
/// </summary>
public class LogLogWarningSidesTests
{
    private static IEnumerable<string> Codes(FitResult fit) => fit.Diagnostics.Select(d => d.Code);

    /// <summary>Runs with N from 1e7 over <paramref name="decades"/>, at <paramref name="sizes"/> log-spaced points.</summary>
    private static double[] Sizes(int sizes, double decades = 3) =>
        [.. Enumerable.Range(0, sizes).Select(i => 1e7 * Math.Pow(10, decades * i / (sizes - 1)))];

    private static FitResult Power(IEnumerable<(double N, double D, double Loss)> rows) =>
        LogLogRegression.Power(Synthetic.Load(Synthetic.Csv(rows)), Quantity.ParameterCount);

    [Theory]
    [InlineData(0.01, true)]    // L = 3·N^0.01 rises with N: α = −0.01
    [InlineData(-0.01, false)]  // L = 3·N^−0.01 falls: α = 0.01
    public void LossDoesNotFall_OnlyWhenTheExponentIsNotPositive(double slope, bool warns)
    {
        var fit = Power(Sizes(12).Select(n => (n, 2e10, 3 * Math.Pow(n, slope))));
        Assert.Equal(-slope, fit["alpha"].Value, 9);
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.LossDoesNotFall));
    }

    [Theory]
    [InlineData(0.95, true)]
    [InlineData(1.05, false)]
    public void NarrowRange_BelowOneDecadeOfN(double decades, bool warns)
    {
        var fit = Power(Sizes(12, decades).Select(n => (n, 2e10, Math.Pow(8.8e13 / n, 0.076))));
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.NarrowRange));
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void FewRuns_BelowTenRuns_InBothThePowerAndTheJointLaw(int runs, bool warns)
    {
        // D on its own grid, shuffled against N (i·7 mod runs), so that the joint law is identified.
        var rows = Sizes(runs).Select((n, i) => (N: n, D: 1e9 * Math.Pow(10, 2.0 * (i * 7 % runs) / runs), Loss: 0.0))
            .Select(r => r with { Loss = Math.Pow(r.N, -0.07) * Math.Pow(r.D, -0.05) }).ToList();
        Assert.Equal(warns, Codes(Power(rows)).Contains(DiagnosticCodes.FewRuns));
        var joint = LogLogRegression.Joint(Synthetic.Load(Synthetic.Csv(rows)), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Equal(warns, Codes(joint).Contains(DiagnosticCodes.FewRuns));
    }

    /// <summary>
    /// Two runs per size, ln L = −α·ln N ± e: the slope is exactly −α (the pair's deviations cancel), so
    /// R² = α²·Sxx / (α²·Sxx + n·e²) in closed form; e is set to give the R² asked.
    /// </summary>
    [Theory]
    [InlineData(0.48, true)]
    [InlineData(0.52, false)]
    public void LowRSquared_BelowHalfTheVariance(double rSquared, bool warns)
    {
        const double alpha = 0.05;
        var x = Sizes(10).Select(v => Math.Log(v)).ToArray();
        double mean = x.Average(), sxx = 2 * x.Sum(v => (v - mean) * (v - mean));
        double e = Math.Sqrt(alpha * alpha * sxx * (1 / rSquared - 1) / (2 * x.Length));
        var rows = x.SelectMany(v => new[] { -1.0, 1.0 }.Select(sign => (N: Math.Exp(v), D: 2e10, Loss: Math.Exp(-alpha * v + sign * e))));
        var fit = Power(rows);
        Assert.Equal(rSquared, fit.Statistics.RSquared, 9);
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.LowRSquared));
    }

    [Theory]
    [InlineData(0.02, true)]    // L rises with D at fixed N
    [InlineData(-0.02, false)]
    public void RisesWithInput_WhenTheJointExponentOfAnInputIsPositive(double dSlope, bool warns)
    {
        var rows = Sizes(4).SelectMany(n => new[] { 1e9, 1e10, 1e11 }.Select(d => (n, d, 2 * Math.Pow(n, -0.07) * Math.Pow(d, dSlope))));
        var fit = LogLogRegression.Joint(Synthetic.Load(Synthetic.Csv(rows)), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.RisesWithInput));
    }

    /// <summary>
    /// D = 20·N·e^(±s): the smaller s, the more nearly ln D = ln 20 + ln N. The warning fires exactly when the condition
    /// number of the design [1, ln N, ln D], computed here by MathNet's SVD, exceeds 1e5.
    /// </summary>
    [Theory]
    [InlineData(0.0008, true)]
    [InlineData(0.0012, false)]
    public void Collinear_WhenTheDesignsConditionNumberExceeds1e5(double spread, bool warns)
    {
        var rows = Sizes(12).Select((n, i) => (n, 20 * n * Math.Exp(i % 2 == 0 ? spread : -spread), 2 * Math.Pow(n, -0.07))).ToList();
        var design = Matrix<double>.Build.DenseOfRowArrays(rows.Select(r => new[] { 1, Math.Log(r.n), Math.Log(r.Item2) }));
        var s = design.Svd().S;
        double condition = s[0] / s[^1];
        Assert.True(warns == condition > 1e5, $"condition number {condition}");
        var fit = LogLogRegression.Joint(Synthetic.Load(Synthetic.Csv(rows)), [Quantity.ParameterCount, Quantity.TrainingTokens]);
        Assert.Equal(warns, Codes(fit).Contains(DiagnosticCodes.Collinear));
    }
}
