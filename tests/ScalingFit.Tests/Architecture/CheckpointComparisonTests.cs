using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// A configuration's count beside the tensors transformers saves for it: built from the layer shapes
/// of the modeling code (LlamaForCausalLM, DeepseekV3 with its MTP layer), the groups agree.
/// </summary>
public class CheckpointComparisonTests
{

    private static ArchitectureAnalysis Config(string json) =>
        Architectures.FromConfig(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "config.json");

    [Fact]
    public void GroupsOf_LlamaConfig_EqualTheCheckpointsGroups()
    {
        using var folder = new TempFolder();
        var config = Config(SafetensorsFile.LlamaConfig);
        var c = Checkpoint.Read(SafetensorsFile.Write(folder.File("m.safetensors"), SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: false)), config.Shape.LayerCount);
        var expected = CheckpointCount.GroupsOf(config);
        foreach (var (name, _) in TensorGroups.All) Assert.Equal(expected[name], c.Groups[name]);
        Assert.Equal(config.Parameters.Total, c.Total);
    }

    [Fact]
    public void GroupsOf_TiedHeadMissingFromCheckpoint_DiffersOnlyInTheHead()
    {
        using var folder = new TempFolder();
        var config = Config(SafetensorsFile.LlamaConfig);
        var c = Checkpoint.Read(SafetensorsFile.Write(folder.File("m.safetensors"), SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: true)), 2);
        var expected = CheckpointCount.GroupsOf(config);
        Assert.Equal(-100L * 64, c.Groups["head"] - expected["head"]);
        Assert.Equal(expected["attention"], c.Groups["attention"]);
    }

    [Theory]
    [InlineData("model.layers.3.self_attn.q_a_proj.weight", 3, "predictionModules")]
    [InlineData("model.layers.2.self_attn.q_a_proj.weight", 3, "attention")]
    [InlineData("model.layers.2.self_attn.q_a_layernorm.weight", 3, "norms")]
    [InlineData("model.layers.2.mlp.gate.e_score_correction_bias", 3, "mlp")]
    [InlineData("model.layers.2.mlp.shared_experts.down_proj.weight", null, "mlp")]
    [InlineData("transformer.h.0.self_attention.query_key_value.weight", null, "attention")]
    [InlineData("transformer.word_embeddings_layernorm.weight", null, "norms")]
    [InlineData("backbone.layers.0.mixer.A_log", null, "mixer")]
    [InlineData("backbone.embeddings.weight", null, "embeddings")]
    [InlineData("gpt_neox.embed_in.weight", null, "embeddings")]
    [InlineData("embed_out.weight", null, "head")]
    [InlineData("lm_head.bias", null, "head")]
    [InlineData("model.decoder.project_in.weight", null, "embeddings")]
    [InlineData("transformer.h.0.mlp.c_fc.bias", null, "mlp")]
    [InlineData("transformer.h.0.attn.c_attn.weight", null, "attention")]
    [InlineData("transformer.h.0.attn.c_attn.bias", null, "attention")]
    [InlineData("transformer.h.0.attn.bias", null, "buffers")]                     // GPT-2's causal mask
    [InlineData("h.11.attn.masked_bias", null, "buffers")]
    [InlineData("gpt_neox.layers.0.attention.bias", null, "buffers")]              // GPT-NeoX's causal mask
    [InlineData("gpt_neox.layers.0.attention.dense.bias", null, "attention")]
    [InlineData("gpt_neox.layers.0.attention.rotary_emb.inv_freq", null, "buffers")]
    [InlineData("model.layers.0.self_attn.o_proj.bias", null, "attention")]
    public void Of_TensorNames_FallInTheirGroup(string name, int? layers, string group) =>
        Assert.Equal(group, TensorGroups.Of(name, layers));
}
