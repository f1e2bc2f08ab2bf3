using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Tests.Laws;

/// <summary>Formulas as users write them: the grammar, and errors that point at the place.</summary>
public class FormulaParserTests
{
    private static FormulaLaw Law(string formula, params string[] columns) => FormulaLaw.Create(formula, columns);

    private static double Value(FormulaLaw law, IReadOnlyDictionary<string, double> parameters, params double[] inputs) =>
        law.Value(law.Parameters.Select(p => parameters[p.Name]).ToArray(), inputs);

    [Fact]
    public void Create_Chinchilla_QuantitiesAreInputsAndTheRestParameters()
    {
        var law = Law("E + A/N^alpha + B/D^beta");
        Assert.Equal([Quantity.ParameterCount, Quantity.TrainingTokens], law.Inputs.Select(i => i.Quantity!.Value));
        Assert.Equal(["E", "A", "alpha", "B", "beta"], law.Parameters.Select(p => p.Name));
        Assert.Equal("L = E + A/N^alpha + B/D^beta", law.Formula);
        // Scales multiplying a power of an input are positive (fitted in logs); exponents and offsets are not.
        Assert.Equal([false, true, false, true, false], law.Parameters.Select(p => p.Positive));
        Assert.Equal([ParameterRole.Offset, ParameterRole.Scale, ParameterRole.Exponent, ParameterRole.Scale, ParameterRole.Exponent],
            law.Parameters.Select(p => p.Role));
        Assert.Equal("α", law.Parameters[2].Symbol);
    }

    [Fact]
    public void Value_PublishedChinchillaConstants_EqualTheBuiltInLaw()
    {
        // Hoffmann et al. 2022: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28; 1.9366454705587173 by hand (Python).
        var law = Law("E + A/N^alpha + B/D^beta");
        var p = new Dictionary<string, double> { ["E"] = 1.69, ["A"] = 406.4, ["alpha"] = 0.34, ["B"] = 410.7, ["beta"] = 0.28 };
        Assert.Equal(1.9366454705587173, Value(law, p, 70e9, 1.4e12), 12);
    }

    [Theory]
    [InlineData("-x^2 + a - 2", -9.0)]  // −(x²): ^ binds tighter than the sign
    [InlineData("2^x^2 + a - 2", 512.0)] // 2^(x²): ^ is right-associative
    [InlineData("a*x - 6/x/2", 5.0)]    // (6/x)/2 = 1, so 3·2 − 1
    [InlineData("a*(x - 1)", 4.0)]
    [InlineData("a × x − 1", 5.0)]      // × and the true minus sign
    [InlineData("a·x + -x", 3.0)]
    [InlineData("1.5e1 + a*x - 6", 15.0)]
    [InlineData("a*log10(100*x/x) + ln(exp(x)) - sqrt(x*x)", 4.0)]
    [InlineData("a*min(x, 1) + max(x, 1)", 5.0)]
    [InlineData("a*sigmoid(0*x) + softplus(0*x)", 1.6931471805599454)]
    public void Value_Grammar_FollowsArithmetic(string formula, double expected)
    {
        // x = 3, a = 2.
        var law = Law(formula, "x");
        var p = law.Parameters.ToDictionary(q => q.Name, _ => 2.0);
        Assert.Equal(expected, Value(law, p, 3), 12);
    }

    [Theory]
    [InlineData("E + A/N^", 9)]
    [InlineData("E + (A/N", 9)]
    [InlineData("E + A//N", 7)]
    [InlineData("E + A/N^alpha)", 14)]
    [InlineData("E + $A", 5)]
    [InlineData("", 1)]
    public void Create_Malformed_PointsAtTheColumn(string formula, int column)
    {
        var e = Assert.Throws<OptionException>(() => Law(formula));
        Assert.Equal(column, e.Position!.Column);
        Assert.Equal("LawSpec.Law", e.Parameter);
        // The message shows the formula with a caret under the place.
        Assert.Contains("^", e.Message.Split('\n')[^1]);
        Assert.Equal(column + 1, e.Message.Split('\n')[^1].IndexOf('^'));
    }

    [Theory]
    [InlineData("E + (A/N^alpha", "it ends too soon, expected ')'")]
    [InlineData("E + A/N^alpha,", "unexpected ','")]
    [InlineData("E + A/N^1e", "'1e' is not part of a formula")]
    [InlineData("E + A/N**alpha", "Powers are written with ^ (N^alpha), not **.")]
    public void Create_Malformed_SaysWhatIsWrongInAPersonsWords(string formula, string message)
    {
        var e = Assert.Throws<OptionException>(() => Law(formula));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain("close", e.Message);
    }

    [Fact]
    public void Create_UnknownFunction_NamesItAndTheKnownOnes()
    {
        var e = Assert.Throws<OptionException>(() => Law("E + A*log(N)"));
        Assert.Contains("unknown function 'log' at column 7", e.Message);
        Assert.Contains("ln is the natural logarithm", e.Message);
        Assert.Equal(7, e.Position!.Column);
    }

    [Fact]
    public void Create_WrongNumberOfArguments_Refuses() =>
        Assert.Contains("min takes 2 arguments, got 1", Assert.Throws<OptionException>(() => Law("A*min(N)")).Message);

    [Fact]
    public void Create_NoParameter_SaysToNameTheConstants() =>
        Assert.Contains("no parameter", Assert.Throws<OptionException>(() => Law("1.69 + 406.4/N^0.34")).Message);

    [Fact]
    public void Create_NoInput_Refuses() =>
        Assert.Contains("takes no input", Assert.Throws<OptionException>(() => Law("E + A")).Message);

    [Fact]
    public void Create_ParameterWithoutEffect_PointsAtIt()
    {
        var e = Assert.Throws<OptionException>(() => Law("E + 0*B + A/N^alpha"));
        Assert.Contains("'B' (column 7) has no effect", e.Message);
        Assert.Equal(7, e.Position!.Column);
    }

    [Fact]
    public void Create_DescribedParameterNotInTheFormula_Refuses()
    {
        var e = Assert.Throws<OptionException>(() => FormulaLaw.Create("E + A/N^alpha", [], new FormulaOptions { Parameters = [new("B")] }));
        Assert.Contains("'B' is described but does not appear", e.Message);
    }

    [Fact]
    public void Create_ColumnsAreInputs_MatchedIgnoringCase()
    {
        var law = Law("lr = a*C^b*Batch^c", "batch", "seed");
        Assert.Equal("lr", law.Target);
        Assert.Equal(["C", "batch"], law.Inputs.Select(i => i.Name));
        Assert.Equal(["a", "b", "c"], law.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Create_TargetAlsoOnTheRight_Refuses() =>
        Assert.Contains("'lr' is what the formula predicts", Assert.Throws<OptionException>(() => Law("lr = a*C^b + lr", "lr")).Message);

    [Fact]
    public void Roles_CoefficientOfAPlainInput_IsNotForcedPositive()
    {
        // b in a + b·x may be negative: it multiplies the input itself, not a power law of it.
        var law = Law("a + b*x", "x");
        Assert.All(law.Parameters, p => Assert.False(p.Positive));
    }
}
