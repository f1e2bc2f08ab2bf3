using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// Input data that cannot be used: a malformed cell, a missing column, a value that cannot be
/// logged. Carries where the problem is, and the message names it too.
/// </summary>
public sealed class DataException : ScalingFitException
{
    /// <summary>Creates the exception; the message is prefixed with the location.</summary>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="source">The file (or data set name) the data came from.</param>
    /// <param name="line">The 1-based line of the input, when known.</param>
    /// <param name="column">The column name, when known.</param>
    /// <param name="locator">Whether <paramref name="line"/> is a text line or a row number (Parquet, column-oriented JSON).</param>
    public DataException(string problem, string source, long? line = null, string? column = null, RowLocator locator = RowLocator.Line)
        : base(Compose(problem, source, line, column, locator))
    {
        Problem = problem;
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file or data set the data came from.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the input, when known.</summary>
    public long? Line { get; }

    /// <summary>The column name, when known.</summary>
    public string? Column { get; }

    /// <summary>Whether the input is a well-formed file that holds no rows (empty, or a header only): a folder skips such a file.</summary>
    internal bool HoldsNoRows { get; init; }

    private static string Compose(string problem, string source, long? line, string? column, RowLocator locator)
    {
        var where = new StringBuilder(source);
        if (line is { } l) where.Append(locator == RowLocator.Row ? ", row " : ", line ").Append(l);
        if (column is not null) where.Append(", column '").Append(column).Append('\'');
        return $"{where}: {problem}";
    }
}
