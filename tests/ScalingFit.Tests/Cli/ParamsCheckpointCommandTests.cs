using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

/// <summary>params --safetensors: a checkpoint counted from its headers, alone and beside its config.json.</summary>
public class ParamsCheckpointCommandTests
{

    [Fact]
    public void Safetensors_Alone_CountsGroupsAsJson()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("model.safetensors"), SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: false));
        var run = CliRun.Of("params", "--safetensors", file, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("checkpoint", json.GetProperty("kind").GetString());
        Assert.Equal(100L * 64, json.GetProperty("groups").GetProperty("head").GetInt64());
        Assert.Equal(2L * 3 * 128 * 64, json.GetProperty("groups").GetProperty("mlp").GetInt64());
        Assert.False(json.TryGetProperty("config", out _));
    }

    [Fact]
    public void Safetensors_WithConfig_DifferenceIsZeroPerGroup()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("model.safetensors"), SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: false));
        using var config = new TempFile(SafetensorsFile.LlamaConfig, ".json");
        var run = CliRun.Of("params", "--safetensors", file, "--config", config.Path, "--json");
        Assert.Equal(0, run.ExitCode);
        foreach (var group in run.Json.GetProperty("difference").EnumerateObject()) Assert.Equal(0, group.Value.GetInt64());
        Assert.Equal(run.Json.GetProperty("total").GetInt64(), run.Json.GetProperty("config").GetProperty("total").GetInt64());
        var table = CliRun.Of("params", "--safetensors", file, "--config", config.Path);
        Assert.Contains("difference", table.Out);
        Assert.Contains("exactly the parameters the configuration gives", table.Out);
    }

    [Fact]
    public void Safetensors_MissingHeadAgainstUntiedConfig_ShowsTheDifferenceInTheHead()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("model.safetensors"), SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: true));
        using var config = new TempFile(SafetensorsFile.LlamaConfig, ".json");
        var json = CliRun.Of("params", "--safetensors", file, "--config", config.Path, "--json").Json;
        Assert.Equal(-6400, json.GetProperty("difference").GetProperty("head").GetInt64());
        Assert.Equal(0, json.GetProperty("difference").GetProperty("attention").GetInt64());
    }

    [Fact]
    public void Safetensors_Truncated_ExitsOneNamingFile()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("t.safetensors"), [1, 2]);
        var run = CliRun.Of("params", "--safetensors", folder.File("t.safetensors"), "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("truncated", run.Error);
        Assert.Equal(folder.File("t.safetensors"), run.Json.GetProperty("error").GetProperty("file").GetString());
    }

    [Fact]
    public void Safetensors_OffsetsThatAreNotNumbers_ExitOneWithAJsonErrorNamingFileAndTensor()
    {
        // Before: an InvalidOperationException escaped (a stack trace, exit 134 in the shipped tool).
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File("bad.safetensors"),
            System.Text.Encoding.UTF8.GetBytes("""{"lm_head.weight": {"dtype": "F32", "shape": [2], "data_offsets": [null, 8]}}"""), 8);
        var run = CliRun.Of("params", "--safetensors", file, "--json");
        Assert.Equal(1, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal(file, error.GetProperty("file").GetString());
        Assert.Equal("lm_head.weight", error.GetProperty("key").GetString());
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Config_Mamba_IsTitledAStateSpaceModelNotATransformer()
    {
        using var config = new TempFile(PublishedConfigs.Text("mamba-2.8b"), ".json");
        var run = CliRun.Of("params", "--config", config.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("parameters of a mamba state-space model", run.Out);
        Assert.DoesNotContain("mamba transformer", run.Out);
    }

    [Fact]
    public void Config_AFolder_SaysItIsAFolder()
    {
        // Before: "permission denied", which sends a user to chmod.
        using var folder = new TempFolder();
        var run = CliRun.Of("params", "--config", folder.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("it is a folder; give the config.json inside it", run.Error);
    }

    [Fact]
    public void Safetensors_WithShapeOptionsButNoConfig_IsAUsageError()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("m.safetensors"), [("w", "F32", [2])]);
        var run = CliRun.Of("params", "--safetensors", file, "--family", "llama");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--family", run.Error);
    }

    [Fact]
    public void Config_NCtx_IsTheTrainingContextNotThePositionTable()
    {
        using var config = new TempFile(ModelConfigs.Gpt2Small, ".json");
        var json = CliRun.Of("params", "--config", config.Path, "--n-ctx", "512", "--json").Json;
        Assert.Equal(1024L * 768, json.GetProperty("components").GetProperty("positionEmbedding").GetInt64());   // n_positions rows
        Assert.Equal(512, json.GetProperty("contextLength").GetInt64());
        Assert.Equal("given", json.GetProperty("contextSource").GetString());
        Assert.Equal(2L * 85_056_000 + 2L * 12 * 512 * 768, json.GetProperty("forwardFlopsPerToken").GetInt64());
        Assert.Equal(12L * 2 * 512 * 768, json.GetProperty("hoffmann").GetProperty("components").GetProperty("attentionLogits").GetInt64());
    }
}
