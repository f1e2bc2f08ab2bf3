using System.Text.Json.Serialization;

namespace ScalingFit.Reporting.Json;

/// <summary>
/// The System.Text.Json source-generated serializer of every result's JSON (no reflection, so it
/// runs in a Native AOT build): camelCase names, every double through <see cref="FiniteNumberConverter"/>
/// (NaN and infinities as null). <see cref="JsonOutput"/> writes with it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(FitJson))]
[JsonSerializable(typeof(PredictionsJson))]
[JsonSerializable(typeof(OptimalJson))]
[JsonSerializable(typeof(IsoFlopJson))]
[JsonSerializable(typeof(BacktestJson))]
[JsonSerializable(typeof(ComparisonJson))]
[JsonSerializable(typeof(TradeoffJson))]
[JsonSerializable(typeof(ArchitectureJson))]
[JsonSerializable(typeof(KaplanEstimateJson))]
[JsonSerializable(typeof(ModelsJson))]
[JsonSerializable(typeof(CheckpointJson))]
[JsonSerializable(typeof(ReportJson))]
[JsonSerializable(typeof(ErrorReportJson))]
[JsonSerializable(typeof(GroupsJson))]
[JsonSerializable(typeof(GroupedReportJson))]
public sealed partial class ResultJsonContext : JsonSerializerContext;
