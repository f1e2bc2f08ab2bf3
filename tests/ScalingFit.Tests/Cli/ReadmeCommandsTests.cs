using System.Diagnostics;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Every <c>scalingfit</c> command the README shows (each line of its <c>sh</c> blocks that starts
/// with <c>scalingfit </c>), run as written through the CLI as shipped, in a scratch folder that holds
/// the repository's <c>data/</c>, <c>samples/</c> and <c>tests/</c> (linked) and a copy of
/// <c>docs/</c>, so the files the commands write stay out of the repository. Each must exit 0.
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
        var words = ShellWords.Split(line);
        // A pipeline or a redirection (`| python3 -c ...`, `> analysis.json`) runs in a shell as written,
        // with scalingfit the shipped program; anything else runs the program on the line's words.
        var run = words.Any(w => w is "|" or ">" or ">>")
            ? InShell(_scratch.Path, line)
            : ShippedCli.Run(_scratch.Path, [.. words.Skip(1)]);
        Assert.True(run.ExitCode == 0, $"{line}\nexit {run.ExitCode}\n{run.Error}");
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A README line run by bash in <paramref name="folder"/>, <c>scalingfit</c> being the shipped program; a pipeline fails if any part fails.</summary>
    private static CliRun InShell(string folder, string line)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -o pipefail; scalingfit() {{ dotnet exec '{ShippedCli.Dll}' \"$@\"; }}; {line}");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{line} did not finish in 120 s");
        }
        return new CliRun(process.ExitCode, output.Result, error.Result);
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
