namespace ScalingFit.Data;

/// <summary>Concatenation of tables read from several files.</summary>
internal static class RawTables
{
    /// <summary>
    /// The rows of every table in order, with the columns united by name (case-insensitive; a cell
    /// a file does not have is empty) and a column holding each row's file relative to the root.
    /// </summary>
    public static RawTable Concatenate(string source, string root, IReadOnlyList<RawTable> tables, string fileColumn, IReadOnlyList<string> notes)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tables)
            foreach (var n in t.Names)
                if (index.TryAdd(n, names.Count)) names.Add(n);
        string fileName = index.ContainsKey(fileColumn) ? "source_" + fileColumn : fileColumn;
        int total = tables.Sum(t => t.Count);
        var columns = names.Select(_ => new CellColumn.Builder(total)).ToArray();
        var file = new CellColumn.Builder(total);
        var lines = new int[total];
        var fileOfRow = new int[total];
        var locators = tables.Select(t => t.Origins.Locator(0)).ToArray();
        int row = 0;
        for (int k = 0; k < tables.Count; k++)
        {
            var t = tables[k];
            // By a dictionary: a folder of run summaries can hold thousands of files with hundreds of keys each.
            var own = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int c = 0; c < t.Names.Count; c++) own.TryAdd(t.Names[c].Trim(), c);
            var map = names.Select(n => own.GetValueOrDefault(n.Trim(), -1)).ToArray();
            var relative = System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, t.Source));
            for (int r = 0; r < t.Count; r++, row++)
            {
                for (int c = 0; c < names.Count; c++)
                {
                    if (map[c] < 0) columns[c].AddEmpty();
                    else columns[c].AddFrom(t.Columns[map[c]], r);
                }
                file.AddText(relative);
                lines[row] = t.Lines[r];
                fileOfRow[row] = k;
            }
        }
        var allNames = names.Append(fileName).ToArray();
        var allColumns = columns.Select(c => c.Build()).Append(file.Build()).ToArray();
        var allNotes = notes.Concat(tables.SelectMany(t => t.Notes.Select(n => $"{Path.GetRelativePath(root, t.Source)}: {n}"))).ToList();
        return new RawTable(source, allNames, allColumns, total, lines,
            new RowOrigins(tables.Select(t => t.Source).ToArray(), locators, fileOfRow), allNotes);
    }
}
