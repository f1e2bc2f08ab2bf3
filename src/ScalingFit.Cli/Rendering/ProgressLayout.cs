using Spectre.Console;

namespace ScalingFit.Cli.Rendering;

/// <summary>
/// Progress displays that fit the terminal: a name column of fixed width, a bar that takes what
/// the name, the percentage and the elapsed time leave (8 to 40 cells), refreshed about 12 times a
/// second, so a row never wraps, even at 60 columns.
/// </summary>
internal static class ProgressLayout
{
    /// <summary>A progress display on <paramref name="console"/> for names up to <paramref name="nameWidth"/> cells.</summary>
    public static Progress Create(IAnsiConsole console, int nameWidth)
    {
        // Name, bar, percentage (4) and elapsed time (8), a space between each, a cell to spare.
        int bar = Math.Clamp(console.Profile.Width - nameWidth - 4 - 8 - 4 - 1, 8, 40);
        var progress = console.Progress();
        progress.RefreshRate = TimeSpan.FromMilliseconds(80);
        return progress.AutoClear(true).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = bar },
                     new PercentageColumn(), new ElapsedTimeColumn());
    }

    /// <summary>A row's name, escaped for markup, padded or cut (with an ellipsis) to <paramref name="width"/> cells.</summary>
    public static string Name(string text, int width) =>
        Markup.Escape(text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…");
}
