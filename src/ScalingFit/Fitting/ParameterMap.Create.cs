using ScalingFit.Laws;

namespace ScalingFit.Fitting;

internal sealed partial class ParameterMap
{
    private const string FixedParameter = "ParameterConstraints.Fixed";
    private const string TiesParameter = "ParameterConstraints.Ties";
    private const string BoundsParameter = "ParameterConstraints.Bounds";

    /// <summary>The map of a law's constraints, checked against the law.</summary>
    /// <exception cref="OptionException">
    /// A constraint names a parameter the law does not have, fixes one outside its bounds, ties
    /// parameters fitted on different scales or fixed at different values, or gives an empty range.
    /// </exception>
    public static ParameterMap Create(IScalingLaw law, ParameterConstraints constraints)
    {
        var parameters = law.Parameters;
        if (constraints.IsEmpty && parameters.All(p => p.Bounds.IsNone)) return Identity(law);
        int k = parameters.Count;
        int Index(string name, string option)
        {
            for (int j = 0; j < k; j++)
                if (parameters[j].Name == name) return j;
            for (int j = 0; j < k; j++)
                if (string.Equals(parameters[j].Name, name, StringComparison.OrdinalIgnoreCase) || parameters[j].Symbol == name) return j;
            throw new OptionException(option,
                $"'{name}' is not a parameter of the {law.Name} law {law.Formula}; its parameters are {string.Join(", ", parameters.Select(p => p.Name))}.");
        }

        // Ties: union-find over the parameters.
        var group = Enumerable.Range(0, k).ToArray();
        int Root(int j) => group[j] == j ? j : group[j] = Root(group[j]);
        foreach (var tie in constraints.Ties)
        {
            int a = Index(tie.Parameter, TiesParameter), b = Index(tie.SameAs, TiesParameter);
            if (a == b) throw new OptionException(TiesParameter, $"{tie.Parameter} cannot be tied to itself.");
            if (parameters[a].Positive != parameters[b].Positive)
                throw new OptionException(TiesParameter,
                    $"{parameters[a].Name} and {parameters[b].Name} cannot be tied: {(parameters[a].Positive ? parameters[a].Name : parameters[b].Name)} " +
                    $"is a positive scale fitted in logs and {(parameters[a].Positive ? parameters[b].Name : parameters[a].Name)} is not.");
            group[Root(a)] = Root(b);
        }

        // Bounds: each parameter's own range (the law's) narrowed by the constraint's, then intersected over each group, in natural units.
        var ranges = parameters.Select(p => p.Bounds).ToArray();
        foreach (var (name, range) in constraints.Bounds)
        {
            int j = Index(name, BoundsParameter);
            if (!(range.Lower < range.Upper))
                throw new OptionException(BoundsParameter, $"the range of {name} is empty: its lower end {G(range.Lower)} is not below its upper end {G(range.Upper)}.");
            var own = parameters[j].Bounds.Intersect(parameters[j].Positive ? new ParameterBounds(0, double.PositiveInfinity) : ParameterBounds.None);
            if (!(Math.Max(range.Lower, own.Lower) < Math.Min(range.Upper, own.Upper)))
                throw new OptionException(BoundsParameter, $"the range {range} of {name} lies outside the values it can take, {own}.");
            ranges[j] = ranges[j].Intersect(range);
        }
        var bounds = Enumerable.Repeat(ParameterBounds.None, k).ToArray();
        for (int j = 0; j < k; j++) bounds[Root(j)] = bounds[Root(j)].Intersect(ranges[j]);
        for (int j = 0; j < k; j++)
        {
            if (bounds[Root(j)] is var range && (range.IsNone || range.Lower < range.Upper)) continue;
            if (Enumerable.Range(0, k).Count(i => Root(i) == Root(j)) == 1)
                throw new OptionException("LawSpec.Law", $"the range {range} the law gives {parameters[j].Name} is empty.");
            var members = Enumerable.Range(0, k).Where(i => Root(i) == Root(j)).Select(i => $"{parameters[i].Name} in {ranges[i]}");
            throw new OptionException(BoundsParameter,
                $"the ranges of the tied parameters do not overlap ({string.Join(", ", members)}), so no value satisfies them all.");
        }

        // Fixed values: checked against the law's own bounds and the constraint's, agreeing within a group.
        var fixedValue = new double?[k];
        foreach (var (name, value) in constraints.Fixed)
        {
            int j = Index(name, FixedParameter);
            var p = parameters[j];
            if (!p.Allows(value))
                throw new OptionException(FixedParameter,
                    $"{name} cannot be fixed at {G(value)}: " + (p.Positive && !(value > 0) ? $"it is a positive scale." : $"it must lie in {p.Bounds}."));
            if (!bounds[Root(j)].IsNone && !bounds[Root(j)].Contains(value))
                throw new OptionException(FixedParameter, $"{name} cannot be fixed at {G(value)}: its range is {bounds[Root(j)]}.");
            if (fixedValue[Root(j)] is { } other && other != value)
                throw new OptionException(FixedParameter, $"{name} is tied to a parameter fixed at {G(other)}, so it cannot be fixed at {G(value)}.");
            fixedValue[Root(j)] = value;
        }

        var source = new int[k];
        var kind = new Kind[k];
        var fixedTheta = new double[k];
        var lower = new double[k];
        var upper = new double[k];
        var freeOfRoot = new Dictionary<int, int>();
        for (int j = 0; j < k; j++)
        {
            int root = Root(j);
            if (fixedValue[root] is { } v)
            {
                source[j] = -1;
                kind[j] = Kind.Fixed;
                fixedTheta[j] = parameters[j].ToTheta(v);
                continue;
            }
            if (!freeOfRoot.TryGetValue(root, out var s)) freeOfRoot[root] = s = freeOfRoot.Count;
            source[j] = s;
            var range = bounds[root];
            bool positive = parameters[j].Positive;
            double lo = positive ? Math.Max(range.Lower, 0) : range.Lower, hi = range.Upper;
            bool hasLower = positive ? lo > 0 : double.IsFinite(lo), hasUpper = double.IsFinite(hi);
            (kind[j], lower[j], upper[j]) = (hasLower, hasUpper) switch
            {
                (true, true) => (Kind.Interval, lo, hi),
                (false, true) => positive ? (Kind.Interval, 0.0, hi) : (Kind.Upper, lo, hi),
                (true, false) => (Kind.Lower, lo, hi),
                _ => (Kind.Free, lo, hi),
            };
        }
        return new ParameterMap(parameters, source, kind, fixedTheta, lower, upper, freeOfRoot.Count);
    }

    private static string G(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
