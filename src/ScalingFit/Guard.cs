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

    /// <summary>A positive finite value, else an error naming the library's parameter (Type.Property) and saying what it is in words.</summary>
    public static void Positive(double value, string parameter, string what)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new OptionException(parameter,
                $"{what} must be a positive finite number, got {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    /// <summary>At least a minimum, else an error naming the library's parameter.</summary>
    public static void AtLeast(int value, int minimum, string parameter, string what)
    {
        if (value < minimum)
            throw new OptionException(parameter, $"{what} must be at least {minimum}, got {value}.");
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
