using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ScalingFit.Analysis;
using ScalingFit.Architecture;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// Results as JSON with stable names for scripts: one record per result (<see cref="FitJson"/>,
/// <see cref="OptimalJson"/>, …) built from the result object, written by the source-generated
/// <see cref="ResultJsonContext"/>, indented, non-ASCII text as is.
/// </summary>
/// <remarks>
/// The conventions, the same in every result (see README.md in this folder for how to add a field):
/// names are camelCase and stable; numbers are written in the shortest form that reads back to the
/// same double, counts as exact integers; a number that is not finite (NaN, ±∞) is null; an interval
/// is the pair [lower, upper]; a value that is not available is null, and a few optional parts are
/// left out when absent (a fit's "bootstrap", "constraints", "derived"); objects keyed by name
/// (parameters, inputs) keep their order.
/// </remarks>
public static class JsonOutput
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A fit (<see cref="FitJson"/>).</summary>
    public static string Fit(FitResult fit) => Write(FitJson.Of(fit), ResultJsonContext.Default.FitJson);

    /// <summary>Predictions of one law (<see cref="PredictionsJson"/>).</summary>
    public static string Predictions(FitResult fit, IReadOnlyList<Prediction> predictions) =>
        Write(PredictionsJson.Of(fit, predictions), ResultJsonContext.Default.PredictionsJson);

    /// <summary>Two-step predictions: a loss law and a metric law (<see cref="PredictionsJson"/>).</summary>
    public static string Predictions(FitResult loss, FitResult metric, IReadOnlyList<ChainedPrediction> predictions) =>
        Write(PredictionsJson.Of(loss, metric, predictions), ResultJsonContext.Default.PredictionsJson);

    /// <summary>A compute-optimal allocation (<see cref="OptimalJson"/>).</summary>
    public static string Optimal(ComputeOptimalResult result) => Write(OptimalJson.Of(result), ResultJsonContext.Default.OptimalJson);

    /// <summary>An IsoFLOP analysis (<see cref="IsoFlopJson"/>).</summary>
    public static string IsoFlop(IsoFlopResult result) => Write(IsoFlopJson.Of(result), ResultJsonContext.Default.IsoFlopJson);

    /// <summary>A backtest (<see cref="BacktestJson"/>).</summary>
    public static string Backtest(BacktestResult result) => Write(BacktestJson.Of(result), ResultJsonContext.Default.BacktestJson);

    /// <summary>A comparison of laws (<see cref="ComparisonJson"/>).</summary>
    public static string Comparison(ComparisonResult result) => Write(ComparisonJson.Of(result), ResultJsonContext.Default.ComparisonJson);

    /// <summary>A cost trade-off (<see cref="TradeoffJson"/>).</summary>
    public static string Tradeoff(TradeoffResult result) => Write(TradeoffJson.Of(result), ResultJsonContext.Default.TradeoffJson);

    /// <summary>An exact parameter and FLOP count (<see cref="ArchitectureJson"/>).</summary>
    public static string Architecture(ArchitectureAnalysis analysis) =>
        Write(ArchitectureJson.Of(analysis), ResultJsonContext.Default.ArchitectureJson);

    /// <summary>A Kaplan estimate with the parts given (<see cref="KaplanEstimateJson"/>).</summary>
    public static string Estimate(KaplanEstimate estimate, ScaledShape? scaling = null, ShapeLadder? ladder = null,
        KnownModel? model = null, ArchitectureAnalysis? exact = null) =>
        Write(KaplanEstimateJson.Of(estimate, scaling, ladder, model, exact), ResultJsonContext.Default.KaplanEstimateJson);

    /// <summary>The catalog of known models (<see cref="ModelsJson"/>).</summary>
    public static string Models(IEnumerable<KnownModel> models) => Write(ModelsJson.Of(models), ResultJsonContext.Default.ModelsJson);

    /// <summary>A checkpoint's count, compared with a configuration when one is given (<see cref="CheckpointJson"/>).</summary>
    public static string Checkpoint(CheckpointCount checkpoint, ArchitectureAnalysis? config = null) =>
        Write(CheckpointJson.Of(checkpoint, config), ResultJsonContext.Default.CheckpointJson);

    /// <summary>A report: its files and the whole analysis (<see cref="ReportJson"/>).</summary>
    public static string Report(ReportResult result, ReportPaths files, ReportProvenance provenance, IReadOnlyList<string>? figureNotes = null) =>
        Write(ReportJson.Of(result, files, provenance, figureNotes), ResultJsonContext.Default.ReportJson);

    /// <summary>The object printed in place of a result when a program fails (<see cref="ErrorReportJson"/>).</summary>
    public static string Error(ErrorJson error) => Write(new ErrorReportJson(error), ResultJsonContext.Default.ErrorReportJson);

    /// <summary>An analysis run per group: each group's result as <paramref name="json"/> writes it for one set of runs.</summary>
    public static string Groups<T>(GroupedResult<T> result, Func<T, string> json, IReadOnlyList<GroupDifference> differences) where T : class =>
        Write(GroupsJson.Of(result, json, differences), ResultJsonContext.Default.GroupsJson);

    /// <summary>report --group-by's files and each group's outcome.</summary>
    public static string GroupedReport(GroupedReportJson report) => Write(report, ResultJsonContext.Default.GroupedReportJson);

    /// <summary>Any of the result records as indented JSON text.</summary>
    public static string Write<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) JsonSerializer.Serialize(writer, value, type);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
