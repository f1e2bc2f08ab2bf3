namespace ScalingFit.Data;

/// <summary>How the rows of an input are located in messages: by text line, or by record number.</summary>
public enum RowLocator
{
    /// <summary>The 1-based line of a text file (CSV, JSON Lines, JSON).</summary>
    Line,

    /// <summary>The 1-based row of a table without lines (Parquet, column-oriented JSON).</summary>
    Row,
}

/// <summary>
/// A table as read from one or more files, before any column is given a meaning: named columns of
/// cells, and where each row came from (file and line or row number).
/// </summary>
internal sealed record RawTable(
    string Source, IReadOnlyList<string> Names, CellColumn[] Columns, int Count, int[] Lines,
    RowOrigins Origins, IReadOnlyList<string> Notes)
{
    /// <summary>The line of the header in messages about the columns: 1 for one text file; none for Parquet, column-oriented JSON or a folder.</summary>
    public long? HeaderLine => Origins.FileCount == 1 && Count > 0 && Origins.Locator(0) == RowLocator.Line ? 1 : null;

    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The given rows, in the given order.</summary>
    public RawTable Pick(IReadOnlyList<int> rows)
    {
        var lines = new int[rows.Count];
        for (int i = 0; i < lines.Length; i++) lines[i] = Lines[rows[i]];
        return this with { Columns = Columns.Select(c => c.Pick(rows)).ToArray(), Count = rows.Count, Lines = lines, Origins = Origins.Pick(rows) };
    }
}

/// <summary>The file each row came from and how its rows are numbered; one file for most inputs.</summary>
internal sealed class RowOrigins
{
    private readonly string[] _files;
    private readonly RowLocator[] _locators;
    private readonly int[]? _fileOfRow;

    public RowOrigins(string[] files, RowLocator[] locators, int[]? fileOfRow)
    {
        _files = files;
        _locators = locators;
        _fileOfRow = fileOfRow;
    }

    public static RowOrigins Single(string source, RowLocator locator) => new([source], [locator], null);

    public int FileCount => _files.Length;

    public string File(int row) => _files[_fileOfRow is null ? 0 : _fileOfRow[row]];

    public RowLocator Locator(int row) => _locators[_fileOfRow is null ? 0 : _fileOfRow[row]];

    /// <summary>The index of a row's file in <see cref="Files"/>.</summary>
    public int FileIndex(int row) => _fileOfRow is null ? 0 : _fileOfRow[row];

    public IReadOnlyList<string> Files => _files;

    public IReadOnlyList<RowLocator> Locators => _locators;

    public RowOrigins Pick(IReadOnlyList<int> rows)
    {
        if (_fileOfRow is null) return this;
        var picked = new int[rows.Count];
        for (int i = 0; i < picked.Length; i++) picked[i] = _fileOfRow[rows[i]];
        return new RowOrigins(_files, _locators, picked);
    }
}
