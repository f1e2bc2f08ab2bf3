namespace ScalingFit.Architecture;

/// <summary>
/// Multi-head latent attention (DeepSeek-V2, DeepSeek-V3): queries and keys/values pass through
/// low-rank projections. Per layer (DeepseekV2Attention in transformers): the queries either go
/// straight through q_proj (d_model → heads·(nope + rope)) or, with a query rank r_q, through
/// q_a_proj (d_model → r_q), an RMSNorm of r_q and q_b_proj (r_q → heads·(nope + rope)); the keys
/// and values through kv_a_proj_with_mqa (d_model → r_kv + rope), an RMSNorm of r_kv and
/// kv_b_proj (r_kv → heads·(nope + v)); the output through o_proj (heads·v → d_model).
/// </summary>
/// <param name="QueryRank">q_lora_rank; null when the queries are not compressed (DeepSeek-V2-Lite).</param>
/// <param name="KeyValueRank">kv_lora_rank.</param>
/// <param name="NopeHeadDimension">qk_nope_head_dim: the part of a query/key head without rotary positions.</param>
/// <param name="RopeHeadDimension">qk_rope_head_dim: the rotary part, shared by all heads for the keys.</param>
/// <param name="ValueHeadDimension">v_head_dim.</param>
public sealed record LatentAttention(long? QueryRank, long KeyValueRank, long NopeHeadDimension, long RopeHeadDimension, long ValueHeadDimension)
{
    /// <summary>The size of one query/key head: nope + rope.</summary>
    public long QueryKeyHeadDimension => checked(NopeHeadDimension + RopeHeadDimension);
}
