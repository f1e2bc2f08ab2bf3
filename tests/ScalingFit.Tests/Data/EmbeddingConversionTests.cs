using System.Globalization;
using System.Text;
using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Data;

/// <summary>
/// Non-embedding N converted to total parameters, against runs generated in total parameters from a
/// known Chinchilla law (Hoffmann et al. 2022's fitted values) and written with non-embedding N.
/// </summary>
public class EmbeddingConversionTests
{
    private const long Vocab = 50257;
    private const double E = 1.69, A = 406.4, B = 410.7, Alpha = 0.34, Beta = 0.28;

    /// <summary>Ten widths, aspect ratio d_model/n_layer = 64, five token counts each; N written non-embedding (12·n_layer·d²).</summary>
    internal static string Csv(int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder("d_model,n_layer,N,D,loss\n");
        foreach (int d in new[] { 128, 192, 256, 320, 384, 512, 640, 768, 1024, 1280 })
        {
            int layers = d / 64;
            double nonEmbedding = 12.0 * layers * d * d, total = nonEmbedding + (double)Vocab * d;
            foreach (double ratio in new[] { 5.0, 10, 20, 40, 80 })
            {
                double tokens = ratio * total;
                double loss = (E + A / Math.Pow(total, Alpha) + B / Math.Pow(tokens, Beta)) * Math.Exp(0.003 * Synthetic.Gaussian(random));
                text.Append(CultureInfo.InvariantCulture, $"{d},{layers},{nonEmbedding:R},{tokens:R},{loss:R}\n");
            }
        }
        return text.ToString();
    }

    private static RunSet Runs(string csv) => RunPreparation.Prepare(CsvRunReader.Parse(csv, "runs.csv"), RunSelection.None);

    [Fact]
    public void AddedParameters_Gpt2Small_IsTheClosedForm()
    {
        // GPT-2 small: V = 50257, d_model = 768, n_ctx = 1024, tied head.
        var spec = new EmbeddingSpec { Vocabulary = 50257, LearnedPositions = 1024 };
        Assert.Equal(38_597_376 + 786_432, spec.AddedParameters(768));
        Assert.Equal(2 * 38_597_376L, (spec with { UntiedHead = true, LearnedPositions = 0 }).AddedParameters(768));
    }

    [Fact]
    public void ToTotal_AddsVTimesWidthPerRun_AndNotesTheMedianShare()
    {
        var runs = EmbeddingConversion.ToTotal(Runs("hidden_size,N,D,loss\n768,84934656,1e9,3.1\n1024,302e6,2e9,2.9\n"),
            new EmbeddingSpec { Vocabulary = 50257, LearnedPositions = 1024 });
        Assert.Equal(84_934_656 + 38_597_376 + 786_432, runs.Value(Quantity.ParameterCount, 0));
        Assert.Equal(302e6 + 50257.0 * 1024 + 1024.0 * 1024, runs.Value(Quantity.ParameterCount, 1));
        double share0 = (38_597_376 + 786_432) / (84_934_656 + 38_597_376 + 786_432.0), share1 = (50257.0 + 1024) * 1024 / (302e6 + 50257.0 * 1024 + 1024 * 1024);
        string median = (100 * (share0 + share1) / 2).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        Assert.Contains(runs.Notes, n => n.Contains("converted from non-embedding to total") && n.Contains($"median {median}") && n.Contains("hidden_size"));
        Assert.True(runs.Origin(Quantity.ParameterCount)!.IsDerived);
    }

    [Fact]
    public void ToTotal_ComputeDerivedAs6Nd_IsDerivedAgainFromTheTotal()
    {
        var runs = EmbeddingConversion.ToTotal(Runs("d_model,N,D,loss\n768,84934656,1e9,3.1\n"), new EmbeddingSpec { Vocabulary = 50257 });
        Assert.Equal(6.0 * (84_934_656 + 38_597_376) * 1e9, runs.Value(Quantity.Compute, 0), 1e6);
    }

    [Fact]
    public void Converted_RecoversTheGeneratingExponents_Unconverted_DoesNot()
    {
        var raw = Runs(Csv());
        var converted = NonlinearFitter.Fit(EmbeddingConversion.ToTotal(raw, new EmbeddingSpec { Vocabulary = Vocab }), ChinchillaLaw.Instance);
        Assert.InRange(Alpha, converted["alpha"].Ci95.Lower, converted["alpha"].Ci95.Upper);
        Assert.InRange(Beta, converted["beta"].Ci95.Lower, converted["beta"].Ci95.Upper);
        var unconverted = NonlinearFitter.Fit(raw, ChinchillaLaw.Instance);
        Assert.False(unconverted["alpha"].Ci95.Lower <= Alpha && Alpha <= unconverted["alpha"].Ci95.Upper,
            $"unconverted alpha {unconverted["alpha"].Value} [{unconverted["alpha"].Ci95.Lower}, {unconverted["alpha"].Ci95.Upper}]");
    }

    [Fact]
    public void KeptNonEmbedding_SmallModelsWithLargeShare_Warn_WithTheShare()
    {
        var runs = EmbeddingConversion.ToTotal(Runs(Csv()), new EmbeddingSpec { Vocabulary = Vocab, Convert = false });
        Assert.Equal(12.0 * 2 * 128 * 128, runs.Values(Quantity.ParameterCount).ToArray().Min());
        double share = 50257.0 * 128 / (12.0 * 2 * 128 * 128 + 50257.0 * 128);
        var warning = Assert.Single(runs.Warnings, w => w.Code == DataWarning.EmbeddingShare);
        Assert.Contains((100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%", warning.Message);
        Assert.Contains("Kaplan", warning.Message);
    }

    [Fact]
    public void KeptNonEmbedding_LargeModelsWithSmallShare_DoNotWarn()
    {
        // d_model 4096, 32 layers: embeddings V·d are 3% of 12·32·4096² + V·d.
        var runs = EmbeddingConversion.ToTotal(Runs("d_model,N,D,loss\n4096,6442450944,1e11,2.1\n5120,12582912000,2e11,2.0\n"),
            new EmbeddingSpec { Vocabulary = Vocab, Convert = false });
        Assert.DoesNotContain(runs.Warnings, w => w.Code == DataWarning.EmbeddingShare);
        Assert.Equal(6442450944, runs.Value(Quantity.ParameterCount, 0));
    }

    [Fact]
    public void Back_Gpt2SmallTotal_IsItsNonEmbeddingCount()
    {
        var back = new NonEmbeddingBack(new EmbeddingSpec { Vocabulary = 50257, LearnedPositions = 1024 }, Coefficient: 768, Exponent: 0);
        Assert.Equal(84_934_656, back.NonEmbedding(84_934_656 + 38_597_376 + 786_432), 1e-3);
    }

    [Fact]
    public void Back_Of_FitsTheRunsWidthLaw()
    {
        // Widths exactly d = 0.01·N_total^0.5 (N_total = (100·d)²).
        var csv = new StringBuilder("d_model,N,D,loss\n");
        foreach (int d in new[] { 256, 512, 1024, 2048 })
            csv.Append(CultureInfo.InvariantCulture, $"{d},{(100.0 * d) * (100.0 * d) - 50257.0 * d:R},1e10,3\n");
        var spec = new EmbeddingSpec { Vocabulary = 50257 };
        var back = NonEmbeddingBack.Of(EmbeddingConversion.ToTotal(Runs(csv.ToString()), spec), spec);
        Assert.Equal(0.5, back.Exponent, 9);
        Assert.Equal(0.01, back.Coefficient, 9);
        Assert.Equal(4096e4 * 4096 - 50257.0 * 4096, back.NonEmbedding(409600.0 * 409600), 1);
    }

    [Fact]
    public void NoWidthColumn_IsRefused_NamingTheColumnsLookedFor()
    {
        var e = Assert.Throws<OptionException>(() => EmbeddingConversion.ToTotal(Runs("N,D,loss\n1e8,1e9,3\n"), new EmbeddingSpec { Vocabulary = Vocab }));
        Assert.Equal("EmbeddingSpec.WidthColumn", e.Parameter);
        Assert.Contains("'d_model'", e.Message);
    }

    [Fact]
    public void WidthCellNotAnInteger_NamesLineAndColumn()
    {
        var e = Assert.Throws<DataException>(() => EmbeddingConversion.ToTotal(Runs("d_model,N,D,loss\n768,1e8,1e9,3\nwide,1e8,1e9,3\n"), new EmbeddingSpec { Vocabulary = Vocab }));
        Assert.Contains("d_model", e.Message);
        Assert.Equal(3, e.Line);
    }
}
