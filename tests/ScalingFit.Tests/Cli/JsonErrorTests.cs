using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>
/// Under --json every command that fails prints {"error": {...}} on standard output; standard error
/// and the exit code are those of the same command without --json.
/// </summary>
public class JsonErrorTests
{
    private static (CliRun Plain, CliRun Json, JsonElement Error) Both(params string[] args)
    {
        var plain = CliRun.Of(args);
        var json = CliRun.Of([.. args, "--json"]);
        return (plain, json, json.Json.GetProperty("error"));
    }

    private static void SameAsWithoutJson(CliRun plain, CliRun json, JsonElement error)
    {
        Assert.Equal(plain.ExitCode, json.ExitCode);
        Assert.Equal(plain.Error, json.Error);
        Assert.Equal("", plain.Out);
        Assert.Equal(json.ExitCode, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(plain.Error.Split('\n')[0]["error: ".Length..].TrimEnd('\r'), error.GetProperty("message").GetString());
    }

    [Fact]
    public void Fit_BadCell_GivesFileLineAndColumn()
    {
        using var data = new TempFile("N,loss\n1e6,3.1\n2e6,abc\n4e6,2.9\n");
        var (plain, json, error) = Both("fit", data.Path);
        SameAsWithoutJson(plain, json, error);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(data.Path, error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Equal("loss", error.GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("key").ValueKind);
    }

    [Fact]
    public void Params_MalformedConfig_GivesLineAndPosition()
    {
        using var config = new TempFile("{\n  \"model_type\": \"gpt2\",\n  \"n_embd\" 768\n}", ".json");
        var (plain, json, error) = Both("params", "--config", config.Path);
        SameAsWithoutJson(plain, json, error);
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Equal(12, error.GetProperty("position").GetInt64());
    }

    [Fact]
    public void Params_BadKey_GivesKey()
    {
        using var config = new TempFile(ModelConfigs.Gpt2Small.Replace("\"n_layer\": 12", "\"n_layer\": 0"), ".json");
        var (plain, json, error) = Both("params", "--config", config.Path);
        SameAsWithoutJson(plain, json, error);
        Assert.Equal("n_layer", error.GetProperty("key").GetString());
        Assert.Equal(config.Path, error.GetProperty("file").GetString());
    }

    [Fact]
    public void Predict_MissingFile_GivesFileAndExitOne()
    {
        var (plain, json, error) = Both("predict", "/nonexistent/runs.csv", "--at", "N=1e9");
        SameAsWithoutJson(plain, json, error);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("/nonexistent/runs.csv", error.GetProperty("file").GetString());
    }

    [Fact]
    public void Optimal_UsageError_ExitsTwo()
    {
        var (plain, json, error) = Both("optimal", "--compute", "-5");
        SameAsWithoutJson(plain, json, error);
        Assert.Equal(2, json.ExitCode);
    }

    [Fact]
    public void UnknownOption_ParseError_IsAnErrorObjectToo()
    {
        var plain = CliRun.Of("fit", "--bogus");
        var json = CliRun.Of("fit", "--bogus", "--json");
        Assert.Equal(2, json.ExitCode);
        Assert.Equal(plain.Error, json.Error);
        var error = json.Json.GetProperty("error");
        Assert.Contains("--bogus", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Success_WithJson_PrintsNoErrorObject() =>
        Assert.False(CliRun.Of("params", "--d-model", "64", "--n-layer", "2", "--json").Json.TryGetProperty("error", out _));
}
