using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Melts a chart export in wide form — a step column and one column per run and metric named
/// "&lt;run&gt; - &lt;metric&gt;", with "__MIN"/"__MAX" companions, as W&amp;B writes them — into long rows:
/// one per run and step, with a column 'run' (from the header) and one column per metric. Rows
/// where a run has no value are left out; the __MIN/__MAX columns (smoothing bounds) are dropped.
/// </summary>
internal static class WideLayout
{
    public const string RunColumn = "run";
    private const string Separator = " - ";

    /// <exception cref="DataException">No column is named "&lt;run&gt; - &lt;metric&gt;".</exception>
    public static RawTable Melt(RawTable table)
    {
        var series = new List<(int Column, string Run, string Metric)>();
        var keep = new List<int>();
        int bounds = 0;
        for (int c = 0; c < table.Names.Count; c++)
        {
            string name = table.Names[c];
            int cut = name.LastIndexOf(Separator, StringComparison.Ordinal);
            if (cut <= 0) { keep.Add(c); continue; }
            if (name.EndsWith("__MIN", StringComparison.Ordinal) || name.EndsWith("__MAX", StringComparison.Ordinal)) { bounds++; continue; }
            series.Add((c, name[..cut].Trim(), name[(cut + Separator.Length)..].Trim()));
        }
        if (series.Count == 0)
            throw new DataException(
                $"a wide table needs columns named '<run> - <metric>' (a W&B chart export); the columns are: {Headers.List(table.Names)}.", table.Source, table.HeaderLine);
        var runs = series.Select(s => s.Run).Distinct(StringComparer.Ordinal).ToList();
        var metrics = series.Select(s => s.Metric).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var builder = new TableBuilder(table.Source, table.Origins.Locator(0), table.Count * runs.Count);
        var kept = keep.Select(c => builder.Column(table.Names[c])).ToArray();
        int runColumn = builder.Column(table.Names.Any(n => string.Equals(n, RunColumn, StringComparison.OrdinalIgnoreCase)) ? "wide_run" : RunColumn);
        var metricColumns = metrics.Select(builder.Column).ToArray();
        // Each run's series and their metric columns, found once (not per row: 300 runs made that quadratic).
        var byRun = runs.Select(run => series.Where(s => s.Run == run)
            .Select(s => (s.Column, Metric: metricColumns[metrics.FindIndex(x => string.Equals(x, s.Metric, StringComparison.OrdinalIgnoreCase))]))
            .ToArray()).ToArray();
        var runNames = runs.Select(Encoding.UTF8.GetBytes).ToArray();
        for (int r = 0; r < table.Count; r++)
        {
            for (int j = 0; j < runs.Count; j++)
            {
                var cells = byRun[j];
                if (cells.All(s => table.Columns[s.Column].Kind(r) == CellKind.Empty)) continue;
                for (int k = 0; k < kept.Length; k++)
                {
                    builder.Take(kept[k]);
                    builder[kept[k]].AddFrom(table.Columns[keep[k]], r);
                }
                builder.Take(runColumn);
                builder.Text(runColumn, runNames[j]);
                foreach (var (column, m) in cells)
                {
                    builder.Take(m);
                    builder[m].AddFrom(table.Columns[column], r);
                }
                builder.EndRow(table.Lines[r]);
            }
        }
        if (builder.Count == 0) throw new DataException("the wide table has no values.", table.Source);
        var notes = table.Notes.Append(
            $"melted the wide table: {runs.Count} runs × {metrics.Count} metrics from {table.Count} rows into {builder.Count} rows" +
            (bounds > 0 ? $" ({bounds} __MIN/__MAX columns dropped)" : "")).ToList();
        return builder.Build(notes);
    }
}
