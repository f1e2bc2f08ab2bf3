using System.Globalization;
using System.Text.RegularExpressions;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// The tables of the shipped program in pseudo-terminals 60, 80, 100 and 160 columns wide: no line
/// is wider than the terminal (so the terminal wraps nothing), and every number of the piped output
/// (a stable, wide layout) appears whole in the terminal at least as often: a number broken across
/// lines ("7.319e" and "10") would be missing.
/// </summary>
public partial class TerminalTablesTests
{
    public static TheoryData<string> Commands => new()
    {
        "optimal --compute-range 1e18:1e26 --points 9",
        "compare",
        "tradeoff",
        "isoflop",
        "backtest --law chinchilla",
        "predict --law chinchilla --at N=7e10,D=1.4e12 --at N=1e9,D=2e10",
    };

    [SkippableTheory]
    [MemberData(nameof(Commands))]
    public void Tables_InTerminalsOf60To160Columns_FitAndKeepEveryNumberWhole(string command)
    {
        Skip.IfNot(Terminal.Available, "needs util-linux script(1) for a pseudo-terminal");
        string[] args = command.Split(' ');
        var piped = Terminal.Piped(args);
        Assert.True(piped.Code == 0, piped.Error);
        var expected = Numbers(piped.Out);
        Assert.NotEmpty(expected);

        var widths = new[] { 60, 80, 100, 160 };
        var runs = widths.AsParallel().AsOrdered().Select(w => (Width: w, Run: Terminal.InTerminal(w, args))).ToList();
        foreach (var (width, (code, raw)) in runs)
        {
            Assert.True(code == 0, $"exit {code} at {width} columns:\n{raw}");
            string text = Terminal.Plain(raw);
            foreach (string line in text.Split('\n'))
                Assert.True(Cells(line) <= width, $"{Cells(line)} cells in a {width}-column terminal: '{line}'");
            var seen = Numbers(text);
            foreach (var (number, count) in expected)
                Assert.True(seen.GetValueOrDefault(number) >= count,
                    $"'{number}' appears {seen.GetValueOrDefault(number)} times whole at {width} columns, {count} times piped:\n{text}");
        }
    }

    [SkippableFact]
    public void Tables_InANarrowTerminal_ShareOneFormatPerColumn()
    {
        Skip.IfNot(Terminal.Available, "needs util-linux script(1) for a pseudo-terminal");
        var (code, raw) = Terminal.InTerminal(80, "optimal", "--compute-range", "1e18:1e26", "--points", "9");
        Assert.Equal(0, code);
        // The N_opt column: every value with four significant digits in mantissa-exponent form, trailing zeros kept.
        var column = Regex.Matches(Terminal.Plain(raw), @"│ budget C │ +[0-9.e]+ │ +([0-9.e]+) │").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, column.Count);
        Assert.All(column, value => Assert.Matches(@"^\d\.\d{3}e\d+$", value));
    }

    /// <summary>How many times each number occurs as a whole token.</summary>
    private static Dictionary<string, int> Numbers(string text) =>
        Number().Matches(text).GroupBy(m => m.Value).ToDictionary(g => g.Key, g => g.Count());

    private static int Cells(string line) => new StringInfo(line).LengthInTextElements;

    [GeneratedRegex(@"(?<![\w.])[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?%?(?![\w.])")]
    private static partial Regex Number();
}
