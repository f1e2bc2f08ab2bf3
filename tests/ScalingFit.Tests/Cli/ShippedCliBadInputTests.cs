using System.Collections.Concurrent;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Every bad-input fixture run through the CLI as shipped (its build output and runtime
/// configuration, InvariantGlobalization on, in its own process under a German locale): exit code
/// 1 for data or 2 for usage, a message naming the file and line, column or key, nothing on
/// standard output and never a stack trace.
/// </summary>
public class ShippedCliBadInputTests
{
    [Fact]
    public void Shipped_RuntimeConfiguration_HasInvariantGlobalization()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(ShippedCli.RuntimeConfig));
        var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(options.GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    [Fact]
    public void Fixtures_CoverAtLeastSixtyKinds() => Assert.True(BadInputFixtures.All.Count >= 60, $"{BadInputFixtures.All.Count} fixtures");

    [Fact]
    public void Shipped_EveryBadInput_ExitsOneOrTwoWithALocatedMessageAndNoStackTrace()
    {
        using var folder = new TempFolder();
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(BadInputFixtures.All, new ParallelOptions { MaxDegreeOfParallelism = 4 }, fixture =>
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder.Path, Guid.NewGuid().ToString("N"))).FullName;
            string path = fixture.Setup?.Invoke(dir) ?? Path.Combine(dir, "f");
            if (fixture.Bytes is not null) File.WriteAllBytes(path, fixture.Bytes);
            var args = new List<string> { fixture.Args[0], path };
            args.AddRange(fixture.Args.Skip(1));
            var run = ShippedCli.Run(dir, [.. args]);
            var problems = new List<string>();
            if (run.ExitCode != fixture.ExitCode) problems.Add($"exit {run.ExitCode}, expected {fixture.ExitCode}");
            if (!run.Error.StartsWith("error: ", StringComparison.Ordinal)) problems.Add("no 'error: ' message");
            if (run.Error.Contains("   at ", StringComparison.Ordinal) || run.Error.Contains("Exception", StringComparison.Ordinal))
                problems.Add("a stack trace or exception name");
            if (run.Out.Length > 0) problems.Add("output on stdout");
            foreach (var expected in fixture.Expected)
                if (!run.Error.Contains(expected, StringComparison.Ordinal)) problems.Add($"no '{expected}'");
            if (fixture.ExitCode == 1 && !run.Error.Contains(path, StringComparison.Ordinal) && fixture.Setup is null)
                problems.Add("the file is not named");
            if (problems.Count > 0) failures.Add($"{fixture.Name}: {string.Join("; ", problems)}\n    {run.Error.Trim().Replace("\n", "\n    ", StringComparison.Ordinal)}");
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {BadInputFixtures.All.Count} fixtures failed:\n" + string.Join("\n", failures.Order()));
    }
}
