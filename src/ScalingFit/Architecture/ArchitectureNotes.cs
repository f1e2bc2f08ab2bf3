using System.Globalization;

namespace ScalingFit.Architecture;

/// <summary>The notes of an analysis: what the counts include, why Kaplan's estimate differs, where FLOP come from.</summary>
internal static class ArchitectureNotes
{
    public static List<string> For(ArchitectureAnalysis a)
    {
        var s = a.Shape;
        var notes = new List<string>();
        if (a.Section is { } section)
            notes.Add($"counted the language model in {section}" + (a.LeftOut.Count > 0 ? $"; left out {string.Join(", ", a.LeftOut)}" : ""));
        foreach (var d in a.Defaults)
            notes.Add($"the configuration has no '{d.Key}': took the {d.Family} default, {d.Value}");
        notes.Add("non-embedding (Kaplan et al. 2020) leaves out the token embedding, the position embedding and an untied output head; " +
            (s.TiedEmbeddings ? "this model's output head is tied to the token embedding and counted once" : "this model's output head is untied and counted as embedding"));
        if (s.StateSpace is { } m)
            notes.Add($"a state-space model ({(m.Kind == StateSpaceKind.Mamba ? "Mamba" : "Mamba-2")}): no attention and no MLP, so Kaplan's 12·n_layer·d_model² " +
                      "and Hoffmann's attention terms do not apply; FLOP per token are 2·N forward and 6·N training");
        if (s.GatedMlp)
            notes.Add("the MLP is gated: 3 matrices of d_model×d_ff where Kaplan's formula counts 2");
        if (s.Latent is { } l)
            notes.Add($"multi-head latent attention: queries {(l.QueryRank is { } r ? $"through rank {Text(r)}" : "uncompressed")}, keys and values through rank " +
                      $"{Text(l.KeyValueRank)}; heads of {Text(l.QueryKeyHeadDimension)} for queries and keys and {Text(l.ValueHeadDimension)} for values");
        else if (s.StateSpace is null && s.KeyValueHeads != s.AttentionHeads)
            notes.Add($"grouped-query attention: {Text(s.KeyValueHeads)} key-value heads for {Text(s.AttentionHeads)} query heads, " +
                      "so K and V are narrower than Kaplan's formula assumes");
        if (s.StateSpace is null && s.Latent is null && s.AttentionWidth != s.ModelWidth)
            notes.Add($"d_attn = {Text(s.AttentionHeads)} heads × {Text(s.HeadDimension)} = {Text(s.AttentionWidth)}, not d_model; " +
                      "12·n_layer·d_model² assumes they are equal");
        if (s.IsMixtureOfExperts)
            notes.Add(Experts(s));
        if (a.PredictionModules is { } mtp)
            notes.Add($"{Text(s.PredictionLayers)} multi-token prediction module{(s.PredictionLayers == 1 ? " is" : "s are")} counted apart ({Text(mtp.Total)} parameters, " +
                      $"{Text(mtp.ActivePerToken)} active per token): {(s.PredictionLayers == 1 ? "it shares" : "they share")} the embedding and output head and " +
                      "the transformers implementation does not build it");
        if (a.ContextLength is null)
            notes.Add("the context length is not known: FLOP per token leave out the attention term 2·n_layer·n_ctx·d_attn, and Hoffmann's count is not given");
        else if (a.ContextIsConfigurationMaximum)
            notes.Add($"FLOP per token are counted at n_ctx {Text(a.ContextLength.Value)}, the configuration's maximum context; " +
                      "give the training context length to count them at it");
        return notes;
    }

    private static string Experts(TransformerShape s)
    {
        string dense = s.DenseLayers > 0 ? $"; {Text(s.DenseLayers)} of the {Text(s.LayerCount)} layers have a dense MLP of d_ff {Text(s.FeedForwardWidth)}" : "";
        string shared = s.SharedExpertWidth > 0 ? $", plus shared experts of width {Text(s.SharedExpertWidth)} that every token uses" : "";
        return $"mixture of {Text(s.Experts)} experts of width {Text(s.ExpertWidth)} with {Text(s.ExpertsPerToken)} per token{shared}{dense}: " +
               "the total counts every expert, the active count and the FLOP per token only those a token uses; Kaplan's formula counts one MLP";
    }

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
