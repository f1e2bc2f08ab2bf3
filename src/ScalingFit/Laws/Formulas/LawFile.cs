using System.Text.Json;

namespace ScalingFit.Laws.Formulas;

/// <summary>A law described in a JSON file: its formula, an optional name, and what is known of its parameters.</summary>
/// <param name="Formula">The formula, e.g. "E + A/N^alpha + B/D^beta".</param>
/// <param name="Options">The name and the parameters' starts, bounds and positivity.</param>
public sealed record LawFile(string Formula, FormulaOptions Options)
{
    /// <summary>
    /// Reads <c>{"name": "…", "formula": "…", "parameters": {"E": {"start": [1, 3], "bounds": [0, 10], "positive": true}}}</c>:
    /// "start" is a range to spread starts over (two values) or the starting values themselves;
    /// "bounds" is [low, high] (null for an open end); only "formula" is required.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="OptionException">Malformed JSON (with its line and position), a missing formula, or a value of the wrong kind (with its key).</exception>
    public static LawFile Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new OptionException("LawFile", $"{source}, line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: the law file is not valid JSON.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error(source, "(the whole file)", "must be a JSON object with a \"formula\"");
            if (!root.TryGetProperty("formula", out var formula) || formula.ValueKind != JsonValueKind.String)
                throw Error(source, "formula", "is missing or not a string; write e.g. \"formula\": \"E + A/N^alpha + B/D^beta\"");
            string? name = root.TryGetProperty("name", out var n) ? n.ValueKind == JsonValueKind.String ? n.GetString() : throw Error(source, "name", "must be a string") : null;
            var parameters = new List<FormulaParameter>();
            if (root.TryGetProperty("parameters", out var ps))
            {
                if (ps.ValueKind != JsonValueKind.Object) throw Error(source, "parameters", "must be an object of parameters by name");
                foreach (var p in ps.EnumerateObject()) parameters.Add(Parameter(p, source));
            }
            return new LawFile(formula.GetString()!, new FormulaOptions { Name = name, Parameters = parameters });
        }
    }

    private static FormulaParameter Parameter(JsonProperty p, string source)
    {
        string key = $"parameters.{p.Name}";
        if (p.Value.ValueKind != JsonValueKind.Object) throw Error(source, key, "must be an object with start, bounds or positive");
        var parameter = new FormulaParameter(p.Name);
        foreach (var field in p.Value.EnumerateObject())
        {
            string at = $"{key}.{field.Name}";
            parameter = field.Name switch
            {
                "start" or "starts" => parameter with { Starts = Numbers(field.Value, source, at, allowNull: false).Select(v => v!.Value).ToList() },
                "bounds" => parameter with { Bounds = Bounds(field.Value, source, at) },
                "positive" => field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? parameter with { Positive = field.Value.GetBoolean() }
                    : throw Error(source, at, "must be true or false"),
                _ => throw Error(source, at, "is not a known field; a parameter has start, bounds and positive"),
            };
        }
        if (parameter.Bounds is { } b)
        {
            if (!(b.Lower < b.Upper))
                throw Error(source, $"{key}.bounds", $"is empty: its low end {NumberFormat.Significant(b.Lower, 4)} is not below its high end {NumberFormat.Significant(b.Upper, 4)}");
            if (parameter.Positive == true && !(b.Upper > 0))
                throw Error(source, $"{key}.bounds", $"allows no positive value, but the parameter is positive");
            if ((parameter.Starts ?? []).Where(v => !b.Contains(v)).Cast<double?>().FirstOrDefault() is { } outside)
                throw Error(source, $"{key}.start", $"holds {NumberFormat.Significant(outside, 4)}, outside the parameter's bounds {b}");
        }
        return parameter;
    }

    private static ParameterBounds Bounds(JsonElement e, string source, string key)
    {
        var ends = Numbers(e, source, key, allowNull: true);
        if (ends.Count != 2) throw Error(source, key, "must be [low, high] (null for an open end)");
        return new ParameterBounds(ends[0] ?? double.NegativeInfinity, ends[1] ?? double.PositiveInfinity);
    }

    private static List<double?> Numbers(JsonElement e, string source, string key, bool allowNull)
    {
        if (e.ValueKind == JsonValueKind.Number) return [e.GetDouble()];
        if (e.ValueKind != JsonValueKind.Array) throw Error(source, key, "must be a number or an array of numbers");
        return e.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.Null when allowNull => (double?)null,
            _ => throw Error(source, key, "must hold numbers only"),
        }).ToList();
    }

    private static OptionException Error(string source, string key, string problem) => new("LawFile", $"{source}: \"{key}\" {problem}.");
}
