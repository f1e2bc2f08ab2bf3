using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class PredictCommandTests
{
    [Fact]
    public void Predict_Json_LossInsideIntervalAndEqualsFittedLaw()
    {
        var fit = CliRun.Of("fit", "--json").Json.GetProperty("parameters");
        var run = CliRun.Of("predict", "--at", "N=7e10", "--at", "N=1e12", "--json");
        Assert.Equal(0, run.ExitCode);
        var predictions = run.Json.GetProperty("predictions");
        Assert.Equal(2, predictions.GetArrayLength());
        var first = predictions[0];
        Assert.Equal(7e10, first.GetProperty("at").GetProperty("N").GetDouble());
        double loss = first.GetProperty("loss").GetDouble();
        Assert.Equal(Math.Pow(fit.GetProperty("scale").GetDouble() / 7e10, fit.GetProperty("alpha").GetDouble()), loss, 1e-9);
        Assert.InRange(loss, first.GetProperty("lower").GetDouble(), first.GetProperty("upper").GetDouble());
    }

    [Fact]
    public void Predict_JointLawInferredFromPoint()
    {
        var run = CliRun.Of("predict", "--law", "joint", "--at", "N=7e10,D=1.4e12", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("joint", run.Json.GetProperty("law").GetString());
    }

    [Fact]
    public void Predict_Table_ShowsWarningForFarExtrapolation()
    {
        var run = CliRun.Of("predict", "--at", "N=1e13");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("far extrapolation", run.Out);
    }

    [Fact]
    public void Predict_WithoutAt_IsUsageError()
    {
        Assert.Equal(2, CliRun.Of("predict").ExitCode);
        Assert.Equal(2, CliRun.Of("predict", "--at", "N=x").ExitCode);
    }
}
