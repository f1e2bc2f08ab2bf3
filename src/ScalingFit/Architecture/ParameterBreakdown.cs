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

    /// <summary>Weights of the MLP matrices (of every expert), all layers.</summary>
    public required long Mlp { get; init; }

    /// <summary>Norm weights (and LayerNorm biases): two per layer, the final norm, an embedding norm.</summary>
    public required long Norms { get; init; }

    /// <summary>Biases of the linear layers.</summary>
    public required long Biases { get; init; }

    /// <summary>The mixture-of-experts router (gate) weights.</summary>
    public required long Router { get; init; }

    /// <summary>Projections between a narrower embedding and d_model (OPT-350m).</summary>
    public required long Projections { get; init; }

    /// <summary>The token embedding.</summary>
    public required long TokenEmbedding { get; init; }

    /// <summary>The learned position embedding.</summary>
    public required long PositionEmbedding { get; init; }

    /// <summary>The output head (language-model head); 0 when tied to the token embedding.</summary>
    public required long OutputHead { get; init; }

    /// <summary>The MLP weights and biases of the experts a token is not routed to; 0 for a dense model.</summary>
    public required long InactiveExperts { get; init; }

    /// <summary>Every parameter.</summary>
    public long Total => checked(Attention + Mlp + Norms + Biases + Router + Projections + Embedding);

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
