using ScalingFit.Data;
using ScalingFit.Fitting;
using ScalingFit.Laws;

namespace ScalingFit.Analysis;

/// <summary>
/// The loss of the compute-optimal model against compute, L*(C) = E + A·C^(−α), fitted to the
/// minima of the IsoFLOP profiles (Hoffmann et al. 2022, approach 2, Figure 3): each budget's
/// parabola vertex gives one point (C, L*). The runs are turned into those points before fitting
/// (<see cref="IPreparesRuns"/>), so the fit, its intervals, predictions and backtests are of the
/// frontier's loss, not of single runs.
/// </summary>
public sealed class IsoFlopMinimaLaw(IsoFlopOptions? options = null) : LogSpaceLaw, IPreparesRuns
{
    private readonly SaturatingLaw _law = new(Quantity.Compute);

    /// <inheritdoc/>
    public override string Name => "isoflop-minima";

    /// <inheritdoc/>
    public override string Formula => "L*(C) = E + A·C^(−α), fitted to the IsoFLOP minima";

    /// <inheritdoc/>
    public override IReadOnlyList<LawInput> Inputs => _law.Inputs;

    /// <inheritdoc/>
    public override IReadOnlyList<LawParameter> Parameters => _law.Parameters;

    /// <inheritdoc/>
    protected override StartGrid DefaultStarts => _law.Starts(StartContext.None);

    /// <inheritdoc/>
    public override double Value(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs) => _law.Value(parameters, inputs);

    /// <inheritdoc/>
    public override double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logInputs, Span<double> gradient, Span<double> hessian) =>
        _law.LogValue(theta, logInputs, gradient, hessian);

    /// <summary>One run per budget whose parabola has a minimum: C, N_opt, D_opt and the loss at the vertex.</summary>
    /// <exception cref="FitException">Fewer than three budgets have a minimum.</exception>
    public RunSet Prepare(RunSet runs)
    {
        var result = IsoFlop.Analyze(runs, options);
        var used = result.Budgets.Where(b => b.Used).ToList();
        double[] Column(Func<IsoFlopBudget, double> value) => used.Select(value).ToArray();
        var quantities = new double[]?[4];
        quantities[(int)Quantity.ParameterCount] = Column(b => b.OptimalParameterCount);
        quantities[(int)Quantity.TrainingTokens] = Column(b => b.OptimalTokens);
        quantities[(int)Quantity.Compute] = Column(b => b.Compute);
        quantities[(int)Quantity.Loss] = Column(b => b.LossAtOptimum);
        var origins = new ColumnOrigin?[4];
        origins[(int)Quantity.ParameterCount] = ColumnOrigin.Derived("the vertex of each budget's parabola");
        origins[(int)Quantity.TrainingTokens] = ColumnOrigin.Derived("C/(6·N_opt)");
        origins[(int)Quantity.Compute] = ColumnOrigin.Derived("each budget's compute");
        origins[(int)Quantity.Loss] = ColumnOrigin.Derived("the loss at each budget's vertex");
        string note = $"fitted to the minima of {used.Count} IsoFLOP profiles ({result.Grouping}), one point per budget";
        return runs.Derive(quantities, origins, used.Select(b => b.Rows.Count > 0 ? b.Rows[0] : -1).ToList(), note);
    }
}
