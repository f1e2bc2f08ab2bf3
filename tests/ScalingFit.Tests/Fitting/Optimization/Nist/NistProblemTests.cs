namespace ScalingFit.Tests.Fitting.Optimization.Nist;

/// <summary>
/// The transcribed reference data are checked against NIST's own numbers before any optimizer is:
/// the observation counts NIST publishes, and the certified residual sum of squares recomputed from
/// the data at the certified parameters. A mistyped data value, start, certified value or model
/// would break the second check (the RSS at 11-digit parameters agrees with the certified RSS to
/// about 11 digits, as the minimum is flat to first order).
/// </summary>
public class NistProblemTests
{
    public static TheoryData<string, int, int> Sizes => new()
    {
        // Name, observations, parameters: from the NIST StRD nonlinear regression index.
        { "Misra1a", 14, 2 }, { "Chwirut2", 54, 3 }, { "Lanczos3", 24, 6 }, { "Gauss1", 250, 8 },
        { "DanWood", 6, 2 }, { "Misra1b", 14, 2 }, { "Kirby2", 151, 5 }, { "Hahn1", 236, 7 },
        { "Nelson", 128, 3 }, { "Misra1c", 14, 2 }, { "Misra1d", 14, 2 }, { "MGH09", 11, 4 },
        { "Thurber", 37, 7 }, { "BoxBOD", 6, 2 }, { "Rat42", 9, 3 }, { "MGH10", 16, 3 },
        { "Eckerle4", 35, 3 }, { "Rat43", 15, 4 }, { "Bennett5", 154, 3 },
    };

    public static TheoryData<string> Names => [.. NistProblem.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Load_EachProblem_HasNistObservationAndParameterCounts(string name, int observations, int parameters)
    {
        var problem = NistProblem.Load(name);
        Assert.Equal(observations, problem.Observations);
        Assert.Equal(observations, problem.Predictors.Length);
        Assert.All(problem.Predictors, row => Assert.Equal(problem.Model.PredictorCount, row.Length));
        Assert.Equal(parameters, problem.Model.ParameterCount);
        Assert.Equal(parameters, problem.Start1.Length);
        Assert.Equal(parameters, problem.Start2.Length);
        Assert.Equal(parameters, problem.Certified.Length);
    }

    [Fact]
    public void All_CoversEveryListedProblemOnce()
    {
        Assert.Equal(Sizes.Count, NistProblem.All.Count);
        Assert.Equal(NistProblem.All.Count, NistProblem.All.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ResidualSumOfSquares_AtCertifiedParameters_MatchesCertifiedToTenDigits(string name)
    {
        var problem = NistProblem.Load(name);
        double rss = LeastSquaresObjective.For(problem).ResidualSumOfSquares(problem.Certified);
        Assert.True(NistRun.Lre(rss, problem.CertifiedResidualSumOfSquares) >= 10,
            $"{name}: RSS at the certified parameters is {rss:R}, certified {problem.CertifiedResidualSumOfSquares:R}.");
    }

    [Fact]
    public void Parse_RowBlockWithWrongWidth_Throws()
    {
        const string text = "start1: 1 1 1\nstart2: 1 1 1\ncertified: 1 1 1\nrss: 1\nobservations: 1\ndata: y x1 x2\n1 2\n";
        Assert.Throws<FormatException>(() => NistProblem.Parse("Nelson", NistDifficulty.Average, text));
    }

    [Fact]
    public void Parse_FewerValuesThanDeclared_Throws()
    {
        const string text = "start1: 1 1\nstart2: 1 1\ncertified: 1 1\nrss: 1\nobservations: 3\nx:\n1 2\ny:\n3 4\n";
        Assert.Throws<FormatException>(() => NistProblem.Parse("Misra1a", NistDifficulty.Lower, text));
    }
}
