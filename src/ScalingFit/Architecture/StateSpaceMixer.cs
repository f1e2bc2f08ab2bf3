namespace ScalingFit.Architecture;

/// <summary>Which state-space mixer a layer holds.</summary>
public enum StateSpaceKind
{
    /// <summary>Mamba (Gu and Dao 2023; MambaMixer in transformers).</summary>
    Mamba,

    /// <summary>Mamba-2 (Dao and Gu 2024; Mamba2Mixer in transformers).</summary>
    Mamba2,
}

/// <summary>
/// The state-space mixer that replaces attention and MLP in each layer of a Mamba model. Mamba
/// (MambaMixer): in_proj d → 2·inner, a depthwise conv1d of inner channels, x_proj inner →
/// dt_rank + 2·state, dt_proj dt_rank → inner (with bias), A_log inner × state, D inner, out_proj
/// inner → d. Mamba-2 (Mamba2Mixer): in_proj d → 2·inner + 2·groups·state + heads, a conv1d of
/// inner + 2·groups·state channels, dt_bias, A_log and D of one value per head, a gated RMSNorm of
/// inner, out_proj inner → d.
/// </summary>
public sealed record StateSpaceMixer
{
    /// <summary>Mamba or Mamba-2.</summary>
    public required StateSpaceKind Kind { get; init; }

    /// <summary>The inner width: expand · d_model (intermediate_size).</summary>
    public required long InnerWidth { get; init; }

    /// <summary>The state size (state_size).</summary>
    public required long StateSize { get; init; }

    /// <summary>The convolution kernel width (conv_kernel).</summary>
    public required long ConvolutionKernel { get; init; }

    /// <summary>Mamba: the rank of the time-step projection (time_step_rank); 0 for Mamba-2.</summary>
    public long TimeStepRank { get; init; }

    /// <summary>Mamba-2: the number of heads (num_heads); 0 for Mamba.</summary>
    public long Heads { get; init; }

    /// <summary>Mamba-2: the number of groups of B and C (n_groups); 0 for Mamba.</summary>
    public long Groups { get; init; }

    /// <summary>Whether the convolution has a bias (use_conv_bias).</summary>
    public required bool ConvolutionBias { get; init; }

    /// <summary>Whether in_proj and out_proj have biases (use_bias).</summary>
    public required bool ProjectionBias { get; init; }
}
