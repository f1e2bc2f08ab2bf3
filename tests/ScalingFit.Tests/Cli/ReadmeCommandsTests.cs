using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Every <c>scalingfit</c> command the README shows (each line of its <c>sh</c> blocks that starts
/// with <c>scalingfit </c>), run as written through the CLI as shipped, in a scratch folder that holds
/// the repository's <c>data/</c>, <c>samples/</c> and <c>tests/</c> (linked) and a copy of
/// <c>docs/</c>, so the files the commands write stay out of the repository. Each must exit 0, and
/// print one JSON document with --json. A line that pipes or redirects the output (to python3, to a
/// file) runs its scalingfit part: the rest is the reader's own tool, which a test machine may lack.
/// </summary>
public sealed class ReadmeCommandsTests : IClassFixture<ReadmeCommandsTests.Scratch>
{
    private readonly Scratch _scratch;

    public ReadmeCommandsTests(Scratch scratch) => _scratch = scratch;

    public static TheoryData<string> Commands() => [.. CommandLines()];

    private static List<string> CommandLines() =>
        [.. ShellBlockLines(File.ReadAllText(Path.Combine(Root, "README.md"))).Where(l => l.StartsWith("scalingfit ", StringComparison.Ordinal))];

    [Fact]
    public void Readme_ShowsTheCommandsOfEveryCommand()
    {
        var verbs = CommandLines().Select(c => ShellWords.Split(c)[1]).ToHashSet(StringComparer.Ordinal);
        foreach (var verb in new[] { "report", "fit", "predict", "optimal", "isoflop", "backtest", "compare", "tradeoff", "params", "plot" })
            Assert.Contains(verb, verbs);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Shipped_ReadmeCommand_RunsAsWritten(string line)
    {
        // The words of the line's first command: a pipeline's or redirection's other part (`| python3 -c ...`,
        // `> analysis.json`) is the reader's own tool, which a test machine may lack; the JSON it reads is checked below.
        var words = ShellWords.Split(line);
        var run = ShippedCli.Run(_scratch.Path, [.. words.Skip(1)]);
        Assert.True(run.ExitCode == 0, $"{line}\nexit {run.ExitCode}\n{run.Error}");
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
        if (words.Contains("--json")) System.Text.Json.JsonDocument.Parse(run.Out).Dispose();
    }

    /// <summary>The lines of the README's <c>sh</c> code blocks.</summary>
    internal static IEnumerable<string> ShellBlockLines(string markdown)
    {
        bool inside = false;
        foreach (var raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inside = !inside && line.Trim() == "```sh";
                continue;
            }
            if (inside && line.Length > 0) yield return line;
        }
    }

    internal static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "ScalingFit.sln"))) dir = dir.Parent!;
            return dir.FullName;
        }
    }

    /// <summary>A scratch working folder: data/, samples/ and tests/ linked from the repository, docs/ copied.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scalingfit-readme-" + Guid.NewGuid().ToString("N"));

        public Scratch()
        {
            Directory.CreateDirectory(Path);
            foreach (var name in new[] { "data", "samples", "tests" })
                Directory.CreateSymbolicLink(System.IO.Path.Combine(Path, name), System.IO.Path.Combine(Root, name));
            Directory.CreateDirectory(System.IO.Path.Combine(Path, "docs"));
            foreach (var file in Directory.GetFiles(System.IO.Path.Combine(Root, "docs")))
                File.Copy(file, System.IO.Path.Combine(Path, "docs", System.IO.Path.GetFileName(file)));
        }

        public void Dispose()
        {
            try
            {
                // The links first, each unlinked on its own, so the repository's folders behind them are never walked.
                foreach (var name in new[] { "data", "samples", "tests" })
                {
                    var link = new DirectoryInfo(System.IO.Path.Combine(Path, name));
                    if (link.LinkTarget is not null) link.Delete();
                }
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
