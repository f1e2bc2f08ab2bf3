using System.CommandLine;
using ScalingFit.Cli;
using ScalingFit.Cli.Common;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>Counts on the command line: whole numbers in plain or scientific notation, one parser for every count option.</summary>
public class WholeNumbersTests
{
    [Theory]
    [InlineData("1000", 1000), InlineData("1e3", 1000), InlineData("1E3", 1000), InlineData("2.5e2", 250), InlineData("1_000", 1000),
     InlineData("0", 0), InlineData("-1", -1), InlineData("1.0", 1), InlineData("3e18", 3_000_000_000_000_000_000)]
    public void TryParse_WholeInAnyNotation_Accepts(string text, long expected)
    {
        Assert.True(WholeNumbers.TryParse(text, out var value));
        Assert.Equal(expected, (long)value);
    }

    [Theory]
    [InlineData("1.5"), InlineData("1e-1"), InlineData("2.55e1"), InlineData("abc"), InlineData(""), InlineData("1e40"), InlineData("NaN"), InlineData("Infinity")]
    public void TryParse_NotWhole_Refuses(string text) => Assert.False(WholeNumbers.TryParse(text, out _));

    [Fact]
    public void EveryCountOption_OfEveryCommand_UsesTheSharedParser()
    {
        // Every option typed as a whole number (int or long, nullable or not) in the whole command tree.
        var parse = CliApp.Parse(["--help"], new CliContext(new StringWriter(), new StringWriter()));
        var counts = All(parse.RootCommandResult.Command).Where(o => (Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType) is var t && (t == typeof(int) || t == typeof(long))).ToList();
        Assert.True(counts.Count >= 15, $"{counts.Count} count options");
        foreach (var option in counts)
        {
            bool hasParser = option switch
            {
                Option<int> o => o.CustomParser is not null,
                Option<int?> o => o.CustomParser is not null,
                Option<long> o => o.CustomParser is not null,
                Option<long?> o => o.CustomParser is not null,
                _ => false,
            };
            Assert.True(hasParser, option.Name);
        }
    }

    [Theory]
    [InlineData("fit", "--bootstrap"), InlineData("fit", "--seed"), InlineData("fit", "--threads"), InlineData("isoflop", "--min-sizes"),
     InlineData("isoflop", "--window"), InlineData("fit", "--drop-highest-loss"), InlineData("optimal", "--points"), InlineData("params", "--d-model"),
     InlineData("tradeoff", "--accelerators")]
    public void CountOption_ScientificNotation_ParsesToTheWholeNumber(string command, string option)
    {
        var parse = CliApp.Parse([command, option, "2.5e2"], new CliContext(new StringWriter(), new StringWriter()));
        Assert.Empty(parse.Errors);
        var symbol = parse.CommandResult.Command.Options.Single(o => o.Name == option);
        object? value = symbol switch
        {
            Option<int> o => parse.GetValue(o),
            Option<int?> o => parse.GetValue(o),
            Option<long> o => parse.GetValue(o),
            Option<long?> o => parse.GetValue(o),
            _ => null,
        };
        Assert.Equal(250L, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.5", "which is not whole"), InlineData("1e-1", "which is not whole"), InlineData("many", "got 'many'"), InlineData("1e12", "out of range")]
    public void Shipped_Bootstrap_NotAWholeNumber_UsageErrorNamingTheOption(string text, string expected)
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "fit", "--law", "chinchilla", "--bootstrap", text);
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith($"error: --bootstrap expects a whole number such as 1000 or 1e3", run.Error.Replace($"error: --bootstrap '{text}' is out of range", "error: --bootstrap expects a whole number such as 1000 or 1e3", StringComparison.Ordinal));
        Assert.Contains(expected, run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Shipped_Bootstrap_ScientificNotation_RunsThatManyResamples()
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "fit", "--law", "chinchilla", "--bootstrap", "2e1", "--seed", "1E1", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var bootstrap = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("bootstrap");
        Assert.Equal(20, bootstrap.GetProperty("resamples").GetInt32());
        Assert.Equal(10, bootstrap.GetProperty("seed").GetInt64());
    }

    [Fact]
    public void Shipped_DefaultsWithoutTheOption_StillApply()
    {
        using var folder = new TempFolder();
        var run = ShippedCli.Run(folder.Path, "fit", "--law", "chinchilla", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        // No --bootstrap: asymptotic intervals, and --drop-highest-loss's default of 5 on the built-in runs (245 − 5 = 240).
        var root = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        Assert.False(root.TryGetProperty("bootstrap", out _));
        Assert.Equal(240, root.GetProperty("data").GetProperty("runs").GetInt32());
    }

    private static IEnumerable<Option> All(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(All));
}
