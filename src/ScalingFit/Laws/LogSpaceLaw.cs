namespace ScalingFit.Laws;

/// <summary>
/// A built-in law written in log space: it gives ln ŷ and its exact derivatives from the
/// logarithms of its inputs (log-sum-exp forms, well conditioned where terms differ by decades),
/// and the other residual spaces follow by the chain rule.
/// </summary>
public abstract class LogSpaceLaw : IScalingLaw
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual string Label => Name;

    /// <inheritdoc/>
    public abstract string Formula { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<LawInput> Inputs { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<LawParameter> Parameters { get; }

    /// <inheritdoc/>
    public virtual IReadOnlyList<DerivedQuantity> Derived => [];

    /// <inheritdoc/>
    public abstract double Value(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs);

    /// <summary>
    /// ln ŷ at fitting parameters θ and the logarithms of the inputs; fills the gradient with
    /// respect to θ and, when <paramref name="hessian"/> is not empty, the Hessian (row-major).
    /// </summary>
    public abstract double LogValue(ReadOnlySpan<double> theta, ReadOnlySpan<double> logInputs, Span<double> gradient, Span<double> hessian);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> theta, LawRow row, ResidualSpace space, Span<double> gradient, Span<double> hessian) =>
        ResidualSpaces.FromLog(space, LogValue(theta, row.Logs, gradient, hessian), gradient, hessian);

    /// <summary>The default starting grid in θ (the same for any data unless overridden).</summary>
    protected abstract StartGrid DefaultStarts { get; }

    /// <inheritdoc/>
    public virtual StartGrid Starts(StartContext context) => DefaultStarts;

    /// <inheritdoc/>
    public virtual bool IsFeasible(ReadOnlySpan<double> theta) => true;
}
