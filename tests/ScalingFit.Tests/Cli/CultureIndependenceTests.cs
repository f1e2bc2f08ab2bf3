using System.Globalization;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Nothing the tool reads or prints depends on the culture: the same commands give byte-identical
/// output under the invariant culture and under de-DE (decimal comma) and fr-FR (narrow no-break
/// space as the group separator), in a build that has cultures: the CLI embedded in a program, and
/// the library's reports called directly.
/// </summary>
public class CultureIndependenceTests
{
    public static TheoryData<string[]> Commands =>
    [
        ["fit"], ["fit", "--json"], ["fit", "--law", "chinchilla", "--json"],
        ["predict", "--at", "N=7e10"], ["optimal", "--compute", "5.76e23"], ["isoflop", "--json"],
        ["fit", "samples/logs/training-log.jsonl", "--run-column", "model,seed", "--step-column", "step"],
        ["fit", "samples/training-log.csv", "--where", "seed = 1 and lr >= 1e-3"],
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Run_CommaDecimalCultures_SameOutputAsInvariant(string[] args)
    {
        var resolved = args.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Repository(a) : a).ToArray();
        string expected = Under(CultureInfo.InvariantCulture, resolved);
        Assert.Equal(expected, Under(CultureInfo.GetCultureInfo("de-DE"), resolved));
        Assert.Equal(expected, Under(CultureInfo.GetCultureInfo("fr-FR"), resolved));
    }

    public static TheoryData<string> Laws => ["power", "joint", "saturating", "chinchilla"];

    /// <summary>The library as a user's program calls it (no CLI around it to set the culture).</summary>
    [Theory]
    [MemberData(nameof(Laws))]
    public void Library_FitReportsAndDataChecks_SameTextUnderAnyCulture(string law)
    {
        string Report()
        {
            var log = File.ReadAllText(Repository("samples/training-log.csv")).Replace("gpt-20m", "gpt-20m-x", StringComparison.Ordinal);
            var runs = ScalingFit.Data.Runs.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(log)), "log.csv", null,
                new ScalingFit.Data.RunSelection { Where = [ScalingFit.Data.RowFilter.Parse("lr > 1e-4")] });
            var inputs = law is "joint" or "chinchilla" ? new[] { ScalingFit.Data.Quantity.ParameterCount, ScalingFit.Data.Quantity.TrainingTokens } : [ScalingFit.Data.Quantity.ParameterCount];
            var fit = ScalingLaws.Fit(runs, law, inputs);
            return ScalingFit.Reporting.TextRenderer.Render(ScalingFit.Reporting.FitReport.Build(fit)) + ScalingFit.Reporting.Json.JsonOutput.Fit(fit);
        }
        string expected = With(CultureInfo.InvariantCulture, Report);
        Assert.Equal(expected, With(CultureInfo.GetCultureInfo("de-DE"), Report));
        Assert.Equal(expected, With(CultureInfo.GetCultureInfo("fr-FR"), Report));
    }

    private static string With(CultureInfo culture, Func<string> work)
    {
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    private static string Under(CultureInfo culture, string[] args)
    {
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode == 0, run.Error);
            return run.Out + run.Error;
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    private static string Repository(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "ScalingFit.sln"))) dir = dir.Parent!;
        return Path.Combine(dir.FullName, relative);
    }
}
