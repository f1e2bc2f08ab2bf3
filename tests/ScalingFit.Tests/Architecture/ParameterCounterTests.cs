using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>Component counts against closed forms written out from the layer shapes.</summary>
public class ParameterCounterTests
{
    private static ParameterBreakdown Count(string json, ArchitectureSpec? overrides = null, string? family = null) =>
        ParameterCounter.Count(ModelConfig.Parse(json, "config.json", family, overrides).Build());

    [Fact]
    public void Count_Gpt2Small_ComponentsFollowLayerShapes()
    {
        long d = 768, layers = 12, f = 3072;
        var p = Count(ModelConfigs.Gpt2Small);
        Assert.Equal(layers * 4 * d * d, p.Attention);                           // c_attn (d×3d) and c_proj (d×d)
        Assert.Equal(layers * 2 * d * f, p.Mlp);
        Assert.Equal((2 * layers + 1) * 2 * d, p.Norms);                         // ln_1, ln_2 per layer and ln_f
        Assert.Equal(layers * (3 * d + d + f + d), p.Biases);
        Assert.Equal(50257 * d, p.TokenEmbedding);
        Assert.Equal(1024 * d, p.PositionEmbedding);
        Assert.Equal(0, p.OutputHead);
        Assert.Equal(p.Total, p.Components.Sum(c => c.Count));
    }

    [Fact]
    public void Count_OptWithProjectedEmbedding_ProjectsEmbeddingAndHasNoFinalNorm()
    {
        long d = 128, e = 64, layers = 2, f = 512, v = 1000;
        var p = Count(ModelConfigs.SyntheticOpt);
        Assert.Equal(2 * e * d, p.Projections);                                 // project_in and project_out
        Assert.Equal(layers * 2 * 2 * d, p.Norms);                              // do_layer_norm_before false: no final norm
        Assert.Equal(v * e, p.TokenEmbedding);
        long perLayer = 4 * (d * d + d) + 2 * 2 * d + (d * f + f) + (f * d + d);
        Assert.Equal(v * e + 258 * d + 2 * e * d + layers * perLayer, p.Total);      // OPT keeps 2 more position rows than positions
    }

    [Fact]
    public void Count_Mistral_GroupedQueryAttentionNarrowsKeyAndValue()
    {
        long d = 4096, kv = 8 * 128;
        var p = Count(ModelConfigs.Mistral7B);
        Assert.Equal(32 * (2 * d * d + 2 * d * kv), p.Attention);
        Assert.Equal(32 * 3 * d * 14336, p.Mlp);
        Assert.Equal((2 * 32 + 1) * d, p.Norms);                                // RMSNorm: weight only
        Assert.Equal(0, p.Biases);
    }

    [Fact]
    public void Count_LlamaWithAttentionBias_BiasesOnFourProjections()
    {
        string json = ModelConfigs.Llama2_7B.Replace("\"pretraining_tp\": 1,", "\"attention_bias\": true, \"pretraining_tp\": 1,");
        Assert.Equal(32L * 4 * 4096, Count(json).Biases);
    }

    [Fact]
    public void Count_NeoXWithoutAttentionBias_KeepsMlpBiases()
    {
        string json = ModelConfigs.GptNeoX7B.Replace("\"bos_token_id\": 0,", "\"attention_bias\": false, \"bos_token_id\": 0,");
        Assert.Equal(32L * (16384 + 4096), Count(json).Biases);
    }

    [Fact]
    public void Count_ExplicitHeadDim_AttentionWidthIsHeadsTimesHeadDim()
    {
        string json = ModelConfigs.Mistral7B.Replace("\"hidden_act\"", "\"head_dim\": 96, \"hidden_act\"");
        long d = 4096, a = 32 * 96, kv = 8 * 96;
        Assert.Equal(32 * (d * a + 2 * d * kv + a * d), Count(json).Attention);
    }

    [Fact]
    public void Count_UntiedOverride_AddsOutputHead()
    {
        var overrides = new ArchitectureSpec { TiedEmbeddings = new(false, SettingOrigin.Option("--untied")) };
        var p = Count(ModelConfigs.Gpt2Small, overrides);
        Assert.Equal(124_439_808 + 50257L * 768, p.Total);
        Assert.Equal(p.TokenEmbedding, p.OutputHead);
    }

    [Fact]
    public void Count_HandDescribedLlama2_MatchesPublishedTotal()
    {
        static Setting<T> Flag<T>(T value, string option) => new(value, SettingOrigin.Option(option));
        var spec = new ArchitectureSpec
        {
            ModelWidth = Flag(4096L, "--d-model"),
            LayerCount = Flag(32L, "--n-layer"),
            AttentionHeads = Flag(32L, "--n-heads"),
            FeedForwardWidth = Flag(11008L, "--d-ff"),
            VocabularySize = Flag(32000L, "--vocab"),
            GatedMlp = Flag(true, "--gated-mlp"),
            Norm = Flag(NormKind.RmsNorm, "--norm"),
            Positions = Flag(PositionKind.Rotary, "--positions"),
            Bias = Flag(BiasLayout.None, "--bias"),
            TiedEmbeddings = Flag(false, "--untied"),
        };
        Assert.Equal(6_738_415_616, ParameterCounter.Count(spec.Build()).Total);
    }

    [Fact]
    public void Count_ExpertsWithoutPerToken_AskForIt()
    {
        var spec = ModelFamilies.Preset("mistral") with
        {
            ModelWidth = new(64L, SettingOrigin.Option("--d-model")),
            LayerCount = new(2L, SettingOrigin.Option("--n-layer")),
            AttentionHeads = new(4L, SettingOrigin.Option("--n-heads")),
            VocabularySize = new(100L, SettingOrigin.Option("--vocab")),
            Experts = new(4L, SettingOrigin.Option("--experts")),
        };
        var e = Assert.Throws<OptionException>(() => spec.Build());
        Assert.Contains("--experts-per-token", e.Message);
    }
}
