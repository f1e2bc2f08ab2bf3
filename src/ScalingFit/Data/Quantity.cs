namespace ScalingFit.Data;

/// <summary>The four quantities of a training run that scaling laws relate.</summary>
public enum Quantity
{
    /// <summary>N: the number of model parameters.</summary>
    ParameterCount,

    /// <summary>D: the number of training tokens.</summary>
    TrainingTokens,

    /// <summary>C: training compute in FLOP.</summary>
    Compute,

    /// <summary>L: the loss, nats per token.</summary>
    Loss,
}

/// <summary>Symbols, aliases and parsing of <see cref="Quantity"/>.</summary>
public static class Quantities
{
    /// <summary>The quantities that can be the input of a law: N, D, C.</summary>
    public static IReadOnlyList<Quantity> Inputs { get; } =
        [Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute];

    /// <summary>All four quantities in their usual order N, D, C, L.</summary>
    public static IReadOnlyList<Quantity> All { get; } =
        [Quantity.ParameterCount, Quantity.TrainingTokens, Quantity.Compute, Quantity.Loss];

    /// <summary>The symbol used in output and options: N, D, C or loss.</summary>
    public static string Symbol(this Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount => "N",
        Quantity.TrainingTokens => "D",
        Quantity.Compute => "C",
        _ => "loss",
    };

    /// <summary>A phrase with units, for axis titles and reports.</summary>
    public static string Description(this Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount => "parameters N",
        Quantity.TrainingTokens => "training tokens D",
        Quantity.Compute => "training compute C (FLOP)",
        _ => "loss (nats/token)",
    };

    /// <summary>
    /// The column names real logs use for a quantity, matched case-insensitively. The first is the
    /// canonical name.
    /// </summary>
    public static IReadOnlyList<string> Aliases(this Quantity quantity) => quantity switch
    {
        Quantity.ParameterCount =>
            ["N", "params", "n_params", "num_params", "nparams", "parameters", "num_parameters", "n_parameters",
             "param_count", "parameter_count", "model_size", "Model Size", "model_params", "params_active",
             "non_embedding_params"],
        Quantity.TrainingTokens =>
            ["D", "tokens", "n_tokens", "num_tokens", "train_tokens", "training_tokens", "total_tokens", "tokens_seen",
             "dataset_size", "Training Tokens"],
        Quantity.Compute => ["C", "flops", "compute", "Training FLOP", "Training FLOPs", "train_flops", "training_flops",
            "total_flops", "compute_budget", "budget"],
        _ => ["loss", "eval_loss", "val_loss", "validation_loss", "valid_loss", "train_loss", "final_loss", "eval/loss",
            "val/loss", "train/loss", "test_loss"],
    };

    /// <summary>Parses a symbol (N, D, C, L or loss, any case).</summary>
    /// <exception cref="OptionException">The text names no quantity.</exception>
    public static Quantity Parse(string text) => TryParse(text, out var q)
        ? q
        : throw new OptionException($"'{text}' is not a quantity; use N, D, C or loss.");

    /// <summary>Tries to parse a symbol (N, D, C, L or loss, any case).</summary>
    public static bool TryParse(string text, out Quantity quantity)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "N": quantity = Quantity.ParameterCount; return true;
            case "D": quantity = Quantity.TrainingTokens; return true;
            case "C": quantity = Quantity.Compute; return true;
            case "L": case "LOSS": quantity = Quantity.Loss; return true;
            default: quantity = default; return false;
        }
    }
}
