using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScalingFit.Analysis;
using ScalingFit.Data;
using ScalingFit.Fitting;

namespace ScalingFit.Reporting;

/// <summary>
/// Results as JSON with stable names for scripts. Numbers are written in full precision; values
/// that JSON cannot hold (NaN, infinity) are written as null.
/// </summary>
public static class JsonOutput
{
    /// <summary>A fit: law, x, n, parameters, standardErrors, ci95, r2, warnings and the rest.</summary>
    public static string Fit(FitResult fit) => Write(w => WriteFit(w, fit));

    /// <summary>Predictions: {"law": .., "predictions": [{"at": {..}, "loss": .., "lower": .., "upper": ..}]}.</summary>
    public static string Predictions(FitResult fit, IReadOnlyList<Prediction> predictions) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("law", fit.Law);
        w.WriteStartArray("predictions");
        foreach (var p in predictions)
        {
            w.WriteStartObject();
            WritePrediction(w, p);
            Strings(w, "warnings", p.Warnings);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("fit");
        WriteFit(w, fit);
        w.WriteEndObject();
    });

    /// <summary>Two-step predictions: the loss predictions as above, each with "metric": {name, value, lower, upper}, and both fits.</summary>
    public static string Predictions(FitResult loss, FitResult metric, IReadOnlyList<ChainedPrediction> predictions) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("law", loss.Law);
        w.WriteString("metricLaw", metric.Law);
        w.WriteStartArray("predictions");
        foreach (var c in predictions)
        {
            var p = c.Loss;
            w.WriteStartObject();
            WritePrediction(w, p);
            w.WriteStartObject("metric");
            w.WriteString("name", metric.Target.Name);
            Number(w, "value", c.Metric);
            Number(w, "lower", c.Interval.Lower);
            Number(w, "upper", c.Interval.Upper);
            w.WriteEndObject();
            Strings(w, "warnings", p.Warnings);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("fit");
        WriteFit(w, loss);
        w.WritePropertyName("metricFit");
        WriteFit(w, metric);
        w.WriteEndObject();
    });

    /// <summary>"at": {N: .., D: ..}, "loss", "lower", "upper" of one prediction.</summary>
    private static void WritePrediction(Utf8JsonWriter w, Prediction p)
    {
        w.WriteStartObject("at");
        foreach (var (q, v) in p.At.OrderBy(kv => kv.Key)) Number(w, q.Name, v);
        w.WriteEndObject();
        Number(w, "loss", p.Loss);
        Number(w, "lower", p.Interval.Lower);
        Number(w, "upper", p.Interval.Upper);
    }

    /// <summary>Writes a fit as one JSON object.</summary>
    public static void WriteFit(Utf8JsonWriter w, FitResult fit)
    {
        w.WriteStartObject();
        w.WriteString("law", fit.Law);
        w.WriteString("formula", fit.Formula);
        Strings(w, "x", fit.Inputs.Select(q => q.Name));
        if (!fit.Target.IsLoss) w.WriteString("y", fit.Target.Name);
        if (fit.Residuals != Laws.ResidualSpace.Log) w.WriteString("residuals", fit.Residuals.ToString().ToLowerInvariant());
        w.WriteNumber("n", fit.Statistics.Points);
        NamedNumbers(w, "parameters", fit.Parameters, p => p.Value);
        NamedNumbers(w, "standardErrors", fit.Parameters, p => p.StandardError);
        if (fit.Parameters.Any(p => p.Constraint is not null))
        {
            w.WriteStartObject("constraints");
            foreach (var p in fit.Parameters.Where(p => p.Constraint is not null)) w.WriteString(p.Name, p.Constraint);
            w.WriteEndObject();
        }
        w.WriteStartObject("ci95");
        foreach (var p in fit.Parameters) Pair(w, p.Name, p.Ci95);
        w.WriteEndObject();
        if (fit.Derived.Count > 0)
        {
            w.WriteStartObject("derived");
            foreach (var d in fit.Derived)
            {
                w.WriteStartObject(d.Name);
                Number(w, "value", d.Value);
                Number(w, "standardError", d.StandardError);
                Pair(w, "ci95", d.Ci95);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteString("uncertainty", fit.UncertaintyMethod);
        if (fit.Bootstrap is { } b)
        {
            w.WriteStartObject("bootstrap");
            w.WriteNumber("resamples", b.Resamples);
            w.WriteNumber("seed", b.Seed);
            w.WriteNumber("converged", b.Converged);
            w.WriteNumber("stoppedAtStart", b.StoppedAtStart);
            // Issue 11: the columns naming the runs resampled whole (null when rows were resampled).
            if (b.ResampledBy is { } by) Strings(w, "resampledBy", by);
            else w.WriteNull("resampledBy");
            w.WriteEndObject();
        }
        Number(w, "r2", fit.Statistics.RSquared);
        Number(w, "residualStd", fit.Statistics.ResidualStandardDeviation);
        Number(w, "rmse", fit.Statistics.Rmse);
        Number(w, "objective", fit.Statistics.Objective);
        w.WriteNumber("degreesOfFreedom", fit.Statistics.DegreesOfFreedom);
        if (fit.Statistics.ConditionNumber is { } k) Number(w, "conditionNumber", k);
        WriteRuns(w, fit.Statistics);
        WriteConvergence(w, fit.Convergence);
        Strings(w, "warnings", fit.Warnings);
        WriteDiagnostics(w, fit.Diagnostics);
        WriteData(w, fit.Data);
        w.WriteEndObject();
    }

    /// <summary>
    /// Issue 11: "runs" (G, the runs the rows are checkpoints of; null when every row is a run),
    /// "runColumns" (the columns naming them) and "intervalDegreesOfFreedom" (G − 1 when clustered, else n − k).
    /// </summary>
    public static void WriteRuns(Utf8JsonWriter w, FitStatistics statistics)
    {
        if (statistics.Runs is { } g) w.WriteNumber("runs", g);
        else w.WriteNull("runs");
        Strings(w, "runColumns", statistics.RunColumns);
        w.WriteNumber("intervalDegreesOfFreedom", statistics.IntervalDegreesOfFreedom);
    }

    /// <summary>Issue 11: "diagnostics": [{"code", "message"}], the warnings with their stable codes.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes "convergence": {method, converged, exitReason, iterations, startsTried, startsConverged}.</summary>
    public static void WriteConvergence(Utf8JsonWriter w, Convergence c)
    {
        w.WriteStartObject("convergence");
        w.WriteString("method", c.Method);
        w.WriteBoolean("converged", c.Converged);
        w.WriteString("exitReason", c.ExitReason);
        w.WriteNumber("iterations", c.Iterations);
        w.WriteNumber("startsTried", c.StartsTried);
        w.WriteNumber("startsConverged", c.StartsConverged);
        w.WriteEndObject();
    }

    /// <summary>Writes "data": {source, runs, columns: {N: .., D: ..}, derived: [..], notes: [..], warnings: [{code, message, column}]}.</summary>
    public static void WriteData(Utf8JsonWriter w, DataDescription data)
    {
        w.WriteStartObject("data");
        w.WriteString("source", data.Source);
        w.WriteNumber("runs", data.Runs);
        w.WriteStartObject("columns");
        foreach (var (symbol, origin) in data.Columns) w.WriteString(symbol, origin);
        w.WriteEndObject();
        Strings(w, "derived", data.Columns.Where(c => c.Value.StartsWith("derived", StringComparison.Ordinal)).Select(c => c.Key));
        Strings(w, "notes", data.Notes);
        w.WriteStartArray("warnings");
        foreach (var warning in data.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.Code);
            w.WriteString("message", warning.Message);
            if (warning.Column is not null) w.WriteString("column", warning.Column);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Runs a writer callback and returns indented UTF-8 JSON text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A number, or null when it is not finite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>[lower, upper].</summary>
    public static void Pair(Utf8JsonWriter w, string name, Interval interval)
    {
        w.WriteStartArray(name);
        foreach (var v in new[] { interval.Lower, interval.Upper })
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        w.WriteEndArray();
    }

    /// <summary>An array of strings.</summary>
    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }

    private static void NamedNumbers(Utf8JsonWriter w, string name, IEnumerable<FittedParameter> parameters, Func<FittedParameter, double> value)
    {
        w.WriteStartObject(name);
        foreach (var p in parameters) Number(w, p.Name, value(p));
        w.WriteEndObject();
    }
}
