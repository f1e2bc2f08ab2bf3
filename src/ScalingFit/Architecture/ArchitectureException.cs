using System.Text;

namespace ScalingFit.Architecture;

/// <summary>
/// A model configuration that cannot be read or that describes no valid transformer: malformed
/// JSON, a missing key, a size that is not a positive integer, heads that do not divide the width.
/// Carries the file and the key (or the line and position of malformed JSON); the message names
/// them too.
/// </summary>
public sealed class ArchitectureException : ScalingFitException
{
    /// <summary>Creates the exception; the message is prefixed with the location.</summary>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="source">The file (or catalog) the configuration came from.</param>
    /// <param name="key">The configuration key at fault, when known.</param>
    /// <param name="line">The 1-based line of malformed JSON, when known.</param>
    /// <param name="position">The 1-based byte position in that line, when known.</param>
    public ArchitectureException(string problem, string source, string? key = null, long? line = null, long? position = null)
        : base(Compose(problem, source, key, line, position))
    {
        Problem = problem;
        Source = source;
        Key = key;
        Line = line;
        Position = position;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file or catalog the configuration came from.</summary>
    public new string Source { get; }

    /// <summary>The configuration key at fault, when known.</summary>
    public string? Key { get; }

    /// <summary>The 1-based line of malformed JSON, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based byte position in the line of malformed JSON, when known.</summary>
    public long? Position { get; }

    private static string Compose(string problem, string source, string? key, long? line, long? position)
    {
        var where = new StringBuilder(source);
        if (line is { } l) where.Append(", line ").Append(l);
        if (position is { } p) where.Append(", position ").Append(p);
        if (key is not null) where.Append(", key '").Append(key).Append('\'');
        return $"{where}: {problem}";
    }
}
