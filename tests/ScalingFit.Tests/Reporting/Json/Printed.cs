using System.Globalization;
using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>
/// The shipped command's two outputs of one result, and the numbers of the human one: a cell of a
/// boxed table ("│ alpha (α) │ 0.068091 │ …"), read as printed, and the check that a JSON number
/// rounds to it (within half a unit of its last printed digit).
/// </summary>
internal static class Printed
{
    /// <summary>Runs the shipped tool with and without --json in <paramref name="folder"/>; both must succeed.</summary>
    public static (JsonElement Json, string Text) Both(string folder, params string[] args)
    {
        var json = ShippedCli.Run(folder, [.. args, "--json"]);
        Assert.True(json.ExitCode == 0, json.Error);
        var text = ShippedCli.Run(folder, args);
        Assert.True(text.ExitCode == 0, text.Error);
        // Round trip: the text is one JSON document, and parsing it again gives the same text back.
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(json.Out.Trim(), JsonSerializer.Serialize(document.RootElement, Indented).Trim());
        return (document.RootElement.Clone(), text.Out);
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The cells of the first table row whose cell <paramref name="column"/> is <paramref name="label"/> or starts with it and a space (after the line holding <paramref name="after"/>, when given).</summary>
    public static string[] Row(string text, string label, string? after = null, int column = 0)
    {
        int start = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{after}' in:\n{text}");
        start = text.LastIndexOf('\n', start) + 1; // from the start of that line: it may be the row itself
        foreach (var line in text[start..].Split('\n'))
        {
            if (!line.StartsWith('│')) continue;
            var cells = line.Trim().Trim('│').Split('│').Select(c => c.Trim()).ToArray();
            if (cells.Length > column && (cells[column] == label || cells[column].StartsWith(label + " ", StringComparison.Ordinal))) return cells;
        }
        throw new Xunit.Sdk.XunitException($"no row '{label}' in:\n{text}");
    }

    /// <summary>The value of a "key   value" line of a key-value block.</summary>
    public static string Value(string text, string key)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(key + "  ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no '{key}' line in:\n{text}");
        return line[key.Length..].Trim();
    }

    /// <summary>The JSON number rounds to the printed one; "n/a" is printed for a JSON null.</summary>
    public static void Agrees(string printed, JsonElement json)
    {
        printed = printed.Trim().TrimEnd('%');
        if (printed == "n/a")
        {
            Assert.Equal(JsonValueKind.Null, json.ValueKind);
            return;
        }
        Agrees(printed, json.GetDouble());
    }

    /// <summary>The number rounds to the printed one.</summary>
    public static void Agrees(string printed, double value)
    {
        printed = printed.Trim().TrimEnd('%').TrimStart('+').Replace(",", "", StringComparison.Ordinal);
        string mantissa = printed;
        int exponent = 0;
        int e = printed.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            mantissa = printed[..e];
            exponent = int.Parse(printed[(e + 1)..], CultureInfo.InvariantCulture);
        }
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        double number = double.Parse(printed, CultureInfo.InvariantCulture);
        double halfUnit = 0.5 * Math.Pow(10, exponent - decimals);
        Assert.True(Math.Abs(value - number) <= halfUnit * (1 + 1e-9) + 1e-15 * Math.Abs(number),
            $"JSON {value:R} does not round to the printed {printed}");
    }

    /// <summary>"[lower, upper]" of a table against the JSON pair [lower, upper].</summary>
    public static void AgreesInterval(string printed, JsonElement pair)
    {
        // An interval the method does not give is one "n/a" in the table and [null, null] in JSON.
        if (printed.Trim() == "n/a")
        {
            Assert.Equal(2, pair.GetArrayLength());
            Assert.All(pair.EnumerateArray(), bound => Assert.Equal(JsonValueKind.Null, bound.ValueKind));
            return;
        }
        var bounds = printed.Trim().TrimStart('[').TrimEnd(']').Split(", ");
        Assert.Equal(2, bounds.Length);
        Assert.Equal(2, pair.GetArrayLength());
        Agrees(bounds[0], pair[0]);
        Agrees(bounds[1], pair[1]);
    }
}
