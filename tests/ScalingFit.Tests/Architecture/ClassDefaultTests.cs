using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Keys a configuration leaves out take the transformers configuration class's default, stated in
/// the output: every size of a nested text_config (saved as its difference from the class), and
/// head_dim, whose default is not d_model / heads in Gemma (256) and Qwen3 (128).
/// </summary>
public class ClassDefaultTests
{
    private static ArchitectureAnalysis Read(string json, string? family = null) =>
        Architectures.FromConfig(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "config.json", family);

    [Fact]
    public void Nested_VocabularyEqualToTheClassDefault_LeftOut_CountsTheSameAndSaysSo()
    {
        // google/gemma-3-27b-it's text_config leaves out vocab_size (Gemma3TextConfig's 262208); MedGemma 27B,
        // the same model, writes it. Before, this stopped with "missing text_config.vocab_size".
        string full = PublishedConfigs.Text("medgemma-27b-it");
        string sparse = full.Replace("\"use_cache\": true,\n    \"vocab_size\": 262208", "\"use_cache\": true");
        Assert.NotEqual(full, sparse);
        var a = Read(sparse);
        Assert.Equal(Read(full).Parameters.Total, a.Parameters.Total);
        Assert.Contains(a.Defaults, d => d is { Key: "text_config.vocab_size", Family: "gemma3_text", Value: "262208" });
        Assert.Contains(a.Notes, n => n.Contains("text_config.vocab_size", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gemma-2-9b", "\"head_dim\": 256,", "gemma2", "256")]          // d_model / heads = 3584 / 16 = 224
    [InlineData("qwen3-0.6b", "\"head_dim\": 128,", "qwen3", "128")]            // d_model / heads = 1024 / 16 = 64
    public void TopLevel_HeadDimLeftOut_TakesTheClassDefaultNotWidthOverHeads(string name, string key, string family, string value)
    {
        string full = PublishedConfigs.Text(name);
        var a = Read(full.Replace(key, ""));
        Assert.Equal(Read(full).Parameters.Total, a.Parameters.Total);
        Assert.Contains(a.Defaults, d => d.Key == "head_dim" && d.Family == family && d.Value == value);
    }

    [Fact]
    public void TopLevel_SizeLeftOut_IsStillAnError()
    {
        // Top-level configurations are written whole: a missing size is a damaged file, not a default.
        var e = Assert.Throws<ArchitectureException>(() => Read(PublishedConfigs.Text("qwen3-0.6b").Replace("\"hidden_size\": 1024,", "")));
        Assert.Equal("hidden_size", e.Key);
    }

    [Fact]
    public void Nested_FamilyWithoutClassDefaults_NamesTheMissingKeyWithTheSection()
    {
        string json = PublishedConfigs.Text("medgemma-27b-it").Replace("\"model_type\": \"gemma3_text\"", "\"model_type\": \"qwen2\"").Replace("\"hidden_size\": 5376,", "");
        var e = Assert.Throws<ArchitectureException>(() => Read(json));
        Assert.Equal("text_config.hidden_size", e.Key);
    }

    [Fact]
    public void Nested_WithoutModelTypeUnderAnUnknownOuterType_SaysWhichIsMissing()
    {
        // Before: "key 'text_config.model_type': 'llava' is not a model family", naming the outer value as the nested key's.
        string json = PublishedConfigs.Text("llava-1.5-7b").Replace("\"model_type\": \"llama\",", "");
        var e = Assert.Throws<ArchitectureException>(() => Read(json));
        Assert.Equal("text_config.model_type", e.Key);
        Assert.Contains("text_config has no model_type, and the configuration's model_type 'llava' is not a family", e.Message);
    }
}
