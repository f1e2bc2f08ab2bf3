using System.Globalization;
using System.Text.RegularExpressions;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// The report's progress display as a person sees it, in a 60-column pseudo-terminal: every frame
/// fits the width, and the laws' bar moves within a law (per batch of starts), not only from one
/// law to the next.
/// </summary>
public partial class ReportProgressTests
{
    [SkippableFact]
    public void Report_InA60ColumnTerminal_ProgressFitsAndMovesWithinALaw()
    {
        Skip.IfNot(Terminal.Available, "needs util-linux script(1) for a pseudo-terminal");
        using var folder = new TempFolder();
        var (code, raw) = Terminal.InTerminal(60, "report", "--out", folder.File("report"), "--bootstrap", "100");
        Assert.True(code == 0, raw);
        // The progress rows (the paths printed at the end are as long as the paths).
        var lines = Frames(raw).Where(l => l.Contains('━') || l.Contains('%')).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(new StringInfo(line).LengthInTextElements <= 60, $"wider than 60 columns: '{line}'"));
        var laws = lines.Select(l => LawsRow().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.True(laws.Count >= 5, $"the laws' bar showed {string.Join(", ", laws)}%");
        // Five laws would move it in steps of 20% if it moved per law only.
        Assert.Contains(laws, p => p % 20 != 0);
        Assert.Contains(lines, l => l.StartsWith("bootstrap: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("drawing the figures", StringComparison.Ordinal));
    }

    /// <summary>The lines drawn, frame after frame: colours dropped, cursor movements taken as line breaks.</summary>
    private static List<string> Frames(string raw)
    {
        string text = Colour().Replace(raw, "");
        text = Cursor().Replace(text, "\n");
        return text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Colour();

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[A-Za-ln-z]|[=>])")]
    private static partial Regex Cursor();

    [GeneratedRegex(@"^(?:fitting|fitted) .*?(\d+)% ")]
    private static partial Regex LawsRow();
}
