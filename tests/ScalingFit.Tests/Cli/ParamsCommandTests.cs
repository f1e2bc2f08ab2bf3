using System.Text.Json;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Cli;

public class ParamsCommandTests
{
    [Fact]
    public void Params_Width768Depth12_PrintsTwelveLdSquared()
    {
        var run = CliRun.Of("params", "--d-model", "768", "--n-layer", "12");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("84,934,656", run.Out);
        Assert.Contains("12·L·d²", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Params_ShapeJson_CountsAndFlopAreExactIntegers()
    {
        long d = 2048, layers = 24, a = 1024, f = 5632, vocab = 32000, context = 4096;
        var run = CliRun.Of("params", "--d-model", "2048", "--n-layer", "24", "--d-attn", "1024", "--d-ff", "5632",
            "--vocab", "32000", "--n-ctx", "4096", "--tokens", "1e12", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        long n = 2 * d * layers * (2 * a + f);
        Assert.Equal(n, json.GetProperty("nonEmbedding").GetInt64());
        Assert.Equal(n, json.GetProperty("kaplanEstimate").GetInt64());
        Assert.Equal(12 * layers * d * d, json.GetProperty("simplifiedEstimate").GetInt64());
        Assert.Equal((vocab + context) * d, json.GetProperty("embedding").GetInt64());
        Assert.Equal(n + (vocab + context) * d, json.GetProperty("total").GetInt64());
        Assert.Equal(2 * n + 2 * layers * context * a, json.GetProperty("forwardFlopsPerToken").GetInt64());
        Assert.Equal(6.0 * n * 1e12, json.GetProperty("trainingCompute").GetDouble(), 1e9);
        Assert.Equal(4 * layers * d * a, json.GetProperty("components").GetProperty("attention").GetInt64());
    }

    [Fact]
    public void Params_ScaleWidthAndDepth_Reports18874368To84934656()
    {
        var run = CliRun.Of("params", "--d-model", "512", "--n-layer", "6", "--scale-d", "1.5", "--scale-layers", "2", "--json");
        Assert.Equal(0, run.ExitCode);
        var s = run.Json.GetProperty("scaling");
        Assert.Equal(18_874_368, s.GetProperty("fromParameters").GetInt64());
        Assert.Equal(84_934_656, s.GetProperty("toParameters").GetInt64());
        Assert.Equal(768, s.GetProperty("to").GetProperty("dModel").GetInt64());
        Assert.Equal(12, s.GetProperty("to").GetProperty("nLayer").GetInt64());
        Assert.Equal(4.5, s.GetProperty("ratio").GetDouble(), 12);
        Assert.Equal(2.25, s.GetProperty("widthContribution").GetDouble(), 12);
        Assert.Equal(2, s.GetProperty("depthContribution").GetDouble(), 12);
    }

    [Fact]
    public void Params_ScaleTable_ShowsEachFactor()
    {
        var run = CliRun.Of("params", "--d-model", "512", "--n-layer", "6", "--scale-d", "1.5", "--scale-layers", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("42,467,328", run.Out);   // width only: 12·6·768²
        Assert.Contains("37,748,736", run.Out);   // depth only: 12·12·512²
        Assert.Contains("×4.5", run.Out);
    }

    [Fact]
    public void Params_Ladder_WidthQuadraticDepthLinear()
    {
        var run = CliRun.Of("params", "--d-model", "256", "--n-layer", "4", "--ladder", "--json");
        Assert.Equal(0, run.ExitCode);
        var ladder = run.Json.GetProperty("ladder");
        var rows = ladder.GetProperty("parameters").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        long n = 12L * 4 * 256 * 256;
        Assert.Equal(4 * n, rows[0][1]);
        Assert.Equal(2 * n, rows[1][0]);
        Assert.Equal(64 * 8 * n, rows[3][3]);
        Assert.Contains("quadratically", CliRun.Of("params", "--d-model", "256", "--n-layer", "4", "--ladder").Out);
    }

    [Fact]
    public void Params_ConfigGpt2_JsonMatchesPublishedAndComparesKaplan()
    {
        using var file = new TempFile(ModelConfigs.Gpt2Small, ".json");
        var run = CliRun.Of("params", "--config", file.Path, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(124_439_808, json.GetProperty("total").GetInt64());
        Assert.Equal(85_056_000, json.GetProperty("nonEmbedding").GetInt64());
        Assert.Equal(124_439_808 - 85_056_000, json.GetProperty("embedding").GetInt64());
        Assert.Equal(12L * 12 * 768 * 768, json.GetProperty("kaplanEstimate").GetInt64());
        Assert.Equal(12L * 12 * 768 * 768, json.GetProperty("simplifiedEstimate").GetInt64());
        Assert.Equal((12.0 * 12 * 768 * 768 - 85_056_000) / 85_056_000, json.GetProperty("kaplanRelativeError").GetDouble(), 12);
        Assert.Equal(2L * 85_056_000 + 2L * 12 * 1024 * 768, json.GetProperty("forwardFlopsPerToken").GetInt64());
        var components = json.GetProperty("components");
        Assert.Equal(50257L * 768, components.GetProperty("tokenEmbedding").GetInt64());
        Assert.Equal(1024L * 768, components.GetProperty("positionEmbedding").GetInt64());
        Assert.Equal(0, components.GetProperty("outputHead").GetInt64());
        Assert.Equal("gpt2", json.GetProperty("family").GetString());
    }

    [Fact]
    public void Params_ConfigTable_SaysWhatNonEmbeddingLeavesOut()
    {
        using var file = new TempFile(ModelConfigs.Llama2_7B, ".json");
        var run = CliRun.Of("params", "--config", file.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("6,738,415,616", run.Out);
        Assert.Contains("leaves out the token embedding, the position embedding and an untied output head", run.Out);
        Assert.Contains("12·n_layer·d_model²", run.Out);
        Assert.Contains("2·d_model·n_layer·(2·d_attn + d_ff)", run.Out);
        Assert.Contains("gated", run.Out);
    }

    [Fact]
    public void Params_ConfigMixtral_JsonHasTotalAndActive()
    {
        using var file = new TempFile(ModelConfigs.Mixtral8x7B, ".json");
        var json = CliRun.Of("params", "--config", file.Path, "--json").Json;
        Assert.Equal(46_702_792_704, json.GetProperty("total").GetInt64());
        Assert.Equal(12_879_925_248, json.GetProperty("activePerToken").GetInt64());
        Assert.Equal(8, json.GetProperty("architecture").GetProperty("experts").GetInt64());
        Assert.True(json.GetProperty("components").GetProperty("router").GetInt64() > 0);
    }

    [Fact]
    public void Params_HandDescribedMistral_MatchesPublishedTotal()
    {
        var run = CliRun.Of("params", "--d-model", "4096", "--n-layer", "32", "--n-heads", "32", "--kv-heads", "8", "--d-ff", "14336",
            "--vocab", "32768", "--gated-mlp", "--norm", "rmsnorm", "--positions", "rotary", "--bias", "none", "--untied", "--json");
        Assert.Equal(0, run.ExitCode);
        using var file = new TempFile(ModelConfigs.Mistral7B, ".json");
        long published = CliRun.Of("params", "--config", file.Path, "--json").Json.GetProperty("total").GetInt64();
        Assert.Equal(published, run.Json.GetProperty("total").GetInt64());   // Mistral-7B-v0.3 described by hand
        Assert.Equal("custom", run.Json.GetProperty("family").GetString());
    }

    [Fact]
    public void Params_FamilyRulesByHand_MatchGpt2Small()
    {
        var run = CliRun.Of("params", "--family", "gpt2", "--d-model", "768", "--n-layer", "12", "--n-heads", "12",
            "--vocab", "50257", "--n-ctx", "1024", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(124_439_808, run.Json.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Params_ModelGpt3_175B_EstimateNearPublishedBeyond32Bits()
    {
        var run = CliRun.Of("params", "--model", "gpt3-175b", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        long total = json.GetProperty("total").GetInt64();
        Assert.Equal(12L * 96 * 12288 * 12288 + (50257L + 2048) * 12288, total);
        Assert.InRange(total / 175e9, 0.99, 1.01);
        Assert.Equal(175_000_000_000, json.GetProperty("model").GetProperty("publishedParameters").GetInt64());
        Assert.Contains("175,000,000,000", CliRun.Of("params", "--model", "gpt3-175b").Out);
    }

    [Fact]
    public void Params_ModelPythia_ExactCountMatchesPublished()
    {
        var json = CliRun.Of("params", "--model", "pythia-160m", "--json").Json;
        Assert.Equal(162_322_944, json.GetProperty("exact").GetProperty("total").GetInt64());   // Pythia Table 1
        Assert.Equal(85_056_000, json.GetProperty("exact").GetProperty("nonEmbedding").GetInt64());
    }

    [Fact]
    public void Params_ModelList_ListsCatalog()
    {
        var run = CliRun.Of("params", "--model", "list");
        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "gpt3-175b", "gpt3-125m", "gpt2-xl", "pythia-12b" }) Assert.Contains(name, run.Out);
        var json = CliRun.Of("params", "--model", "list", "--json").Json;
        Assert.Contains("gpt3-175b", json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("{\n  \"model_type\": \"gpt2\",\n  \"n_embd\" 768\n}", "line 3, position 12")]
    [InlineData("{\"model_type\": \"gpt2\", \"n_embd\": 768, \"n_head\": 12, \"vocab_size\": 50257, \"n_positions\": 1024}", "key 'n_layer'")]
    [InlineData("{\"model_type\": \"gpt2\", \"n_embd\": 768, \"n_layer\": 0, \"n_head\": 12, \"vocab_size\": 50257, \"n_positions\": 1024}", "key 'n_layer': must be a positive integer, got 0")]
    [InlineData("{\"model_type\": \"gpt2\", \"n_embd\": 770, \"n_layer\": 2, \"n_head\": 12, \"vocab_size\": 50257, \"n_positions\": 1024}", "key 'n_head': 12 heads do not divide the width 770")]
    [InlineData("{\"model_type\": \"t5\"}", "key 'model_type': 't5' is not a model family")]
    public void Params_BadConfig_ExitsOneNamingFileAndKey(string json, string expected)
    {
        using var file = new TempFile(json, ".json");
        var run = CliRun.Of("params", "--config", file.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file.Path}, {expected}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Params_MissingConfigFile_ExitsOne()
    {
        var run = CliRun.Of("params", "--config", "/no/such/config.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such file", run.Error);
    }

    [Theory]
    [InlineData(new[] { "params" }, "give a shape")]
    [InlineData(new[] { "params", "--d-model", "768" }, "--n-layer is needed")]
    [InlineData(new[] { "params", "--d-model", "0", "--n-layer", "12" }, "d_model must be a positive integer")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--scale-d", "0" }, "width factor")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--scale-d", "abc" }, "not a number")]
    [InlineData(new[] { "params", "--config", "x.json", "--model", "gpt3-175b" }, "give one")]
    [InlineData(new[] { "params", "--config", "x.json", "--ladder" }, "--ladder does not apply to --config")]
    [InlineData(new[] { "params", "--model", "gpt3-175b", "--d-model", "768" }, "--d-model does not apply to --model")]
    [InlineData(new[] { "params", "--model", "gpt5" }, "not a known model")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--gated-mlp" }, "--n-heads, --vocab, --norm")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--n-heads", "12", "--vocab", "9", "--tied", "--untied" }, "contradict")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--n-heads", "12", "--vocab", "9", "--norm", "batch" }, "not a norm")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--n-heads", "12", "--kv-heads", "5", "--vocab", "9", "--family", "llama" }, "--kv-heads: 5 key-value heads")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--n-heads", "12", "--vocab", "9", "--family", "t5" }, "not a known model family")]
    [InlineData(new[] { "params", "--d-model", "768", "--n-layer", "12", "--n-heads", "12", "--vocab", "9", "--family", "llama", "--d-attn", "512" }, "--d-attn does not apply")]
    public void Params_BadCommandLine_ExitsTwo(string[] args, string expected)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Params_ConfigOverriddenByBadOption_ExitsTwoNamingOption()
    {
        using var file = new TempFile(ModelConfigs.Mistral7B, ".json");
        var run = CliRun.Of("params", "--config", file.Path, "--kv-heads", "3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--kv-heads: 3 key-value heads", run.Error);
    }

    [Fact]
    public void Params_UnknownModelTypeDescribedByHand_Counts()
    {
        using var file = new TempFile(ModelConfigs.Llama2_7B.Replace("\"llama\"", "\"my_llama\""), ".json");
        var run = CliRun.Of("params", "--config", file.Path, "--gated-mlp", "--norm", "rms", "--positions", "rope", "--bias", "none", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6_738_415_616, run.Json.GetProperty("total").GetInt64());
        Assert.Equal("my_llama", run.Json.GetProperty("modelType").GetString());
    }

    [Fact]
    public void Params_Json_IsOneObject()
    {
        var run = CliRun.Of("params", "--d-model", "768", "--n-layer", "12", "--json");
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.Out).RootElement.ValueKind);
    }
}
