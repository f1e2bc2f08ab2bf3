using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;
using ScalingFit.Laws.Formulas;

namespace ScalingFit.Cli.Common;

/// <summary>
/// The law asked for on the command line, checked but not yet bound to data: a built-in law with
/// its settings, or a formula (whose names become inputs or parameters once the runs' columns are
/// known), with its target, residual space and constraints.
/// </summary>
internal sealed record LawRequest(
    string Text, LawDefinition? Definition, LawSettings Settings, FormulaOptions? Formula, ParameterConstraints Constraints,
    string? Target, ResidualSpace? Residuals, bool Nonlinear)
{
    /// <summary>The built-in law, made now (to know its inputs before the data are read); null for a formula.</summary>
    public IScalingLaw? BuiltIn { get; } = Definition?.Create(Settings);

    /// <summary>
    /// The quantities the law reads, the only ones the runs are checked for when read: its inputs
    /// (for a formula, the ones it names by symbol; columns named as other inputs are checked when
    /// used) and the loss unless it predicts another column; null (every quantity) for a law that
    /// derives its own runs (IsoFLOP minima).
    /// </summary>
    public IReadOnlyCollection<Quantity>? Uses
    {
        get
        {
            if (BuiltIn is IPreparesRuns) return null;
            var used = new HashSet<Quantity>(BuiltIn is { } law
                ? law.Inputs.Select(i => i.Quantity).OfType<Quantity>()
                : FormulaLaw.QuantitiesOf(Text));
            string? target = Target ?? (BuiltIn is null ? FormulaLaw.TargetOf(Text) : null);
            if (target is null) used.Add(Quantity.Loss);
            else if (LawTarget.Column(target).Quantity is { } q) used.Add(q);
            return used;
        }
    }

    /// <summary>
    /// The columns besides N, D, C and the loss the law may take as inputs: a built-in law's (unique tokens),
    /// or every name of a formula that is not a quantity's symbol (those naming a column become inputs).
    /// </summary>
    public IReadOnlyList<string> InputColumns => BuiltIn is { } law
        ? law.Inputs.Where(i => i.Quantity is null).Select(i => i.Name).ToList()
        : FormulaLaw.NamesOf(Text).Where(name => !Quantities.TryParse(name, out _)).ToList();

    /// <summary>The column the law predicts when it is not a quantity (--y lr, "accuracy = ..."): empty or one name.</summary>
    public IReadOnlyList<string> TargetColumns =>
        (Target ?? (BuiltIn is null ? FormulaLaw.TargetOf(Text) : null)) is { } target && LawTarget.Column(target).Quantity is null ? [target] : [];

    /// <summary>The quantities several laws read together (see <see cref="Uses"/>); null when one of them reads every quantity.</summary>
    public static IReadOnlyCollection<Quantity>? UsesOf(params IEnumerable<LawRequest?> requests)
    {
        var used = new HashSet<Quantity>();
        foreach (var request in requests.OfType<LawRequest>())
        {
            if (request.Uses is not { } uses) return null;
            used.UnionWith(uses);
        }
        return used;
    }

    /// <summary>The law bound to the runs, with its target, residual space and constraints.</summary>
    /// <exception cref="OptionException">A formula that does not suit these runs, a target that is also an input, a constraint the law refuses.</exception>
    public LawSpec Resolve(RunSet runs)
    {
        var law = BuiltIn ?? FormulaLaw.Create(Text, Columns(runs), Formula);
        foreach (var input in Settings.Inputs ?? [])
        {
            if (input.Quantity is null && !runs.Has(input))
                throw new OptionException("LawSettings.Inputs",
                    $"'{input.Name}' is neither N, D nor C nor a column of {runs.Source}; the columns are {string.Join(", ", Columns(runs).Select(c => $"'{c}'"))}.");
        }
        string? target = Target;
        if (law is FormulaLaw { Target: { } named })
        {
            if (target is not null && !string.Equals(target, named, StringComparison.OrdinalIgnoreCase))
                throw new OptionException($"the formula predicts {named} (left of '=') but --y asks for {target}; give one of them.");
            target ??= named;
        }
        var y = target is null || target == "L" ? LawTarget.Loss : LawTarget.Column(target);
        if (law.Inputs.Any(i => y.Quantity is { } q ? i.Quantity == q : i.Quantity is null && string.Equals(i.Name, y.Name, StringComparison.OrdinalIgnoreCase)))
            throw new OptionException($"{y.Name} is an input of the {law.Name} law, so it cannot also be what it predicts; name the column to predict with --y.");
        var spec = LawSpec.Of(law, Nonlinear) with
        {
            Target = y,
            Residuals = Residuals ?? Definition?.Residuals ?? ResidualSpace.Log,
            Constraints = Constraints,
        };
        // Constraints are checked against the law now, before any fitting.
        Constraints.Validate(law);
        return spec;
    }

    /// <summary>The names a formula may use as inputs: the runs' other columns and the columns N, D, C and loss were read from.</summary>
    private static List<string> Columns(RunSet runs) =>
        [.. runs.TextColumnNames, .. Quantities.All.Select(q => runs.Origin(q)?.Column).OfType<string>()];
}
