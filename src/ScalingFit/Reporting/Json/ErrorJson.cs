namespace ScalingFit.Reporting.Json;

/// <summary>
/// The object a program prints in place of a result when it fails: {"error": {"message", "file",
/// "line", "column", "position", "key", "exitCode"}}.
/// </summary>
/// <param name="Error">What failed and where.</param>
public sealed record ErrorReportJson(ErrorJson Error);

/// <summary>What failed and where; a location the error does not have is null.</summary>
/// <param name="Message">The message, as a person reads it.</param>
/// <param name="File">The file the error is in.</param>
/// <param name="Line">The 1-based line of a data or configuration file (the row of a Parquet or column-oriented JSON file).</param>
/// <param name="Column">The data column the error is in.</param>
/// <param name="Position">The 1-based byte position in a line of malformed JSON.</param>
/// <param name="Key">The configuration key or tensor the error is about.</param>
/// <param name="ExitCode">The code the program exits with.</param>
public sealed record ErrorJson(string Message, string? File, long? Line, string? Column, long? Position, string? Key, int ExitCode);
