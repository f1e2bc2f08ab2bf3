using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>--starts: the screened search by default, the exhaustive one on request, the same optimum.</summary>
public class StartsOptionTests
{
    [Fact]
    public void Fit_ScreenedAndExhaustive_ReachTheSameObjectiveAndSayHow()
    {
        var screened = CliRun.Of("fit", "--law", "chinchilla", "--json");
        var exhaustive = CliRun.Of("fit", "--law", "chinchilla", "--json", "--starts", "exhaustive");
        Assert.Equal(0, screened.ExitCode);
        Assert.Equal(0, exhaustive.ExitCode);
        double a = screened.Json.GetProperty("objective").GetDouble(), b = exhaustive.Json.GetProperty("objective").GetDouble();
        Assert.True(Math.Abs(a - b) <= 1e-9 * b, $"screened {a:R}, exhaustive {b:R}");
        Assert.Contains("4500 starts screened", screened.Json.GetProperty("convergence").GetProperty("method").GetString());
        Assert.EndsWith(", 4500 starts", exhaustive.Json.GetProperty("convergence").GetProperty("method").GetString());
        Assert.Equal(4500, exhaustive.Json.GetProperty("convergence").GetProperty("startsTried").GetInt32());
    }

    [Fact]
    public void Fit_UnknownSearch_IsAUsageError()
    {
        var run = CliRun.Of("fit", "--law", "chinchilla", "--starts", "some");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exhaustive", run.Error);
    }

    [Fact]
    public void Fit_StartsForALawFittedByOls_IsAUsageError()
    {
        var run = CliRun.Of("fit", "--law", "power", "--starts", "exhaustive");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--starts", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
