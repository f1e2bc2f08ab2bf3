using ScalingFit.Data;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Laws;

/// <summary>
/// The data-constrained law of Muennighoff et al. 2023 (Eqs. 5–7): Chinchilla's L = E + A/N′^α + B/D′^β
/// in effective data and parameters. With U_D unique tokens seen R_D = D/U_D − 1 extra times,
/// D′ = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*)); with U_N = min(N, N_opt(U_D)) the parameters the unique
/// data can use (N_opt(U_D) = (U_D·G)^(β/α)·G, G = (αA/(βB))^(1/(α+β))) and R_N = N/U_N − 1 the excess,
/// N′ = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)). Repeated tokens and excess parameters are worth less
/// and less; R_D* and R_N* are the repetitions at which they are worth 1/e of fresh ones. Fitted
/// as a formula (exact derivatives, compiled), unique tokens read from a column.
/// </summary>
public static class DataConstrainedLaw
{
    /// <summary>The column of unique tokens when none is named.</summary>
    public const string DefaultColumn = "unique_tokens";

    /// <summary>The law with unique tokens from a column.</summary>
    public static IScalingLaw Create(string? uniqueTokensColumn = null)
    {
        const string g = "(alpha*A/(beta*B))^(1/(alpha+beta))";
        const string un = $"min(N, (U*{g})^(beta/alpha)*{g})";
        const string rn = $"max(N/{un} - 1, 0)";
        const string rd = "max(D/U - 1, 0)";
        const string formula = $"E + A/({un} + {un}*RNstar*(1 - exp(-{rn}/RNstar)))^alpha + B/(U + U*RDstar*(1 - exp(-{rd}/RDstar)))^beta";
        return FormulaLaw.Create(formula, [], new FormulaOptions
        {
            Name = "data-constrained",
            Display = "L = E + A/N′^α + B/D′^β, D′ = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*)), N′ = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)) " +
                      "(Muennighoff et al. 2023)",
            Inputs = new Dictionary<string, LawInput> { ["U"] = LawInput.Column(uniqueTokensColumn ?? DefaultColumn) },
            Parameters =
            [
                new("E") { Positive = true, Role = ParameterRole.Offset, Description = "irreducible loss" },
                new("A") { Positive = true, Description = "scale of the model-size term", Starts = [Math.Exp(3), Math.Exp(6), Math.Exp(9), Math.Exp(12)] },
                new("B") { Positive = true, Description = "scale of the data term", Starts = [Math.Exp(3), Math.Exp(6), Math.Exp(9), Math.Exp(12)] },
                new("alpha") { Role = ParameterRole.Exponent, Description = "exponent of N′", Starts = [0.2, 0.35, 0.5, 0.8] },
                new("beta") { Role = ParameterRole.Exponent, Description = "exponent of D′", Starts = [0.2, 0.35, 0.5, 0.8] },
                new("RDstar") { Positive = true, Symbol = "R_D*", Description = "repetitions of the data at which they are worth 1/e of fresh tokens", Starts = [2, 15, 60] },
                new("RNstar") { Positive = true, Symbol = "R_N*", Description = "excess parameters (in units of U_N) at which they are worth 1/e of useful ones", Starts = [1, 5, 25] },
            ],
        });
    }
}
