using System.Text.Json;

namespace ScalingFit.Architecture;

/// <summary>The readers of MambaConfig and Mamba2Config, with their defaults where a key is absent.</summary>
internal static class StateSpaceReaders
{
    /// <summary>
    /// Mamba: hidden_size, num_hidden_layers, vocab_size, state_size (16), conv_kernel (4), expand (2)
    /// or intermediate_size, time_step_rank ("auto": ⌈hidden_size/16⌉), use_bias (false), use_conv_bias (true).
    /// </summary>
    public static ArchitectureSpec Mamba(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        var spec = Common(k, o, p);
        long d = spec.ModelWidth!.Value;
        string f = p.Family;
        long inner = k.Count("intermediate_size")?.Value ?? checked((k.Count("expand")?.Value ?? k.Assume("expand", 2L, f)) * d);
        var mixer = new StateSpaceMixer
        {
            Kind = StateSpaceKind.Mamba,
            InnerWidth = inner,
            StateSize = k.Count("state_size")?.Value ?? k.Assume("state_size", 16L, f),
            ConvolutionKernel = k.Count("conv_kernel")?.Value ?? k.Assume("conv_kernel", 4L, f),
            TimeStepRank = TimeStepRank(k, d),
            ConvolutionBias = k.Bool("use_conv_bias")?.Value ?? k.Assume("use_conv_bias", true, f),
            ProjectionBias = k.Bool("use_bias")?.Value ?? k.Assume("use_bias", false, f),
        };
        return spec with { StateSpace = new(mixer, SettingOrigin.Key(k.Source, k.Name("state_size"))) };
    }

    /// <summary>
    /// Mamba-2: hidden_size, num_hidden_layers, vocab_size, expand (2), num_heads (128) × head_dim (64)
    /// = expand · hidden_size, n_groups (1), state_size (128), conv_kernel (4), use_bias (false), use_conv_bias (true).
    /// </summary>
    public static ArchitectureSpec Mamba2(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p)
    {
        var spec = Common(k, o, p);
        long d = spec.ModelWidth!.Value;
        string f = p.Family;
        long inner = checked((k.Count("expand")?.Value ?? k.Assume("expand", 2L, f)) * d);
        long heads = k.Count("num_heads")?.Value ?? k.Assume("num_heads", 128L, f), headSize = k.Count("head_dim")?.Value ?? k.Assume("head_dim", 64L, f);
        if (checked(heads * headSize) != inner)
            throw new ArchitectureException(
                $"{heads} heads × head_dim {headSize} = {heads * headSize} must equal expand × hidden_size = {inner}.", k.Source, k.Name("num_heads"));
        var mixer = new StateSpaceMixer
        {
            Kind = StateSpaceKind.Mamba2,
            InnerWidth = inner,
            StateSize = k.Count("state_size")?.Value ?? k.Assume("state_size", 128L, f),
            ConvolutionKernel = k.Count("conv_kernel")?.Value ?? k.Assume("conv_kernel", 4L, f),
            Heads = heads,
            Groups = k.Count("n_groups")?.Value ?? k.Assume("n_groups", 1L, f),
            ConvolutionBias = k.Bool("use_conv_bias")?.Value ?? k.Assume("use_conv_bias", true, f),
            ProjectionBias = k.Bool("use_bias")?.Value ?? k.Assume("use_bias", false, f),
        };
        return spec with { StateSpace = new(mixer, SettingOrigin.Key(k.Source, k.Name("num_heads"))) };
    }

    private static ArchitectureSpec Common(ConfigKeys k, ArchitectureSpec o, ArchitectureSpec p) => p with
    {
        ModelWidth = FamilyReaders.Width(k, o, "hidden_size", "d_model"),
        LayerCount = FamilyReaders.Layers(k, o, "num_hidden_layers", "n_layer"),
        VocabularySize = FamilyReaders.Vocabulary(k, o),
        TiedEmbeddings = k.Flag(o.TiedEmbeddings, "tie_word_embeddings", p.TiedEmbeddings!.Value, p.Family),
    };

    /// <summary>time_step_rank: a positive integer, or "auto" (or absent) for ⌈hidden_size/16⌉ (MambaConfig).</summary>
    private static long TimeStepRank(ConfigKeys k, long width)
    {
        if (k.Raw("time_step_rank") is { ValueKind: JsonValueKind.String } text && text.GetString() == "auto")
        {
            k.Consider("time_step_rank");
            return (width + 15) / 16;
        }
        return k.Count("time_step_rank")?.Value ?? (width + 15) / 16;
    }
}
