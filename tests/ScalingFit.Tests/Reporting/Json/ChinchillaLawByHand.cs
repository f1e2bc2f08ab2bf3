using System.Text.Json;

namespace ScalingFit.Tests.Reporting.Json;

/// <summary>
/// L = E + A/N^α + B/D^β with the parameters a --json fit printed, and its compute-optimal frontier
/// written here from Hoffmann et al. 2022, Eq. 4: N_opt = G·(C/6)^a, G = (αA/(βB))^(1/(α+β)), a = β/(α+β).
/// </summary>
internal sealed record ChinchillaLawByHand(double E, double A, double B, double Alpha, double Beta)
{
    /// <summary>From a fit's "parameters" object.</summary>
    public static ChinchillaLawByHand Of(JsonElement parameters) => new(
        parameters.GetProperty("E").GetDouble(), parameters.GetProperty("A").GetDouble(), parameters.GetProperty("B").GetDouble(),
        parameters.GetProperty("alpha").GetDouble(), parameters.GetProperty("beta").GetDouble());

    public double Loss(double n, double d) => E + A / Math.Pow(n, Alpha) + B / Math.Pow(d, Beta);

    /// <summary>a = β/(α+β).</summary>
    public double Exponent => Beta / (Alpha + Beta);

    public double G => Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta));

    public double OptimalN(double compute) => G * Math.Pow(compute / 6, Exponent);
}
