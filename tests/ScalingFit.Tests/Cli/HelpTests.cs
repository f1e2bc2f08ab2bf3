using System.Text.RegularExpressions;
using ScalingFit.Cli;
using ScalingFit.Cli.Help;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Help as a new user reads it: every command ends with examples that parse (the first of each runs,
/// as the shipped program, in a fresh folder), options show their choices and readable defaults,
/// and mistakes get plain words and a suggestion.
/// </summary>
public partial class HelpTests
{
    private static readonly string[] Names = ["fit", "predict", "optimal", "isoflop", "backtest", "compare", "tradeoff", "params", "plot", "report"];

    public static TheoryData<string> CommandNames => new(Names);

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_OfEveryCommand_EndsWithTwoToFourExamplesThatParse(string command)
    {
        var run = CliRun.Of(command, "--help");
        Assert.Equal(0, run.ExitCode);
        var examples = Examples(run.Out);
        Assert.InRange(examples.Count, 2, 4);
        foreach (string example in examples)
        {
            Assert.StartsWith($"scalingfit {command}", example);
            var parse = CliApp.Parse(Words(example), new CliContext(TextWriter.Null, TextWriter.Null));
            Assert.True(parse.Errors.Count == 0, $"{example}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
        // The examples are the last section.
        Assert.Matches(@"Examples:\n(  scalingfit .*\n      .*\n(      .*\n)?)+$", run.Out.Replace("\r\n", "\n"));
    }

    [SkippableFact]
    public void Help_FirstExampleOfEveryCommand_RunsAsWrittenInAFreshFolder()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "runs the shipped program with a shell-free argument list; tested on Linux");
        using var folder = new TempFolder();
        CopySamples(folder.Path);
        var firsts = Names.Select(c => Examples(CliRun.Of(c, "--help").Out)[0])
            .Where(e => !e.StartsWith("scalingfit report", StringComparison.Ordinal)) // ReportCommandTests run reports
            .ToList();
        var failures = firsts.AsParallel().WithDegreeOfParallelism(2)
            .Select(example => (Example: example, Run: Terminal.PipedIn(folder.Path, Words(example))))
            .Where(r => r.Run.Code != 0)
            .Select(r => $"{r.Example}: exit {r.Run.Code}: {r.Run.Error}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_EveryOptionSaysWhatItsValueIs_NeverAPlainValue(string command)
    {
        // "--where <value>" tells a reader nothing: each option names its kind of value (a column, a
        // condition, a law, a file, a unit, N=value...), or lists its choices.
        var run = CliRun.Of(command, "--help");
        var vague = run.Out.Split('\n').Where(l => Regex.IsMatch(l, @"^\s+(-[a-z], )?--[a-z0-9-]+ <value>")).ToList();
        Assert.True(vague.Count == 0, string.Join("\n", vague));
    }

    [Fact]
    public void Help_Options_ListTheirChoicesAndReadableDefaults()
    {
        string fit = CliRun.Of("fit", "--help").Out;
        Assert.Contains("--loss-function <huber|lsq>", fit);
        Assert.Contains("--select <all|last|max|min>", fit);
        Assert.EndsWith("Default: 1e-3.", Option(fit, "--huber-delta <number>"));
        // A switch shows no value.
        Assert.Matches(@"\n  --json +Print", fit);
        string tradeoff = CliRun.Of("tradeoff", "--help").Out;
        Assert.Equal("The smallest model size N of the ladder. Default: 1e7.", Option(tradeoff, "--from <number>"));
        Assert.DoesNotContain("10000000", tradeoff);
        string report = CliRun.Of("report", "--help").Out;
        Assert.Contains("--figure-format <png|svg>", report);
        string plot = CliRun.Of("plot", "--help").Out;
        Assert.Contains("--kind <", plot);
        foreach (string kind in new[] { "fit", "residuals", "whatif", "isoflop", "frontier", "backtest" }) Assert.Contains(kind, plot);
    }

    [Theory]
    [InlineData(new[] { "fit", "--threads", "x" }, "error: --threads expects a whole number such as 1000 or 1e3, got 'x'.")]
    [InlineData(new[] { "fit", "--bootstrap", "1.5" }, "error: --bootstrap expects a whole number such as 1000 or 1e3, got '1.5', which is not whole.")]
    [InlineData(new[] { "tradeoff", "--from", "abc" }, "error: --from expects a number (e.g. 1e7 or 0.5), got 'abc'.")]
    [InlineData(new[] { "fit", "--threads" }, "error: --threads needs a value: a whole number such as 1000 or 1e3.")]
    [InlineData(new[] { "fit", "--lw", "chinchilla" }, "error: unknown option '--lw'. Did you mean --law?")]
    [InlineData(new[] { "optimal", "--compute-rang", "1e18:1e20" }, "error: unknown option '--compute-rang'. Did you mean --compute-range?")]
    [InlineData(new[] { "fitt" }, "error: unknown command 'fitt'. Did you mean fit?")]
    [InlineData(new[] { "--verison" }, "error: unknown option '--verison'. Did you mean --version?")]
    [InlineData(new[] { "fit", "a.csv", "b.csv" }, "error: unexpected argument 'b.csv': fit takes one file at most.")]
    public void Mistakes_GetPlainWordsAndSuggestions_ExitTwo(string[] args, string message)
    {
        var run = CliRun.Of(args);
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(message, lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Run 'scalingfit", lines[1]);
        Assert.DoesNotContain("System.", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void UnknownLaw_ListsTheLawsAndSuggests_ExitTwo()
    {
        // --law also takes a formula, so a name that is neither is refused when the command runs, not by the parser.
        var run = CliRun.Of("fit", "--law", "chinchila");
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Equal(
            "error: --law: unknown law 'chinchila'; the laws are: power, saturating, joint, kaplan-nd, chinchilla, data-constrained, broken, " +
            "downstream, sigmoid, isoflop-minima (or a formula such as 'E + A/N^alpha + B/D^beta'). Did you mean chinchilla?",
            run.Error.Trim());
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData(1e7, "1e7")]
    [InlineData(5.76e23, "5.76e23")]
    [InlineData(1e-3, "1e-3")]
    [InlineData(0.2, "0.2")]
    [InlineData(1000, "1000")]
    [InlineData(-1, "-1")]
    [InlineData(2e-18, "2e-18")]
    public void Number_AsAPersonWritesIt(double value, string text) => Assert.Equal(text, HelpText.Number(value));

    [Theory]
    [InlineData("--lw", "--law", 1)]
    [InlineData("chinchila", "chinchilla", 1)]
    [InlineData("fitt", "fit", 1)]
    [InlineData("flot", "plot", 1)]
    [InlineData("caht", "chat", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_IsTheOptimalStringAlignmentDistance(string a, string b, int distance) =>
        Assert.Equal(distance, Suggestions.Distance(a.TrimStart('-'), b.TrimStart('-')));

    /// <summary>An option's description in the help, its wrapped lines joined.</summary>
    private static string Option(string help, string names)
    {
        var lines = help.Replace("\r\n", "\n").Split('\n');
        int i = Array.FindIndex(lines, l => l.StartsWith("  " + names + " ", StringComparison.Ordinal));
        Assert.True(i >= 0, $"no line for {names}");
        var words = new List<string> { lines[i][(2 + names.Length)..].Trim() };
        for (int j = i + 1; j < lines.Length && lines[j].StartsWith("      ", StringComparison.Ordinal); j++) words.Add(lines[j].Trim());
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    /// <summary>The command lines of the Examples section.</summary>
    private static List<string> Examples(string help)
    {
        int start = help.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(start >= 0, "no Examples section:\n" + help);
        return Regex.Matches(help[start..], @"^  (scalingfit .+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.TrimEnd()).ToList();
    }

    /// <summary>The words of an example after "scalingfit" (the examples use no quotes).</summary>
    private static string[] Words(string example) => example.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    private static void CopySamples(string folder)
    {
        string? repo = AppContext.BaseDirectory;
        while (repo is not null && !File.Exists(Path.Combine(repo, "ScalingFit.sln"))) repo = Path.GetDirectoryName(repo);
        Assert.NotNull(repo);
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        foreach (string file in Directory.GetFiles(Path.Combine(repo!, "samples"), "*.csv"))
            File.Copy(file, Path.Combine(folder, "samples", Path.GetFileName(file)));
    }
}
