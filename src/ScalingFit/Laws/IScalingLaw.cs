namespace ScalingFit.Laws;

/// <summary>
/// A scaling law: its identity (name, formula), what it takes (inputs) and what it has
/// (parameters, derived quantities), its value, and its value with exact gradient and Hessian in a
/// fitting parametrisation θ chosen for conditioning (θ = ln p for positive scales, p otherwise;
/// see <see cref="LawParameter.ToTheta"/>). What else a law can do is a capability it implements:
/// <see cref="IHasObjective"/> (a specialised objective kernel), <see cref="IHasClosedFormFit"/>
/// (an exact OLS fit), <see cref="IHasFrontier"/> (a closed-form compute-optimal frontier),
/// <see cref="IPreparesRuns"/> (fitted to values derived from the runs). Analyses ask for these
/// and never switch on a law's name; <see cref="LawRegistry"/> lists the built-in laws.
/// </summary>
public interface IScalingLaw
{
    /// <summary>The name used on the command line and in JSON: chinchilla, power, or a formula.</summary>
    string Name { get; }

    /// <summary>The name for tables, with the input where the name leaves it open: "power (N)", "chinchilla".</summary>
    string Label => Name;

    /// <summary>The law as a formula, e.g. "L = E + A/N^α + B/D^β".</summary>
    string Formula { get; }

    /// <summary>The inputs the law takes, in the order its methods expect them.</summary>
    IReadOnlyList<LawInput> Inputs { get; }

    /// <summary>The natural parameters, in order; θ has one coordinate per parameter, in the same order.</summary>
    IReadOnlyList<LawParameter> Parameters { get; }

    /// <summary>Quantities derived from the parameters (e.g. the Chinchilla allocation exponents).</summary>
    IReadOnlyList<DerivedQuantity> Derived => [];

    /// <summary>The law's value at natural parameters and inputs (in <see cref="Inputs"/> order).</summary>
    double Value(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs);

    /// <summary>
    /// The law's value in a residual space (ln ŷ, ŷ or logit ŷ) at fitting parameters θ for one
    /// run; fills the gradient with respect to θ and, when <paramref name="hessian"/> is not empty,
    /// the Hessian (row-major, k × k). NaN or infinity outside the law's domain.
    /// </summary>
    double Evaluate(ReadOnlySpan<double> theta, LawRow row, ResidualSpace space, Span<double> gradient, Span<double> hessian);

    /// <summary>The default starting points in θ for a multi-start fit to these data.</summary>
    StartGrid Starts(StartContext context);

    /// <summary>Whether θ lies in the law's domain (e.g. an exponent that divides stays positive).</summary>
    bool IsFeasible(ReadOnlySpan<double> theta) => true;
}

/// <summary>One run's inputs: the values and their natural logarithms (NaN where a value is not positive).</summary>
public readonly ref struct LawRow
{
    /// <summary>A row of values and their logarithms.</summary>
    public LawRow(ReadOnlySpan<double> values, ReadOnlySpan<double> logs)
    {
        Values = values;
        Logs = logs;
    }

    /// <summary>The inputs, in the law's order.</summary>
    public ReadOnlySpan<double> Values { get; }

    /// <summary>ln of each input.</summary>
    public ReadOnlySpan<double> Logs { get; }
}

/// <summary>What a law may use of the data to place its default starting points.</summary>
/// <param name="InputRanges">The smallest and largest value of each input, in the law's order.</param>
/// <param name="TargetRange">The smallest and largest observed target.</param>
/// <param name="TargetMedian">The median observed target.</param>
public sealed record StartContext(IReadOnlyList<Fitting.Interval> InputRanges, Fitting.Interval TargetRange, double TargetMedian)
{
    /// <summary>A context without data (ranges of 1).</summary>
    public static StartContext None { get; } = new([], new Fitting.Interval(1, 1), 1);

    /// <summary>The data themselves, for laws that place starts by evaluating terms at the data.</summary>
    internal Fitting.FitData? Data { get; init; }
}

/// <summary>
/// Starting points: a Cartesian grid (one list of values per fitting parameter), or a list of
/// points. With <see cref="Keep"/>, only that many of the points with the lowest objective are
/// minimized from (a screen of a dense grid by objective value, which costs one evaluation a point).
/// </summary>
/// <param name="Axes">The values of each fitting parameter, in θ order (for a list of points: each point's values, for display).</param>
public sealed record StartGrid(IReadOnlyList<IReadOnlyList<double>> Axes)
{
    /// <summary>Explicit points instead of the grid, or null.</summary>
    public IReadOnlyList<double[]>? Points { get; init; }

    /// <summary>Minimize only from this many of the points with the lowest objective; null for every point.</summary>
    public int? Keep { get; init; }

    /// <summary>A list of points.</summary>
    public static StartGrid Of(IReadOnlyList<double[]> points, int dimension) =>
        new(Enumerable.Range(0, dimension).Select(j => (IReadOnlyList<double>)points.Select(p => p[j]).Distinct().ToArray()).ToArray()) { Points = points };

    /// <summary>The number of starting points (the product of the axis lengths, or the number of points).</summary>
    public int Count => Points?.Count ?? Axes.Aggregate(1, (n, axis) => n * axis.Count);

    /// <summary>Writes the starting point with the given index (last axis fastest).</summary>
    public void Point(int index, Span<double> theta)
    {
        if (Points is { } points)
        {
            points[index].CopyTo(theta);
            return;
        }
        for (int j = Axes.Count - 1; j >= 0; j--)
        {
            var axis = Axes[j];
            theta[j] = axis[index % axis.Count];
            index /= axis.Count;
        }
    }

    /// <summary>Values from <paramref name="start"/> to <paramref name="stop"/> inclusive in steps of <paramref name="step"/>.</summary>
    public static IReadOnlyList<double> Range(double start, double stop, double step)
    {
        int count = (int)Math.Round((stop - start) / step) + 1;
        return Enumerable.Range(0, count).Select(i => start + i * step).ToArray();
    }
}
