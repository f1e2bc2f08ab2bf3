using System.Globalization;
using ScalingFit.Architecture;

namespace ScalingFit.Data;

/// <summary>
/// Fills N for logs that record shapes instead of parameter counts: columns d_model and n_layer
/// (optionally d_ff and d_attn) give Kaplan et al. 2020's non-embedding estimate
/// N = 2·d_model·n_layer·(2·d_attn + d_ff), which is 12·n_layer·d_model² with the defaults
/// d_attn = d_model and d_ff = 4·d_model. The values are marked as derived.
/// </summary>
public static class ShapeDerivation
{
    /// <summary>The column of widths d_model.</summary>
    public const string WidthColumn = "d_model";

    /// <summary>The column of depths n_layer.</summary>
    public const string DepthColumn = "n_layer";

    /// <summary>The optional column of MLP widths d_ff (default 4·d_model).</summary>
    public const string FeedForwardColumn = "d_ff";

    /// <summary>The optional column of attention widths d_attn (default d_model).</summary>
    public const string AttentionColumn = "d_attn";

    /// <summary>Other names logs give the width: Hugging Face configs (hidden_size, n_embd) and sweeps (width).</summary>
    public static IReadOnlyList<string> WidthAliases { get; } = [WidthColumn, "hidden_size", "n_embd", "width"];

    /// <summary>Other names logs give the depth.</summary>
    public static IReadOnlyList<string> DepthAliases { get; } = [DepthColumn, "num_hidden_layers", "n_layers", "num_layers", "depth"];

    /// <summary>The runs with N derived from the shape columns when the data has no N but has a width and a depth column; else the runs as they are.</summary>
    /// <exception cref="DataException">A shape cell is not a positive integer, or N does not fit in 64 bits.</exception>
    public static RunSet Complete(RunSet runs)
    {
        if (runs.Has(Quantity.ParameterCount)) return runs;
        string? width = WidthAliases.FirstOrDefault(runs.HasColumn), depth = DepthAliases.FirstOrDefault(runs.HasColumn);
        if (width is null || depth is null) return runs;
        bool feedForward = runs.HasColumn(FeedForwardColumn), attention = runs.HasColumn(AttentionColumn);
        var values = new double[runs.Count];
        for (int i = 0; i < values.Length; i++)
        {
            long d = Cell(runs, width, i), layers = Cell(runs, depth, i);
            long a = attention ? Cell(runs, AttentionColumn, i) : d;
            long f = feedForward ? Cell(runs, FeedForwardColumn, i) : 4 * d;
            try
            {
                values[i] = Kaplan.NonEmbeddingParameters(d, layers, a, f);
            }
            catch (OverflowException)
            {
                throw runs.ErrorAt(i, width, "the shape is too large: its parameter count does not fit in a 64-bit integer.");
            }
        }
        string formula = feedForward || attention ? "2·d_model·n_layer·(2·d_attn + d_ff)" : "12·n_layer·d_model²";
        var defaults = new[] { attention ? null : "d_attn = d_model", feedForward ? null : "d_ff = 4·d_model" }.OfType<string>().ToList();
        string with = feedForward || attention ? (defaults.Count > 0 ? $", {string.Join(", ", defaults)}" : "") : "";
        return runs.WithQuantity(Quantity.ParameterCount, values, ColumnOrigin.Derived(formula),
            $"N derived as {formula} (Kaplan et al. 2020 non-embedding estimate{with}{(width == WidthColumn && depth == DepthColumn ? "" : $"; d_model from '{width}', n_layer from '{depth}'")}; the data has no N column)");
    }

    internal static long Cell(RunSet runs, string column, int row)
    {
        string text = runs.Text(column, row).Trim();
        if (NumberText.TryParse(text, out double value) && value >= 1 && value <= 1e15 && value == Math.Floor(value))
            return (long)value;
        string got = text.Length == 0 ? "the cell is empty" : $"got '{text}'";
        throw new DataException($"{column} must be a positive integer (a size of the model's shape), {got}.", runs.Source, runs.Line(row), column);
    }
}
