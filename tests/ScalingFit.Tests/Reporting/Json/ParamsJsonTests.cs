using System.Buffers.Binary;
using System.Text.Json;
using ScalingFit.Tests.Support;
using static ScalingFit.Tests.Reporting.Json.Printed;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>params --json and the error object through the shipped tool, against closed forms, published sizes and the file's own header.</summary>
public class ParamsJsonTests
{
    [Fact]
    public void ParamsJson_Gpt2Small_KaplanCountsInClosedForm()
    {
        var (json, _) = Both(Repo.Root, "params", "--d-model", "768", "--n-layer", "12", "--vocab", "50257", "--n-ctx", "1024", "--tokens", "3e11");
        // Kaplan et al. 2020, Table 1: N = 2·d_model·n_layer·(2·d_attn + d_ff) = 12·n_layer·d_model² with d_attn = d_model, d_ff = 4·d_model.
        const long nonEmbedding = 12L * 12 * 768 * 768;
        const long embedding = (50257L + 1024) * 768;
        Assert.Equal("estimate", json.GetProperty("kind").GetString());
        Assert.Equal(nonEmbedding, json.GetProperty("nonEmbedding").GetInt64());
        Assert.Equal(embedding, json.GetProperty("embedding").GetInt64());
        Assert.Equal(nonEmbedding + embedding, json.GetProperty("total").GetInt64()); // 124M: GPT-2 small
        Assert.Equal(6 * nonEmbedding, json.GetProperty("trainingFlopsPerToken").GetInt64());
        Assert.Equal(2 * nonEmbedding + 2L * 12 * 1024 * 768, json.GetProperty("forwardFlopsPerToken").GetInt64());
        Assert.Equal(3e11, json.GetProperty("trainingTokens").GetDouble());
        Assert.Equal(6 * nonEmbedding * 3e11, json.GetProperty("trainingCompute").GetDouble(), 1e-6 * 6 * nonEmbedding * 3e11);
        Assert.Equal(["attention", "mlp", "tokenEmbedding", "positionEmbedding"], json.GetProperty("components").EnumerateObject().Select(p => p.Name));
        Assert.Equal(4L * 12 * 768 * 768, json.GetProperty("components").GetProperty("attention").GetInt64());
        Assert.False(json.TryGetProperty("model", out _));
        Assert.False(json.TryGetProperty("scaling", out _));
    }

    [Fact]
    public void ParamsJson_ModelList_Gpt3IsTheSizeBrownEtAlPublished()
    {
        var (json, text) = Both(Repo.Root, "params", "--model", "list");
        var gpt3 = json.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "gpt3-175b");
        // Brown et al. 2020, Table 2.1: 96 layers, d_model 12288, 96 heads of 128, context 2048, 175.0B parameters.
        Assert.Equal(96, gpt3.GetProperty("nLayer").GetInt64());
        Assert.Equal(12288, gpt3.GetProperty("dModel").GetInt64());
        Assert.Equal(128, gpt3.GetProperty("dHead").GetInt64());
        Assert.Equal(2048, gpt3.GetProperty("nCtx").GetInt64());
        Assert.Equal(175e9, gpt3.GetProperty("publishedParameters").GetInt64(), 0.5e9);
        Agrees(Row(text, "gpt3-175b")[8], gpt3.GetProperty("publishedParameters").GetDouble());
        Assert.Equal(Row(text, "gpt3-175b")[9], gpt3.GetProperty("source").GetString());
    }

    [Fact]
    public void ParamsJson_Checkpoint_TotalsAreTheSafetensorsHeadersOwn()
    {
        var (json, _) = Both(Repo.Root, "params", "--safetensors", "samples/checkpoint/model.safetensors", "--config", "samples/checkpoint/config.json");
        // The header, read here: 8 bytes of little-endian length, then {"name": {"dtype", "shape", "data_offsets"}}.
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, "samples", "checkpoint", "model.safetensors"));
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)length));
        var tensors = header.RootElement.EnumerateObject().Where(t => t.Name != "__metadata__").ToList();
        long elements = tensors.Sum(t => t.Value.GetProperty("shape").EnumerateArray().Aggregate(1L, (p, d) => p * d.GetInt64()));
        long size = tensors.Sum(t => t.Value.GetProperty("data_offsets")[1].GetInt64() - t.Value.GetProperty("data_offsets")[0].GetInt64());
        Assert.Equal("checkpoint", json.GetProperty("kind").GetString());
        Assert.Equal(tensors.Count, json.GetProperty("tensors").GetInt32());
        Assert.Equal(elements, json.GetProperty("total").GetInt64());
        Assert.Equal(size, json.GetProperty("bytes").GetInt64());
        Assert.Equal(elements, json.GetProperty("groups").EnumerateObject().Sum(g => g.Value.GetInt64()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("declaredTotalSize").ValueKind);
        // The configuration describes this checkpoint: no difference in any group.
        Assert.Equal("exact", json.GetProperty("config").GetProperty("kind").GetString());
        Assert.Equal(elements, json.GetProperty("config").GetProperty("total").GetInt64());
        Assert.All(json.GetProperty("difference").EnumerateObject(), d => Assert.Equal(0, d.Value.GetInt64()));
    }

    [Theory]
    [InlineData(1, "fit", "missing-runs.csv")]
    [InlineData(2, "fit", "--law", "no-such-law")]
    [InlineData(2, "fit", "--no-such-option")]
    public void ErrorJson_ShippedTool_TheSameSevenNamesAndTheProcessExitCode(int exitCode, params string[] args)
    {
        var run = ShippedCli.Run(Repo.Root, [.. args, "--json"]);
        Assert.Equal(exitCode, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal(["error"], run.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["message", "file", "line", "column", "position", "key", "exitCode"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
        // The message is the one standard error gives.
        Assert.StartsWith("error: " + error.GetProperty("message").GetString(), run.Error);
        if (args[1] == "missing-runs.csv") Assert.EndsWith("missing-runs.csv", error.GetProperty("file").GetString());
        else Assert.Equal(JsonValueKind.Null, error.GetProperty("file").ValueKind);
    }
}
