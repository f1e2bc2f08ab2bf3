using System.CommandLine;
using ScalingFit.Data;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Cli.Common;

/// <summary>
/// The law to fit and how: --law (a built-in name or a formula), --law-file, --x, --nonlinear,
/// --fix, --tie, --bound, --y, --residuals, --breaks and --unique-tokens-column; shared by every
/// command that fits one law.
/// </summary>
internal sealed class LawOptions
{
    public Option<string> Law { get; }

    public Option<string?> LawFile { get; } = new("--law-file")
    {
        Description = "A JSON file with the law: {\"formula\": \"E + A/N^alpha + B/D^beta\", \"parameters\": {\"E\": {\"start\": [1, 3], \"bounds\": [0, 10]}}}.",
    };

    public Option<string?> X { get; } = new("--x")
    {
        Description = "Input(s) of the law: N, D, C or a column for power and saturating (default N); a comma list such as N,D for joint (default N,D).",
    };

    public Option<bool> Nonlinear { get; } = new("--nonlinear")
    {
        Description = "Fit a law that has an exact OLS fit (power, joint) as a nonlinear law (Huber or least squares on ln L, multi-start).",
    };

    public Option<string[]> Fix { get; } = Repeatable("--fix", "Hold parameters at values, e.g. --fix E=1.69 or --fix E=1.69,alpha=0.34 (all fixed: score a published law).");

    public Option<string[]> Tie { get; } = Repeatable("--tie", "Hold parameters equal, e.g. --tie alpha=beta.");

    public Option<string[]> Bound { get; } = Repeatable("--bound", "Keep parameters in a range, e.g. --bound alpha=0:1 (leave an end empty for none: --bound E=0:).");

    public Option<string?> Y { get; } = new("--y")
    {
        Description = "The column the law predicts (default: the loss), e.g. a learning rate, a batch size or a benchmark's accuracy.",
    };

    public Option<string?> Residuals { get; } = new("--residuals")
    {
        Description = "Where residuals are taken: log (relative errors; the default), linear (as scipy's curve_fit) or logit (for rates in (0, 1)).",
    };

    public Option<int?> Breaks { get; } = new("--breaks") { Description = "The number of breaks of the broken law (default 1)." };

    public Option<string?> UniqueTokensColumn { get; } = new("--unique-tokens-column")
    {
        Description = "The column of unique tokens for the data-constrained law (default: unique_tokens).",
    };

    /// <summary>The options, with the law fitted when --law is not given (power unless a command needs another).</summary>
    public LawOptions(string defaultLaw = "power")
    {
        Law = new Option<string>("--law")
        {
            Description = "The law: a built-in one (" + string.Join(", ", LawRegistry.Names) + ") or a formula such as " +
                          "'E + A/N^alpha + B/D^beta' (names of quantities N, D, C, L or of columns are inputs, the others parameters).",
            DefaultValueFactory = _ => defaultLaw,
        };
        Residuals.AcceptOnlyFromAmong("log", "linear", "logit");
    }

    private static Option<string[]> Repeatable(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Every option, for commands that accept them only for some of their kinds.</summary>
    public IReadOnlyList<Option> All => [Law, LawFile, X, Nonlinear, Fix, Tie, Bound, Y, Residuals, Breaks, UniqueTokensColumn];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Add(option);
    }

    /// <summary>
    /// The law asked for, checked before any data is read; <paramref name="hint"/> supplies inputs when --x is absent,
    /// <paramref name="defaultLaw"/> the law when --law is absent (else the options' own default).
    /// </summary>
    /// <exception cref="OptionException">An unknown law, a malformed formula or law file, a malformed constraint.</exception>
    public LawRequest Request(ParseResult parse, IReadOnlyCollection<LawInput>? hint = null, string? defaultLaw = null)
    {
        string text = (parse.GetResult(Law) is { Implicit: false } ? null : defaultLaw) ?? parse.GetValue(Law) ?? "power";
        FormulaOptions? formula = null;
        if (parse.GetValue(LawFile) is { } path)
        {
            if (parse.GetResult(Law) is { Implicit: false })
                throw new OptionException("give the law by --law or by --law-file, not both.");
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OptionException($"--law-file: cannot read '{path}': {e.Message}");
            }
            var file = ScalingFit.Laws.Formulas.LawFile.Parse(json, path);
            (text, formula) = (file.Formula, file.Options);
        }
        var definition = formula is null ? LawRegistry.Find(text) : null;
        if (definition is null)
        {
            if (!FormulaLaw.LooksLikeFormula(text) && formula is null)
                throw LawList.Unknown(text, "--law");
            FormulaLaw.Check(text);
            formula ??= new FormulaOptions();
        }
        var inputs = parse.GetValue(X) is { } x
            ? x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LawInput.Column).ToList()
            : null;
        if (inputs is not null && definition is null) throw new OptionException("--x chooses the inputs of a built-in law; a formula names its own.");
        if (inputs is null && definition is not null && hint is not null)
        {
            if (definition.TakesOneInput && hint.Count == 1) inputs = [.. hint];
            else if (definition.TakesInputs && hint.Count >= 1) inputs = [.. hint];
        }
        if (parse.GetValue(Breaks) is not null && definition?.TakesBreaks != true)
            throw new OptionException($"--breaks sets the breaks of the broken law, not of {(definition?.Name ?? "a formula")}.");
        if (parse.GetValue(UniqueTokensColumn) is not null && definition?.TakesUniqueTokens != true)
            throw new OptionException($"--unique-tokens-column belongs to the data-constrained law, not to {(definition?.Name ?? "a formula")}.");
        var settings = new LawSettings
        {
            Inputs = inputs,
            Breaks = parse.GetValue(Breaks),
            UniqueTokensColumn = parse.GetValue(UniqueTokensColumn),
        };
        var constraints = OptionParsers.Constraints(parse.GetValue(Fix) ?? [], parse.GetValue(Tie) ?? [], parse.GetValue(Bound) ?? []);
        ResidualSpace? residuals = parse.GetValue(Residuals) switch
        {
            "linear" => ResidualSpace.Linear,
            "logit" => ResidualSpace.Logit,
            "log" => ResidualSpace.Log,
            _ => null,
        };
        var request = new LawRequest(text, definition, settings, formula, constraints, parse.GetValue(Y), residuals, parse.GetValue(Nonlinear));
        if (request.BuiltIn is { } law && parse.GetValue(Nonlinear) && law is not IHasClosedFormFit)
            _ = Fitting.LawSpec.Of(law, nonlinear: true);
        return request;
    }
}
