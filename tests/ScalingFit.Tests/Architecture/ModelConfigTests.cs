using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

public class ModelConfigTests
{
    private static TransformerShape Build(string json, string? family = null, ArchitectureSpec? overrides = null) =>
        ModelConfig.Parse(json, "model.json", family, overrides).Build();

    private static string Gpt2With(string key, string value) =>
        System.Text.RegularExpressions.Regex.Replace(ModelConfigs.Gpt2Small, $"\"{key}\": [^,\\n]+", $"\"{key}\": {value}");

    [Fact]
    public void Parse_MalformedJson_NamesLineAndPosition()
    {
        var e = Assert.Throws<ArchitectureException>(() => Build("{\n  \"model_type\": \"gpt2\",\n  \"n_embd\" 768\n}"));
        Assert.Equal("model.json", e.Source);
        Assert.Equal(3, e.Line);
        Assert.Equal(12, e.Position);
        Assert.Contains("line 3, position 12", e.Message);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Parse_EmptyFile_IsMalformedAtLineOne()
    {
        var e = Assert.Throws<ArchitectureException>(() => Build(""));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Parse_NotAnObject_SaysWhatItGot()
    {
        var e = Assert.Throws<ArchitectureException>(() => Build("[1, 2]"));
        Assert.Contains("JSON object", e.Message);
    }

    [Fact]
    public void Parse_MissingKey_NamesKeyAndAlternatives()
    {
        string json = ModelConfigs.Gpt2Small.Replace("\"n_layer\": 12,", "");
        var e = Assert.Throws<ArchitectureException>(() => Build(json));
        Assert.Equal("n_layer", e.Key);
        Assert.Contains("model.json, key 'n_layer'", e.Message);
        Assert.Contains("num_hidden_layers", e.Message);
        Assert.Contains("--n-layer", e.Message);
    }

    [Theory]
    [InlineData("n_head", "0", "got 0")]
    [InlineData("n_embd", "-768", "got -768")]
    [InlineData("vocab_size", "50257.5", "got 50257.5")]
    [InlineData("n_layer", "\"12\"", "got \"12\"")]
    public void Parse_SizeNotPositiveInteger_NamesKey(string key, string value, string got)
    {
        var e = Assert.Throws<ArchitectureException>(() => Build(Gpt2With(key, value)));
        Assert.Equal(key, e.Key);
        Assert.Contains("positive integer", e.Message);
        Assert.Contains(got, e.Message);
    }

    [Fact]
    public void Build_HeadsDoNotDivideWidth_NamesHeadsKey()
    {
        var e = Assert.Throws<ArchitectureException>(() => Build(Gpt2With("n_embd", "770")));
        Assert.Equal("n_head", e.Key);
        Assert.Contains("do not divide the width 770", e.Message);
    }

    [Fact]
    public void Build_KeyValueHeadsDoNotDivideHeads_NamesKey()
    {
        string json = ModelConfigs.Mistral7B.Replace("\"num_key_value_heads\": 8", "\"num_key_value_heads\": 5");
        var e = Assert.Throws<ArchitectureException>(() => Build(json));
        Assert.Equal("num_key_value_heads", e.Key);
    }

    [Fact]
    public void Build_BadValueFromOption_BlamesTheOption()
    {
        var overrides = new ArchitectureSpec { KeyValueHeads = new(5L, SettingOrigin.Option("--kv-heads")) };
        var e = Assert.Throws<OptionException>(() => Build(ModelConfigs.Mistral7B, overrides: overrides));
        Assert.StartsWith("--kv-heads:", e.Message);
    }

    [Theory]
    [InlineData("\"model_type\": \"gpt2\"", "\"model_type\": \"cohere\"", "'cohere' is not a model family")]
    [InlineData("\"model_type\": \"gpt2\",", "", "missing")]
    public void Parse_UnknownOrMissingModelType_ListsFamiliesAndHandFlags(string from, string to, string what)
    {
        var e = Assert.Throws<ArchitectureException>(() => Build(ModelConfigs.Gpt2Small.Replace(from, to)));
        Assert.Equal("model_type", e.Key);
        Assert.Contains(what, e.Message);
        foreach (var family in new[] { "gpt2", "gpt_neox", "opt", "bloom", "llama", "mistral", "mixtral", "qwen2" })
            Assert.Contains(family, e.Message);
        Assert.Contains("--family", e.Message);
        Assert.Contains("--norm", e.Message);
        Assert.Contains("--gated-mlp", e.Message);
    }

    [Fact]
    public void Parse_UnknownModelTypeWithFamily_ReadsWithThoseRules()
    {
        var shape = Build(ModelConfigs.Llama2_7B.Replace("\"llama\"", "\"internlm\""), family: "llama");
        Assert.Equal(6_738_415_616, ParameterCounter.Count(shape).Total);
        Assert.Equal("llama", shape.Family);
    }

    [Fact]
    public void Parse_UnknownModelTypeDescribedByHand_CountsWithGenericKeys()
    {
        static Setting<T> Flag<T>(T value, string option) => new(value, SettingOrigin.Option(option));
        var overrides = new ArchitectureSpec
        {
            GatedMlp = Flag(true, "--gated-mlp"),
            Norm = Flag(NormKind.RmsNorm, "--norm"),
            Positions = Flag(PositionKind.Rotary, "--positions"),
            Bias = Flag(BiasLayout.None, "--bias"),
        };
        var shape = Build(ModelConfigs.Mistral7B.Replace("\"mistral\"", "\"my_model\""), overrides: overrides);
        Assert.Equal(ModelFamilies.Custom, shape.Family);
        // The same count as the mistral rules give the published file; tie_word_embeddings: false from the file.
        Assert.Equal(ParameterCounter.Count(Build(ModelConfigs.Mistral7B)).Total, ParameterCounter.Count(shape).Total);
    }

    [Fact]
    public void Parse_HandDescriptionIncomplete_NamesMissingOptions()
    {
        var overrides = new ArchitectureSpec { GatedMlp = new(true, SettingOrigin.Option("--gated-mlp")) };
        string json = ModelConfigs.Mistral7B.Replace("\"mistral\"", "\"my_model\"").Replace("\"tie_word_embeddings\": false,", "");
        var e = Assert.Throws<OptionException>(() => Build(json, overrides: overrides));
        Assert.Contains("--norm", e.Message);
        Assert.Contains("--positions", e.Message);
        Assert.Contains("--bias", e.Message);
        Assert.Contains("--tied or --untied", e.Message);
    }

    [Fact]
    public void Parse_UnknownFamilyOption_ThrowsOptionExceptionListingFamilies()
    {
        var e = Assert.Throws<OptionException>(() => Build(ModelConfigs.Gpt2Small, family: "t5"));
        Assert.Contains("gpt_neox", e.Message);
    }

    [Fact]
    public void Parse_Gpt2WithoutNInner_FeedForwardIsFourWidths() =>
        Assert.Equal(4 * 768, Build(ModelConfigs.Gpt2Small).FeedForwardWidth);

    [Fact]
    public void Parse_NullHeadDim_FallsBackToWidthOverHeads() =>
        Assert.Equal(128, Build(ModelConfigs.Mistral7B.Replace("\"hidden_act\"", "\"head_dim\": null, \"hidden_act\"")).HeadDimension);
}
