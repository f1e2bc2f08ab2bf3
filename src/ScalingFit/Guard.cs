using System.Globalization;

namespace ScalingFit;

/// <summary>Checks at the library's boundary, in one place. Messages give expected and actual values.</summary>
internal static class Guard
{
    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new OptionException(
                $"{name} must be a positive finite number, got {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
            throw new OptionException($"{name} must be at least {minimum}, got {value}.");
    }

    public static void EnoughPoints(int points, int parameters, string what)
    {
        if (points <= parameters)
            throw new FitException(
                $"{what} has {parameters} parameters and needs more points than that, but the data has {points}.");
    }
}
