using Spectre.Console;
using ReportTable = ScalingFit.Reporting.Table;

namespace ScalingFit.Cli.Rendering;

/// <summary>
/// How a table fits a terminal of a given width without breaking a number: whole, with headers
/// wrapped at spaces; split into blocks of columns that repeat the columns naming a row (as pandas
/// prints a wide frame); or, when not even that fits, one record per row.
/// </summary>
/// <remarks>
/// Right-aligned columns hold numbers and intervals, whose cells never wrap; left-aligned columns
/// hold words, which may wrap at spaces. A column is never narrower than its longest word.
/// </remarks>
/// <param name="Blocks">The columns of each block, left to right, the key columns first in every block after the first.</param>
/// <param name="Widths">Each column's content width in cells.</param>
/// <param name="Key">The columns that name a row, repeated in every block and titling every record.</param>
/// <param name="Vertical">Whether to print one record per row instead of blocks.</param>
internal sealed record TableLayout(IReadOnlyList<IReadOnlyList<int>> Blocks, IReadOnlyList<int> Widths, IReadOnlyList<int> Key, bool Vertical)
{
    /// <summary>Cells a column's border and padding take in a rounded table: "│ " before and " " after.</summary>
    public const int ColumnOverhead = 3;

    /// <summary>More blocks than this read worse than one record per row.</summary>
    public const int MaxBlocks = 4;

    /// <summary>The layout of a table in <paramref name="width"/> cells.</summary>
    public static TableLayout For(ReportTable table, int width)
    {
        int n = table.Columns.Count;
        var natural = new int[n];
        var minimum = new int[n];
        for (int j = 0; j < n; j++)
        {
            var cells = table.Rows.Select(r => r[j]).ToList();
            var column = table.Columns[j];
            natural[j] = cells.Select(Width).Append(Width(column.Header)).Max();
            int cellMinimum = column.AlignRight ? cells.Select(Width).DefaultIfEmpty(0).Max() : Math.Min(natural[j], Math.Max(8, LongestWord(cells)));
            minimum[j] = Math.Max(cellMinimum, LongestWord([column.Header]));
        }
        var all = Enumerable.Range(0, n).ToList();
        if (Total(all, natural) <= width) return new([all], natural, [], false);
        if (Total(all, minimum) <= width) return new([all], Widen(all, minimum, natural, width), [], false);

        var key = KeyColumns(table, minimum, width);
        if (key.Count == 0) return Records(table, natural, minimum, width);
        var rest = all.Except(key).ToList();
        var blocks = new List<List<int>>();
        var current = new List<int>(key);
        foreach (int j in rest)
        {
            if (Total([.. current, j], minimum) <= width) { current.Add(j); continue; }
            if (current.Count == key.Count) return Records(table, natural, minimum, width);
            blocks.Add(current);
            current = [.. key, j];
            if (Total(current, minimum) > width) return Records(table, natural, minimum, width);
        }
        blocks.Add(current);
        if (blocks.Count > MaxBlocks) return Records(table, natural, minimum, width);
        var widths = minimum.ToArray();
        foreach (var block in blocks)
        {
            var widened = Widen(block, minimum, natural, width);
            foreach (int j in block) widths[j] = Math.Max(widths[j], widened[j]);
        }
        // A key column widened in one block is that wide in every block: check they all still fit.
        if (blocks.Any(b => Total(b, widths) > width)) widths = minimum;
        return new(blocks, widths, key, false);
    }

    /// <summary>The width of a set of columns in a rounded table.</summary>
    public static int Total(IEnumerable<int> columns, IReadOnlyList<int> widths) => columns.Sum(j => widths[j] + ColumnOverhead) + 1;

    /// <summary>A string's width in terminal cells.</summary>
    public static int Width(string text) => text.GetCellWidth();

    private static int LongestWord(IEnumerable<string> texts) =>
        texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Width).DefaultIfEmpty(0).Max();

    /// <summary>Widths from the minimum toward the natural ones, the column furthest short first, within <paramref name="width"/>.</summary>
    private static int[] Widen(IReadOnlyList<int> columns, int[] minimum, int[] natural, int width)
    {
        var widths = minimum.ToArray();
        int spare = width - Total(columns, widths);
        while (spare > 0)
        {
            int widest = columns.Where(j => widths[j] < natural[j]).DefaultIfEmpty(-1).MaxBy(j => j < 0 ? 0 : natural[j] - widths[j]);
            if (widest < 0) break;
            widths[widest]++;
            spare--;
        }
        return widths;
    }

    /// <summary>
    /// The leading columns through the first whose values differ in every row, preferring a column of
    /// words (a law's name) among the first three; none when they would take over half the width.
    /// </summary>
    private static List<int> KeyColumns(ReportTable table, int[] minimum, int width)
    {
        bool Unique(int j) => table.Rows.Select(r => r[j]).Distinct().Count() == table.Rows.Count;
        int n = table.Columns.Count;
        int last = Enumerable.Range(0, Math.Min(3, n)).Where(j => !table.Columns[j].AlignRight && Unique(j)).DefaultIfEmpty(-1).First();
        if (last < 0) last = Enumerable.Range(0, n).Where(Unique).DefaultIfEmpty(0).First();
        var key = Enumerable.Range(0, last + 1).ToList();
        if (key.Count >= n || Total(key, minimum) > width / 2) key = [0];
        return Total(key, minimum) > width / 2 || n < 2 ? [] : key;
    }

    private static TableLayout Records(ReportTable table, int[] natural, int[] minimum, int width)
    {
        var key = KeyColumns(table, minimum, width);
        return new([Enumerable.Range(0, table.Columns.Count).ToList()], natural, key, true);
    }
}
