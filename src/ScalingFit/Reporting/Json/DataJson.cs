using System.Text.Json.Serialization;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting.Json;

/// <summary>The data a result was computed from, in JSON (the "data" of a fit, a comparison, an IsoFLOP analysis, a report).</summary>
/// <param name="Source">The file or data set.</param>
/// <param name="Runs">How many runs.</param>
/// <param name="Columns">For N, D, C, the loss and any other column read: the column, or how it was derived.</param>
/// <param name="Derived">The quantities derived rather than read, e.g. ["D"].</param>
/// <param name="Notes">What was done to the data, in order.</param>
/// <param name="Warnings">What the data may not mean as the analysis takes it: {code, message, column}.</param>
public sealed record DataJson(
    string Source, int Runs, IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> Derived,
    IReadOnlyList<string> Notes, IReadOnlyList<DataWarningJson> Warnings)
{
    /// <summary>The description's JSON.</summary>
    public static DataJson Of(DataDescription data) => new(
        data.Source,
        data.Runs,
        JsonMaps.Of(data.Columns, c => c.Key, c => c.Value),
        data.Columns.Where(c => c.Value.StartsWith("derived", StringComparison.Ordinal)).Select(c => c.Key).ToList(),
        data.Notes,
        data.Warnings.Select(w => new DataWarningJson(w.Code, w.Message, w.Column)).ToList());
}

/// <summary>A data warning: {"code", "message", "column"}.</summary>
/// <param name="Code">A stable name, e.g. pooled-runs (see <see cref="DataWarning"/>).</param>
/// <param name="Message">What was seen and what to do, as a sentence.</param>
/// <param name="Column">The column the warning is about; left out when there is none.</param>
public sealed record DataWarningJson(
    string Code, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Column);
