namespace ScalingFit.Architecture;

/// <summary>
/// The parameters of one layer's parts, as the transformers implementations lay the weights out:
/// attention (standard or latent), its norms, a dense MLP, an expert MLP with router and shared
/// experts, a state-space mixer. Linear weights are in×out matrices; biases and norms are vectors.
/// </summary>
internal static class LayerParameters
{
    /// <summary>The parts of a layer; every count is for one layer.</summary>
    public readonly record struct Parts(
        long Attention, long AttentionBiases, long Norms, long Mlp, long MlpBiases, long Router, long Mixer, long InactiveExperts)
    {
        public static Parts operator +(Parts a, Parts b) => checked(new(
            a.Attention + b.Attention, a.AttentionBiases + b.AttentionBiases, a.Norms + b.Norms, a.Mlp + b.Mlp,
            a.MlpBiases + b.MlpBiases, a.Router + b.Router, a.Mixer + b.Mixer, a.InactiveExperts + b.InactiveExperts));

        public static Parts operator *(long n, Parts p) => checked(new(
            n * p.Attention, n * p.AttentionBiases, n * p.Norms, n * p.Mlp, n * p.MlpBiases, n * p.Router, n * p.Mixer, n * p.InactiveExperts));
    }

    /// <summary>Parameters of a norm of the given width: LayerNorm 2·width, RMSNorm width, a parameterless norm 0.</summary>
    public static long Norm(NormKind kind, long width) => kind switch
    {
        NormKind.LayerNorm => checked(2 * width),
        NormKind.RmsNorm => width,
        _ => 0,
    };

    /// <summary>A layer's attention with its norms (the layer norms, query/key norms, latent norms).</summary>
    public static Parts Attention(TransformerShape s)
    {
        checked
        {
            long d = s.ModelWidth, h = s.AttentionHeads;
            long norms = s.NormsPerLayer * Norm(s.Norm, d);
            if (s.Latent is { } l)
            {
                // DeepseekV2Attention: q_proj or q_a_proj + q_a_layernorm + q_b_proj; kv_a_proj_with_mqa +
                // kv_a_layernorm + kv_b_proj; o_proj. attention_bias puts a bias on q_a, kv_a and o.
                long qk = h * l.QueryKeyHeadDimension;
                long query = l.QueryRank is { } r ? d * r + r * qk : d * qk;
                long keyValue = d * (l.KeyValueRank + l.RopeHeadDimension) + l.KeyValueRank * h * (l.NopeHeadDimension + l.ValueHeadDimension);
                long output = h * l.ValueHeadDimension * d;
                long bias = (s.Bias.QueryKeyValue ? (l.QueryRank ?? 0) + l.KeyValueRank + l.RopeHeadDimension : 0) + (s.Bias.AttentionOutput ? d : 0);
                long latentNorms = (l.QueryRank is { } rq ? Norm(s.Norm, rq) : 0) + Norm(s.Norm, l.KeyValueRank);
                return new(query + keyValue + output, bias, norms + latentNorms, 0, 0, 0, 0, 0);
            }
            long a = s.AttentionWidth, kv = s.KeyValueWidth;
            // Q (d×a), K and V (d×kv each), output (a×d); a fused query_key_value has the same size.
            long weights = d * a + 2 * d * kv + a * d;
            long biases = (s.Bias.QueryKeyValue ? a + 2 * kv : 0) + (s.Bias.AttentionOutput ? d : 0);
            long queryKeyNorms = s.QueryKeyNorm switch
            {
                QueryKeyNorm.PerHead => 2 * Norm(s.Norm, s.HeadDimension),
                QueryKeyNorm.FullWidth => Norm(s.Norm, a) + Norm(s.Norm, kv),
                _ => 0,
            };
            return new(weights, biases, norms + queryKeyNorms, 0, 0, 0, 0, 0);
        }
    }

    /// <summary>A dense MLP of width d_ff: up and down (d×d_ff, d_ff×d), plus a gate (d×d_ff) when gated.</summary>
    public static Parts DenseMlp(TransformerShape s) =>
        new(0, 0, 0, MlpWeights(s, s.FeedForwardWidth), MlpBiases(s, s.FeedForwardWidth), 0, 0, 0);

    /// <summary>
    /// An expert layer: E routed experts of the expert width, the shared experts' MLP, the router
    /// (d×E, with a bias per expert where the family has one) and a shared-expert gate (d×1).
    /// </summary>
    public static Parts ExpertMlp(TransformerShape s)
    {
        checked
        {
            long d = s.ModelWidth, e = s.Experts, w = s.ExpertWidth, shared = s.SharedExpertWidth;
            long expert = MlpWeights(s, w), expertBias = MlpBiases(s, w);
            long sharedWeights = shared > 0 ? MlpWeights(s, shared) : 0, sharedBias = shared > 0 ? MlpBiases(s, shared) : 0;
            long router = d * e + (s.RouterBias ? e : 0) + (s.SharedExpertGate ? d : 0);
            long inactive = (e - s.ExpertsPerToken) * (expert + expertBias);
            return new(0, 0, 0, e * expert + sharedWeights, e * expertBias + sharedBias, router, 0, inactive);
        }
    }

    /// <summary>A state-space mixer; its gated norm (Mamba-2) counts as a norm.</summary>
    public static Parts StateSpace(TransformerShape s, StateSpaceMixer m)
    {
        checked
        {
            long d = s.ModelWidth, i = m.InnerWidth, k = m.ConvolutionKernel, n = m.StateSize;
            long norms = s.NormsPerLayer * Norm(s.Norm, d);
            if (m.Kind == StateSpaceKind.Mamba)
            {
                // MambaMixer: in_proj, conv1d, x_proj, dt_proj (with bias), A_log, D, out_proj.
                long r = m.TimeStepRank;
                long mixer = d * 2 * i + (m.ProjectionBias ? 2 * i : 0) + i * k + (m.ConvolutionBias ? i : 0) +
                             i * (r + 2 * n) + r * i + i + i * n + i + i * d + (m.ProjectionBias ? d : 0);
                return new(0, 0, norms, 0, 0, 0, mixer, 0);
            }
            // Mamba2Mixer: in_proj, conv1d over inner + 2·groups·state channels, dt_bias, A_log, D, gated norm, out_proj.
            long channels = i + 2 * m.Groups * n, projected = i + channels + m.Heads;
            long mixer2 = d * projected + (m.ProjectionBias ? projected : 0) + channels * k + (m.ConvolutionBias ? channels : 0) +
                          3 * m.Heads + i * d + (m.ProjectionBias ? d : 0);
            return new(0, 0, norms + Norm(NormKind.RmsNorm, i), 0, 0, 0, mixer2, 0);
        }
    }

    /// <summary>MLP weights one token uses, all layers: dense MLPs, the routed experts it is sent to, the shared experts, the router and gate.</summary>
    public static long ActiveMlpWeights(TransformerShape s)
    {
        checked
        {
            long d = s.ModelWidth;
            long expertLayer = s.ExpertsPerToken * MlpWeights(s, s.ExpertWidth) + (s.SharedExpertWidth > 0 ? MlpWeights(s, s.SharedExpertWidth) : 0) +
                               d * s.Experts + (s.SharedExpertGate ? d : 0);
            return s.DenseLayers * MlpWeights(s, s.FeedForwardWidth) + s.ExpertLayers * expertLayer;
        }
    }

    private static long MlpWeights(TransformerShape s, long width) => checked((s.GatedMlp ? 3 : 2) * s.ModelWidth * width);

    private static long MlpBiases(TransformerShape s, long width) =>
        s.Bias.Mlp ? checked((s.GatedMlp ? 2 * width : width) + s.ModelWidth) : 0;
}
