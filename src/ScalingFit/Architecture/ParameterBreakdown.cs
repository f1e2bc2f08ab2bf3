namespace ScalingFit.Architecture;

/// <summary>
/// Exact parameter counts by component. Following Kaplan et al. 2020, the embedding is the token
/// embedding, the position embedding and an untied output head; everything else (attention, MLP,
/// norms, biases, router, projections) is non-embedding.
/// </summary>
public sealed record ParameterBreakdown
{
    /// <summary>Weights of the Q, K, V and output projections, all layers.</summary>
    public required long Attention { get; init; }

    /// <summary>Weights of the MLP matrices (of every expert, routed and shared), all layers.</summary>
    public required long Mlp { get; init; }

    /// <summary>The state-space mixers of a Mamba model (projections, convolution, A, D, time steps); 0 for a transformer.</summary>
    public long Mixer { get; init; }

    /// <summary>Norm weights (and LayerNorm biases): those of every layer (with query/key and latent norms), the final norm, an embedding norm.</summary>
    public required long Norms { get; init; }

    /// <summary>Biases of the attention projections.</summary>
    public required long AttentionBiases { get; init; }

    /// <summary>Biases of the MLP (and expert) matrices.</summary>
    public required long MlpBiases { get; init; }

    /// <summary>Biases of the linear layers: attention and MLP.</summary>
    public long Biases => checked(AttentionBiases + MlpBiases);

    /// <summary>The mixture-of-experts router (gate) weights, with a router bias and a shared-expert gate where the family has them.</summary>
    public required long Router { get; init; }

    /// <summary>Projections between a narrower embedding and d_model (OPT-350m).</summary>
    public required long Projections { get; init; }

    /// <summary>The token embedding.</summary>
    public required long TokenEmbedding { get; init; }

    /// <summary>The learned position embedding.</summary>
    public required long PositionEmbedding { get; init; }

    /// <summary>The output head (language-model head, with its bias in GPT-J); 0 when tied to the token embedding.</summary>
    public required long OutputHead { get; init; }

    /// <summary>The MLP weights and biases of the experts a token is not routed to; 0 for a dense model.</summary>
    public required long InactiveExperts { get; init; }

    /// <summary>Every parameter.</summary>
    public long Total => checked(Attention + Mlp + Mixer + Norms + Biases + Router + Projections + Embedding);

    /// <summary>Token embedding, position embedding and untied output head.</summary>
    public long Embedding => checked(TokenEmbedding + PositionEmbedding + OutputHead);

    /// <summary>Total minus embedding: the N of Kaplan et al. 2020.</summary>
    public long NonEmbedding => Total - Embedding;

    /// <summary>Parameters used for one token: the total without the experts it is not routed to.</summary>
    public long ActivePerToken => Total - InactiveExperts;

    /// <summary>Non-embedding parameters used for one token.</summary>
    public long ActiveNonEmbedding => NonEmbedding - InactiveExperts;

    /// <summary>The components in report order, with stable names for JSON and labels for people.</summary>
    public IReadOnlyList<ParameterComponent> Components =>
    [
        new("attention", "attention (Q, K, V, output)", Attention, false),
        new("mlp", "MLP", Mlp, false),
        new("mixer", "state-space mixers", Mixer, false),
        new("norms", "norms", Norms, false),
        new("biases", "biases", Biases, false),
        new("router", "router", Router, false),
        new("projections", "embedding projections", Projections, false),
        new("tokenEmbedding", "token embedding", TokenEmbedding, true),
        new("positionEmbedding", "position embedding", PositionEmbedding, true),
        new("outputHead", "output head", OutputHead, true),
    ];
}

/// <summary>One component of a parameter count.</summary>
/// <param name="Name">The stable name used in JSON (attention, mlp, tokenEmbedding, …).</param>
/// <param name="Label">The name shown to people.</param>
/// <param name="Count">Its parameters.</param>
/// <param name="IsEmbedding">Whether it counts as embedding (excluded from Kaplan's N).</param>
public sealed record ParameterComponent(string Name, string Label, long Count, bool IsEmbedding);
