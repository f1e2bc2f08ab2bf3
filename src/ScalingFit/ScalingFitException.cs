namespace ScalingFit;

/// <summary>
/// The base of every error the ScalingFit library raises on purpose: bad input data, a fit that
/// cannot be made, an option that does not fit the data. Callers can catch this one type and show
/// its <see cref="Exception.Message"/>, which is written for a person.
/// </summary>
public class ScalingFitException : Exception
{
    /// <summary>Creates an exception with a message written for a person.</summary>
    public ScalingFitException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ScalingFitException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// A fit that cannot be made as asked: too few points, a degenerate or collinear design,
/// a law that does not apply to the data.
/// </summary>
public class FitException : ScalingFitException
{
    /// <summary>Creates the exception.</summary>
    public FitException(string message) : base(message) { }
}

/// <summary>An option or argument that is not valid (an unknown law, a malformed point).</summary>
public class OptionException : ScalingFitException
{
    /// <summary>Creates the exception.</summary>
    public OptionException(string message) : base(message) { }
}
