namespace ScalingFit;

/// <summary>
/// A warning about a result, for a person (<see cref="Message"/>, with the number that shows it)
/// and for a script (<see cref="Code"/>, a stable name the JSON output carries). Results keep their
/// warnings' messages in a <c>Warnings</c> list and the same warnings, coded, in <c>Diagnostics</c>.
/// </summary>
/// <param name="Code">A stable kebab-case name, one of the constants of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What was seen and what it means or what to try, as a sentence.</param>
public sealed record Diagnostic(string Code, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;

    /// <summary>The messages of the diagnostics, in order.</summary>
    public static IReadOnlyList<string> Messages(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.Message).ToList();
}
